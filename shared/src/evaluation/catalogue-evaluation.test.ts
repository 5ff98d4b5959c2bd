import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load-catalogue.js';
import { findNonFinite } from '../consolidation/__fixtures__/find-non-finite.js';
import { ret } from '../consolidation/__fixtures__/make-return.js';
import type { EvaluationNote, TargetEvaluation } from './evaluation-result.js';
import type { EvaluationStatus } from './status.js';
import { evaluateYear } from './evaluate-year.js';
import { BASELINES, FIRST_RETURN, FIRST_YEAR } from './__fixtures__/catalogue-figures.js';

/**
 * Every target of the real catalogue (seeds/catalogue) evaluated on plausible figures
 * (__fixtures__/catalogue-figures.ts) and checked against the statistician's hand computation:
 * target in canonical units, baseline, actual, 序时进度 expected value, 完成率, status and 还需年均增长.
 *
 * Hand formulas (docs/domain.md, "Evaluation"): expected = baseline + (target − baseline) × (year −
 * baseYear) / (targetYear − baseYear); completion = actual / target; what is still needed:
 * for a count (家, 个, 件, 套, 人 at period end or since the plan started) the whole number still to
 * add, target − actual (超过 a count: the next unit); for an amount's running total and for a share
 * (in percentage points), (target − actual) / yearsLeft; for other flows, levels and rates,
 * (target / actual)^(1 / yearsLeft) − 1.
 */
const catalogue = loadCatalogue();
const history = Object.entries(FIRST_RETURN).map(([park, values]) => ret(park, values, 1, String(FIRST_YEAR[park])));
// 青浦园 has reported no baseline: completion is computed, 序时进度 is not.
const baselines = { ...BASELINES, qingpu: {} };
const evaluations = [2024, 2025].flatMap((year) => evaluateYear(catalogue, year, history, { baselines }).evaluations);
const evaluationOf = (id: string, year: number): TargetEvaluation => {
  const found = evaluations.find((e) => e.targetId === id && e.year === year);
  if (!found) throw new Error(`no evaluation of ${id} in ${year}`);
  return found;
};

interface Row {
  id: string;
  target: number;
  baseline: number | null;
  actual: number;
  expected: number | null;
  completion: number;
  status: EvaluationStatus;
  /** A number, or the reason it is blank. */
  growth: number | string;
  notes?: EvaluationNote[];
}

const third = (base: number, target: number) => base + (target - base) / 3; // 2024 of a 2024-2026 plan

