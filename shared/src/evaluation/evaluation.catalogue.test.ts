import { describe, expect, it } from 'vitest';
import { ret } from '../consolidation/__fixtures__/make-return.js';
import { findNonFinite } from '../consolidation/__fixtures__/find-non-finite.js';
import { loadCatalogue } from '../index.js';
import { computeCanonicalTarget } from './evaluate-target.js';
import { evaluateYear } from './evaluate-year.js';
import { rankParks } from './rank-parks.js';

// The real catalogue (seeds/catalogue), as it stands: these hold for any well-formed catalogue.
const catalogue = loadCatalogue();
const indicatorOf = (code: string) => catalogue.indicators.find((i) => i.code === code);

describe('evaluation of the real catalogue', () => {
  it('can state every target in its indicator’s canonical unit', () => {
    for (const t of catalogue.targets) {
      const indicator = indicatorOf(t.indicator);
      expect(indicator, t.id).toBeDefined();
      expect(() => computeCanonicalTarget(t, indicator!), t.id).not.toThrow();
    }
  });

  it('gives a range target a high end above its low end', () => {
    for (const t of catalogue.targets.filter((x) => x.comparison === 'range')) {
      expect(t.valueHigh, t.id).toBeGreaterThan(t.value);
    }
  });

  it('with no returns, reports every started target as 未报送 and never NaN', () => {
    for (const year of [2024, 2025, 2026]) {
      const y = evaluateYear(catalogue, year, [], { baselines: {} });
      expect(y.evaluations.every((e) => e.status === 'not_reported')).toBe(true);
      expect(findNonFinite(y)).toEqual([]);
      const started = catalogue.targets.filter((t) => catalogue.parks.find((p) => p.code === t.park)!.plan.startYear <= year);
      expect(y.evaluations).toHaveLength(started.length);
    }
  });

  it('with every figure and baseline reported as 1, evaluates every target without NaN', () => {
    const ones = Object.fromEntries(catalogue.indicators.map((i) => [i.code, 1]));
    const history = catalogue.parks.map((p) => ({ park: p.code, period: '2025', version: 1, values: ones }));
    const baselines = Object.fromEntries(catalogue.parks.map((p) => [p.code, ones]));
    const y = evaluateYear(catalogue, 2025, history, { baselines });
    expect(findNonFinite(y)).toEqual([]);
    expect(y.evaluations.every((e) => e.actual.value !== null)).toBe(true);
    expect(findNonFinite(rankParks(catalogue, 2025, history))).toEqual([]);
  });

  it('flags the targets of draft plans', () => {
    const y = evaluateYear(catalogue, 2026, [], { baselines: {} });
    for (const e of y.evaluations) expect(e.draftPlan).toBe(catalogue.parks.find((p) => p.code === e.park)!.draft);
  });
});

describe('worked examples on the real catalogue (computed by hand)', () => {
  const history = [
    ret('minhang', { rd_expenditure: 65, operating_revenue: 1000, leading_industries_talent: 30000 }, 3),
    ret('fengxian', { new_tech_enterprises: 10950 }),
    ret('jinqiao', { new_industrial_space: 1_000_000 }, 2),
  ];
  const baselines = {
    minhang: { rd_expenditure: 62, operating_revenue: 1000, leading_industries_talent: 26000 },
    fengxian: { new_tech_enterprises: 7300 },
  };
  const y = evaluateYear(catalogue, 2025, history, { baselines });
  const byId = (id: string) => y.evaluations.find((e) => e.targetId === id)!;

  it.each([
    // 6.2% → 6.8% over 2025-2026: expected 6.5; 65 / 1000 = 6.5%: on track; completion 6.5 / 6.8.
    { id: 'minhang.rd_share.2026', target: 6.8, actual: 6.5, expected: 6.5, completion: 6.5 / 6.8, status: 'on_track' },
    // 3.4万人 = 34000人; 26000 → expected 30000; 30000 on track; completion 30000 / 34000.
    { id: 'minhang.leading_industries_talent.2026', target: 34000, actual: 30000, expected: 30000, completion: 30000 / 34000, status: 'on_track' },
    // 日均 30家 (draft plan, 2024-2026): 10950 / 365 = 30 in 2025, a year early: 提前达到.
    { id: 'fengxian.new_tech_enterprises_daily.2026', target: 30, actual: 30, expected: 20 + (2 * 10) / 3, completion: 1, status: 'ahead' },
    // 新增超过200万平方米 (cumulative since 2025, gt): 2,000,000平方米; 1,000,000 by end 2025 = the
    // expected half: on track, but not completed, since 超过 needs more than 2,000,000.
    { id: 'jinqiao.new_industrial_space.2026', target: 2_000_000, actual: 1_000_000, expected: 1_000_000, completion: 0.5, status: 'on_track' },
  ])('$id', ({ id, target, actual, expected, completion, status }) => {
    const e = byId(id);
    expect(e.target.value).toBeCloseTo(target, 9);
    expect(e.actual.value).toBeCloseTo(actual, 9);
    expect(e.expected.value).toBeCloseTo(expected, 9);
    expect(e.completion.value).toBeCloseTo(completion, 9);
    expect(e.status).toBe(status);
  });

  it('flags 奉贤园’s targets as a draft plan and names the versions read', () => {
    expect(byId('fengxian.new_tech_enterprises_daily.2026').draftPlan).toBe(true);
    expect(byId('minhang.rd_share.2026').source).toEqual({ park: 'minhang', version: 3 });
  });
});
