import { describe, expect, it } from 'vitest';
import { ret } from '../consolidation/__fixtures__/make-return.js';
import { findNonFinite } from '../consolidation/__fixtures__/find-non-finite.js';
import { EVALUATION_CATALOGUE as CAT } from './__fixtures__/evaluation-catalogue.js';
import { evaluateYear } from './evaluate-year.js';

const history = [
  ret('jinshan', { hightech_cumulative: 460, pct_applications: 40, drug_approvals_new: 12 }, 2, '2025'),
  ret('minhang', { rd_expenditure: 65, operating_revenue: 1000, incubators_hq: 1, talent_leading: 30000 }, 1, '2025'),
  ret('fengxian', { new_tech_enterprises: 10980, unicorns: 2 }, 1, '2024'),
  ret('fengxian', { new_tech_enterprises: 10950, unicorns: 3 }, 4, '2025'),
  ret('jinqiao', { incubators_hq: 1 }, 1, '2025'),
  // a quarterly return is not read by the annual evaluation
  ret('qingpu', { incubators_hq: 2 }, 1, '2025Q3'),
];
const baselines = {
  jinshan: { hightech_cumulative: 400, pct_applications: 35 },
  minhang: { rd_expenditure: 62, operating_revenue: 1000, talent_leading: 26000 },
  fengxian: { new_tech_enterprises: 7300, unicorns: 1 },
};

describe('evaluateYear', () => {
  it('evaluates every target of every park whose plan has started, with its status', () => {
    const y = evaluateYear(CAT, 2025, history, { baselines });
    expect(Object.fromEntries(y.evaluations.map((e) => [e.targetId, e.status]))).toEqual({
      'jinshan.hightech_cumulative.2026': 'on_track', // 460 ≥ 450
      'jinshan.pct_applications.2026': 'behind', // 40 < 45
      'jinshan.drug_approvals_new.2026': 'on_track', // 12 ≥ 10.5
      'jinshan.leading_share.2026': 'not_reported',
      'jinshan.industry_scale.2026': 'not_reported',
      'minhang.rd_share.2026': 'on_track', // 6.5% ≥ 6.5%
      'minhang.talent_leading.2026': 'on_track', // 30000 ≥ 30000
      'minhang.incubators_hq.2026': 'cannot_judge', // no baseline for it
      'fengxian.daily_new_tech_enterprises.2026': 'ahead', // 10950 / 365 = 30, a year early: a rate can fall
      'fengxian.unicorns.2026': 'ahead', // 3 > 2 a year early: a stock can fall
      'jinqiao.incubators_hq.2026': 'ahead',
      'qingpu.incubators_hq.2026': 'not_reported', // only a quarterly return
    });
    expect(y.sources).toEqual([
      { park: 'jinshan', version: 2 },
      { park: 'minhang', version: 1 },
      { park: 'fengxian', version: 4 },
      { park: 'jinqiao', version: 1 },
    ]);
    expect(y.evaluations.filter((e) => e.draftPlan).map((e) => e.park)).toEqual(['fengxian', 'fengxian']);
    expect(findNonFinite(y)).toEqual([]);
  });

  it('evaluates a year before most plans start only for the plans that have started', () => {
    const y = evaluateYear(CAT, 2024, history, { baselines });
    // 奉贤园's plan runs 2024-2026: 2024 (366 days) 10980 / 366 = 30: met two years early (提前达到);
    // 2 > 2 is not, and expected 1 + (2 − 1) × 1/3 = 1.33: 2 ≥ 1.33 on track.
    expect(y.evaluations.map((e) => [e.targetId, e.status])).toEqual([
      ['fengxian.daily_new_tech_enterprises.2026', 'ahead'],
      ['fengxian.unicorns.2026', 'on_track'],
    ]);
  });

  it('lists the returned (退回) versions it did not read; a park with none accepted is not reported', () => {
    const accepted = history.filter((r) => r.park !== 'jinqiao');
    const returned = [
      { park: 'jinshan', version: 3 },
      { park: 'jinqiao', version: 1 },
    ];
    const y = evaluateYear(CAT, 2025, accepted, { baselines, returned });
    expect(y.ignored).toEqual([
      { park: 'jinshan', version: 3, reason: 'returned' },
      { park: 'jinqiao', version: 1, reason: 'returned' },
    ]);
    expect(y.sources.map((s) => s.park)).toEqual(['jinshan', 'minhang', 'fengxian']);
    expect(y.evaluations.find((e) => e.targetId === 'jinqiao.incubators_hq.2026')).toMatchObject({ status: 'not_reported', source: null });
    expect(evaluateYear(CAT, 2025, history, { baselines }).ignored).toEqual([]);
  });

  it('reads only the latest accepted version: two returns of one park for a year is misuse', () => {
    const twice = [...history, ret('jinshan', {}, 3, '2025')];
    expect(() => evaluateYear(CAT, 2025, twice, { baselines })).toThrow(/two returns of jinshan/);
  });

  it('refuses a catalogue whose target names an unknown indicator', () => {
    const broken = { ...CAT, targets: [{ ...CAT.targets[0]!, indicator: 'nonexistent' }] };
    expect(() => evaluateYear(broken, 2025, [], { baselines: {} })).toThrow(/unknown park or indicator/);
  });
});