const ROWS: Row[] = [
  // 金山园 2025 (baseline 2024)
  // 超过60%: exactly 60% is not completed, but it is on the path from 56% (expected 58%).
  {
    id: 'jinshan.leading_industries_revenue_share.2026',
    target: 60,
    baseline: 56,
    actual: 60,
    expected: 58,
    completion: 1,
    status: 'on_track',
    growth: 'needs_more_than_target',
    notes: ['stretch_goal'],
  },
  { id: 'jinshan.rd_share.2026', target: 6, baseline: 5, actual: 5.6, expected: 5.5, completion: 5.6 / 6, status: 'on_track', growth: 6 - 5.6 },
  // 高新技术企业数量(累计): a level with a running total, from the 2024 baseline (not from 0).
  { id: 'jinshan.hnte_cumulative.2026', target: 500, baseline: 400, actual: 440, expected: 450, completion: 0.88, status: 'behind', growth: 60 },
  { id: 'jinshan.pct_applications.2026', target: 55, baseline: 35, actual: 48, expected: 45, completion: 48 / 55, status: 'on_track', growth: 55 / 48 - 1 },
  {
    id: 'jinshan.rd_institutions_municipal.2026',
    target: 32,
    baseline: 28,
    actual: 32,
    expected: 30,
    completion: 1,
    status: 'ahead',
    growth: 'already_completed',
  },
  {
    id: 'jinshan.leading_industries_talent.2026',
    target: 16_000,
    baseline: 14_000,
    actual: 14_800,
    expected: 15_000,
    completion: 14_800 / 16_000,
    status: 'behind',
    growth: 1_200,
  },
  { id: 'jinshan.incubators_national_or_hq.2026', target: 1, baseline: 0, actual: 0, expected: 0.5, completion: 0, status: 'behind', growth: 1 },
  {
    id: 'jinshan.talent_apartments.2026',
    target: 8_000,
    baseline: 5_000,
    actual: 6_600,
    expected: 6_500,
    completion: 6_600 / 8_000,
    status: 'on_track',
    growth: 1_400,
  },
  // 370亿元 = 3,700,000万元 against figures in 万元.
  {
    id: 'jinshan.chemical_new_materials_scale.2026',
    target: 3_700_000,
    baseline: 3_000_000,
    actual: 3_400_000,
    expected: 3_350_000,
    completion: 34 / 37,
    status: 'on_track',
    growth: 37 / 34 - 1,
  },
  // Totals since the plan started: baseline 0; an amount needs an amount a year, a count the whole number still to add.
  {
    id: 'jinshan.biomedicine_signed_investment.2026',
    target: 500_000,
    baseline: 0,
    actual: 300_000,
    expected: 250_000,
    completion: 0.6,
    status: 'on_track',
    growth: 200_000,
  },
  { id: 'jinshan.drug_registration_approvals.2026', target: 21, baseline: 0, actual: 9, expected: 10.5, completion: 9 / 21, status: 'behind', growth: 12 },
  {
    id: 'jinshan.biomedicine_scale.2026',
    target: 1_800_000,
    baseline: 1_200_000,
    actual: 1_500_000,
    expected: 1_500_000,
    completion: 15 / 18,
    status: 'on_track',
    growth: 0.2,
  },
  { id: 'jinshan.chain_enterprises_introduced.2026', target: 50, baseline: 0, actual: 30, expected: 25, completion: 0.6, status: 'on_track', growth: 20 },
  {
    id: 'jinshan.electronic_info_scale.2026',
    target: 1_050_000,
    baseline: 800_000,
    actual: 850_000,
    expected: 925_000,
    completion: 85 / 105,
    status: 'behind',
    growth: 105 / 85 - 1,
  },

  // 闵行园 2025 (baseline 2024)
  // 6,800,000 / 100,000,000 × 100 carries binary noise; 6.8% against 6.8% is completed.
  { id: 'minhang.rd_share.2026', target: 6.8, baseline: 6.2, actual: 6.8, expected: 6.5, completion: 1, status: 'ahead', growth: 'already_completed' },
  { id: 'minhang.hnte_valid.2026', target: 1_550, baseline: 1_300, actual: 1_400, expected: 1_425, completion: 1_400 / 1_550, status: 'behind', growth: 150 },
  { id: 'minhang.unicorn_hidden_champion.2026', target: 8, baseline: 4, actual: 6, expected: 6, completion: 0.75, status: 'on_track', growth: 2 },
  { id: 'minhang.pct_applications.2026', target: 200, baseline: 150, actual: 160, expected: 175, completion: 0.8, status: 'behind', growth: 0.25 },
  {
    id: 'minhang.strategic_emerging_output.2026',
    target: 13_800_000,
    baseline: 12_000_000,
    actual: 13_000_000,
    expected: 12_900_000,
    completion: 130 / 138,
    status: 'on_track',
    growth: 138 / 130 - 1,
  },
  {
    id: 'minhang.leading_industries_scale.2026',
    target: 6_750_000,
    baseline: 5_500_000,
    actual: 6_000_000,
    expected: 6_125_000,
    completion: 6 / 6.75,
    status: 'behind',
    growth: 0.125,
  },
  // 劳动生产率 = 增加值 / 从业人员: 5,000,000万元 / 100,000人 = 50万元/人; baseline 45.
  {
    id: 'minhang.labour_productivity.2026',
    target: 53.3,
    baseline: 45,
    actual: 50,
    expected: 49.15,
    completion: 50 / 53.3,
    status: 'on_track',
    growth: 53.3 / 50 - 1,
  },
  { id: 'minhang.hq_incubators.2026', target: 2, baseline: 0, actual: 1, expected: 1, completion: 0.5, status: 'on_track', growth: 1 },
  // 3.4万人 = 34000人.
  {
    id: 'minhang.leading_industries_talent.2026',
    target: 34_000,
    baseline: 26_000,
    actual: 30_000,
    expected: 30_000,
    completion: 30 / 34,
    status: 'on_track',
    growth: 4_000,
  },
  // 累计集聚基金规模: a level with a running total, from the 2024 baseline.
  {
    id: 'minhang.fund_scale_cumulative.2026',
    target: 3_500_000,
    baseline: 2_500_000,
    actual: 2_900_000,
    expected: 3_000_000,
    completion: 29 / 35,
    status: 'behind',
    growth: 600_000,
  },
  // 1-2家: completed at the low end, with a note that the high end is not reached.
  { id: 'minhang.incubators_upgraded.2026', target: 10, baseline: 0, actual: 4, expected: 5, completion: 0.4, status: 'behind', growth: 6 },

  // 奉贤园 2024 (draft plan 2024-2026, baseline 2023): a third of the path; two years left.
  {
    id: 'fengxian.unicorn_hidden_champion.2026',
    target: 2,
    baseline: 1,
    actual: 2,
    expected: third(1, 2),
    completion: 1,
    status: 'on_track',
    growth: 1,
    notes: ['draft_plan'],
  },
  // 千亿级 = 1000亿元 = 10,000,000万元.
  {
    id: 'fengxian.operating_revenue.2026',
    target: 10_000_000,
    baseline: 7_000_000,
    actual: 8_200_000,
    expected: 8_000_000,
    completion: 0.82,
    status: 'on_track',
    growth: Math.sqrt(100 / 82) - 1,
    notes: ['draft_plan'],
  },
  // 占全区: 4,700,000 / 7,000,000; baseline 4,200,000 / 6,500,000.
  {
    id: 'fengxian.featured_industries_district_share.2026',
    target: 70,
    baseline: 4_200 / 65,
    actual: 4_700 / 70,
    expected: third(4_200 / 65, 70),
    completion: 4_700 / 70 / 70,
    status: 'on_track',
    growth: (70 - 4_700 / 70) / 2,
  },
  {
    id: 'fengxian.featured_industries_talent.2026',
    target: 60_000,
    baseline: 45_000,
    actual: 50_000,
    expected: 50_000,
    completion: 5 / 6,
    status: 'on_track',
    growth: 10_000,
  },
  {
    id: 'fengxian.hq_incubators.2026',
    target: 1,
    baseline: 0,
    actual: 0,
    expected: 1 / 3,
    completion: 0,
    status: 'behind',
    growth: 1,
    notes: ['stretch_goal', 'draft_plan'],
  },
  // 日均: 9150 / 366 (2024 is a leap year) = 25; baseline 7300 / 365 (2023) = 20.
  {
    id: 'fengxian.new_tech_enterprises_daily.2026',
    target: 30,
    baseline: 20,
    actual: 25,
    expected: third(20, 30),
    completion: 25 / 30,
    status: 'on_track',
    growth: Math.sqrt(30 / 25) - 1,
  },

  // 金桥园 2025 (baseline 2024)
  // 3000亿 = 30,000,000万元.
  {
    id: 'jinqiao.leading_industries_scale.2026',
    target: 30_000_000,
    baseline: 24_000_000,
    actual: 28_000_000,
    expected: 27_000_000,
    completion: 28 / 30,
    status: 'on_track',
    growth: 30 / 28 - 1,
    notes: ['stretch_goal'],
  },
  { id: 'jinqiao.unicorn_hidden_champion.2026', target: 8, baseline: 5, actual: 6, expected: 6.5, completion: 0.75, status: 'behind', growth: 2 },
  { id: 'jinqiao.rd_share.2026', target: 5.5, baseline: 4.5, actual: 5, expected: 5, completion: 5 / 5.5, status: 'on_track', growth: 0.5 },
  {
    id: 'jinqiao.pct_applications.2026',
    target: 600,
    baseline: 400,
    actual: 520,
    expected: 500,
    completion: 520 / 600,
    status: 'on_track',
    growth: 600 / 520 - 1,
  },
  { id: 'jinqiao.hq_incubators.2026', target: 1, baseline: 0, actual: 1, expected: 0.5, completion: 1, status: 'ahead', growth: 'already_completed' },
  { id: 'jinqiao.smart_factories_benchmark.2026', target: 15, baseline: 9, actual: 11, expected: 12, completion: 11 / 15, status: 'behind', growth: 4 },
  // 新增超过200万平方米 = 2,000,000平方米 since 2025.
  {
    id: 'jinqiao.new_industrial_space.2026',
    target: 2_000_000,
    baseline: 0,
    actual: 1_200_000,
    expected: 1_000_000,
    completion: 0.6,
    status: 'on_track',
    growth: 800_000,
  },

  // 青浦园 2025, no baseline reported: 超过65% is met at 66% a year early by a share that can fall
  // (提前达到); without a baseline the incubator target cannot be judged (无法判断, never 滞后).
  {
    id: 'qingpu.leading_industries_revenue_share.2026',
    target: 65,
    baseline: null,
    actual: 66,
    expected: null,
    completion: 66 / 65,
    status: 'ahead',
    growth: 'already_completed',
    notes: ['no_baseline'],
  },
  {
    id: 'qingpu.hq_incubators_cultivating.2026',
    target: 1,
    baseline: null,
    actual: 0,
    expected: null,
    completion: 0,
    status: 'cannot_judge',
    growth: 1,
    notes: ['no_baseline'],
  },
];

/** Equal up to binary rounding noise, relative to the size of the numbers. */
const near = (actual: number | null, expected: number | null): boolean =>
  actual === expected || (actual !== null && expected !== null && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)));

describe('every target of the real catalogue, evaluated by hand', () => {
  it('has a row for every target of the catalogue', () => {
    expect(ROWS.map((r) => r.id).sort()).toEqual(catalogue.targets.map((t) => t.id).sort());
  });

  it('produces no NaN or Infinity anywhere', () => {
    expect(findNonFinite(evaluations)).toEqual([]);
  });

  it.each(ROWS)('$id', (row) => {
    const park = row.id.split('.')[0]!;
    const e = evaluationOf(row.id, FIRST_YEAR[park]!);
    const got = {
      target: e.target.value,
      baseline: e.baseline.value,
      actual: e.actual.value,
      expected: e.expected.value,
      completion: e.completion.value,
      growth: e.growthNeeded.value ?? e.growthNeeded.reason,
    };
    const want = { target: row.target, baseline: row.baseline, actual: row.actual, expected: row.expected, completion: row.completion, growth: row.growth };
    for (const key of Object.keys(want) as (keyof typeof want)[]) {
      const [g, w] = [got[key], want[key]];
      const same = typeof w === 'string' || typeof g === 'string' ? g === w : near(g ?? null, w);
      expect(same, `${key}: got ${String(g)}, hand ${String(w)}`).toBe(true);
    }
    expect(e.status).toBe(row.status);
    for (const note of row.notes ?? []) expect(e.notes).toContain(note);
  });
});

describe('the final year of the plan (2026)', () => {
  const finalYear = (park: string, values: Record<string, number>) => evaluateYear(catalogue, 2026, [ret(park, values, 1, '2026')], { baselines }).evaluations;
  const status = (evs: TargetEvaluation[], id: string) => evs.find((e) => e.targetId === id)!;

  it.each([
    // 超过60%: exactly 60% in 2026 is not completed; the completion rate is still 100%.
    ['jinshan.leading_industries_revenue_share.2026', { leading_industries_revenue: 6_000_000, operating_revenue: 10_000_000 }, 'behind'],
    ['jinshan.leading_industries_revenue_share.2026', { leading_industries_revenue: 6_000_100, operating_revenue: 10_000_000 }, 'completed'],
    // 超过2家: two is not more than two.
    ['fengxian.unicorn_hidden_champion.2026', { unicorn_hidden_champion: 2 }, 'behind'],
    ['fengxian.unicorn_hidden_champion.2026', { unicorn_hidden_champion: 3 }, 'completed'],
    // 超过200万平方米 (cumulative since 2025).
    ['jinqiao.new_industrial_space.2026', { new_industrial_space: 2_000_000 }, 'behind'],
    ['jinqiao.new_industrial_space.2026', { new_industrial_space: 2_000_001 }, 'completed'],
    // 日均 30家 in 2026 (365 days): 10950 / 365 = 30 exactly.
    ['fengxian.new_tech_enterprises_daily.2026', { new_tech_enterprises: 10_950 }, 'completed'],
    ['fengxian.new_tech_enterprises_daily.2026', { new_tech_enterprises: 10_949 }, 'behind'],
    // 3.4万人: 33,999 is not 34,000.
    ['minhang.leading_industries_talent.2026', { leading_industries_talent: 33_999 }, 'behind'],
    ['minhang.leading_industries_talent.2026', { leading_industries_talent: 34_000 }, 'completed'],
  ] as const)('%s with %o is %s', (id, values, expected) => {
    const e = status(finalYear(id.split('.')[0]!, values), id);
    expect(e.status).toBe(expected);
    expect(e.expected.value).toBe(e.target.value);
    if (expected !== 'completed') expect(e.growthNeeded.reason).toBe('target_year_reached');
  });

  it('gives 100% completion to exactly 60% against 超过60%, and still not completed', () => {
    const e = status(
      finalYear('jinshan', { leading_industries_revenue: 6_000_000, operating_revenue: 10_000_000 }),
      'jinshan.leading_industries_revenue_share.2026',
    );
    expect(near(e.completion.value, 1)).toBe(true);
    expect(e.completion.completed).toBe(false);
  });
});
