import { describe, expect, it } from 'vitest';
import { findNonFinite } from '../consolidation/__fixtures__/find-non-finite.js';
import { evaluateFixtureTarget as evaluate } from './__fixtures__/evaluate-fixture-target.js';
import { EVALUATION_CATALOGUE as CAT } from './__fixtures__/evaluation-catalogue.js';
import { evaluateTarget } from './evaluate-target.js';
import type { GrowthNeeded } from './growth-needed.js';
import type { EvaluationStatus } from './status.js';

interface Case {
  name: string;
  id: string;
  year: number;
  values: Record<string, number | null> | null;
  baselines: Record<string, number | null> | null;
  target: number;
  baseline: number | null;
  actual: number | null;
  expected: number | null;
  /** 时间进度: (year − base year) ÷ (target year − base year). */
  time: number;
  /** 目标增量完成进度: (actual − baseline) ÷ (target − baseline); null without a baseline or an actual. */
  increment: number | null;
  completion: number | null;
  completed: boolean;
  status: EvaluationStatus;
  growthKind?: GrowthNeeded['kind'];
  growth: number | null;
  growthReason?: string;
  notes?: string[];
}

// Every number below is worked out by hand in the comment above its row (docs/domain.md, "Evaluation").
const cases: Case[] = [
  // 金山园 高新技术企业 500家 (a count at period end that can fall), plan 2025-2026, baseline year 2024: 400.
  // 时间进度 2025 = 1/2; 目标增量完成进度 = (460 − 400) / (500 − 400) = 60% ≥ 50%: on track
  // (the same as 460 ≥ expected 400 + 100 × 1/2 = 450). completion = 460 / 500 = 92%;
  // a count still needs 还需新增 500 − 460 = 40家.
  {
    name: 'level 500家: baseline 400, actual 460 in 2025',
    id: 'jinshan.hightech_cumulative.2026',
    year: 2025,
    values: { hightech_cumulative: 460 },
    baselines: { hightech_cumulative: 400 },
    target: 500,
    baseline: 400,
    actual: 460,
    expected: 450,
    time: 0.5,
    increment: 0.6,
    completion: 0.92,
    completed: false,
    status: 'on_track',
    growthKind: 'total_to_add',
    growth: 40,
  },
  // 2026 is the target year: 500 ≥ 500 completes it.
  {
    name: 'level 500家: actual 500 in the target year',
    id: 'jinshan.hightech_cumulative.2026',
    year: 2026,
    values: { hightech_cumulative: 500 },
    baselines: { hightech_cumulative: 400 },
    target: 500,
    baseline: 400,
    actual: 500,
    expected: 500,
    time: 1,
    increment: 1,
    completion: 1,
    completed: true,
    status: 'completed',
    growth: null,
    growthReason: 'already_completed',
  },
  // 480 < 500 in the target year: behind, nothing left to grow into. completion 480 / 500 = 96%.
  {
    name: 'level 500家: actual 480 in the target year',
    id: 'jinshan.hightech_cumulative.2026',
    year: 2026,
    values: { hightech_cumulative: 480 },
    baselines: { hightech_cumulative: 400 },
    target: 500,
    baseline: 400,
    actual: 480,
    expected: 500,
    time: 1,
    increment: 0.8,
    completion: 0.96,
    completed: false,
    status: 'behind',
    growth: null,
    growthReason: 'target_year_reached',
  },
  // A stock that can fall, met a year early (510 ≥ 500 in 2025): 提前达到, not 已完成.
  {
    name: 'level 500家 met in 2025: 提前达到 (a stock can fall again)',
    id: 'jinshan.hightech_cumulative.2026',
    year: 2025,
    values: { hightech_cumulative: 510 },
    baselines: { hightech_cumulative: 400 },
    target: 500,
    baseline: 400,
    actual: 510,
    expected: 450,
    time: 0.5,
    increment: 1.1,
    completion: 1.02,
    completed: true,
    status: 'ahead',
    growth: null,
    growthReason: 'already_completed',
  },
  // PCT 年申请量 55件 (annual flow): 35 in 2024 → 目标增量完成进度 (40 − 35) / 20 = 25% < 50%: behind.
  // completion 40 / 55 = 72.73%; a flow needs a rate: (55 / 40) − 1 = 37.5%.
  {
    name: 'annual flow 55件: baseline 35, actual 40',
    id: 'jinshan.pct_applications.2026',
    year: 2025,
    values: { pct_applications: 40 },
    baselines: { pct_applications: 35 },
    target: 55,
    baseline: 35,
    actual: 40,
    expected: 45,
    time: 0.5,
    increment: 0.25,
    completion: 40 / 55,
    completed: false,
    status: 'behind',
    growthKind: 'compound_rate',
    growth: 0.375,
  },
  // A flow met early (56 ≥ 55 in 2025) can fall the next year: 提前达到.
  {
    name: 'annual flow 55件 met in 2025: 提前达到',
    id: 'jinshan.pct_applications.2026',
    year: 2025,
    values: { pct_applications: 56 },
    baselines: { pct_applications: 35 },
    target: 55,
    baseline: 35,
    actual: 56,
    expected: 45,
    time: 0.5,
    increment: 21 / 20,
    completion: 56 / 55,
    completed: true,
    status: 'ahead',
    growth: null,
    growthReason: 'already_completed',
  },
  // 新增21个药品注册批件 over 2025-2026 (since the plan started): the running total starts at 0.
  // 目标增量完成进度 12 / 21 = 57.1% ≥ 50%: on track; a count: 还需新增 21 − 12 = 9个.
  {
    name: 'cumulative 新增21个: running total 12 at end 2025',
    id: 'jinshan.drug_approvals_new.2026',
    year: 2025,
    values: { drug_approvals_new: 12 },
    baselines: null,
    target: 21,
    baseline: 0,
    actual: 12,
    expected: 10.5,
    time: 0.5,
    increment: 12 / 21,
    completion: 12 / 21,
    completed: false,
    status: 'on_track',
    growthKind: 'total_to_add',
    growth: 9,
  },
  // running total 8 < 10.5: behind; 还需新增 21 − 8 = 13个.
  {
    name: 'cumulative 新增21个: running total 8 at end 2025',
    id: 'jinshan.drug_approvals_new.2026',
    year: 2025,
    values: { drug_approvals_new: 8 },
    baselines: null,
    target: 21,
    baseline: 0,
    actual: 8,
    expected: 10.5,
    time: 0.5,
    increment: 8 / 21,
    completion: 8 / 21,
    completed: false,
    status: 'behind',
    growthKind: 'total_to_add',
    growth: 13,
  },
  // A running total cannot fall: 22 ≥ 21 in 2025 is 已完成.
  {
    name: 'cumulative 新增21个 met in 2025: 已完成 (a running total cannot fall)',
    id: 'jinshan.drug_approvals_new.2026',
    year: 2025,
    values: { drug_approvals_new: 22 },
    baselines: null,
    target: 21,
    baseline: 0,
    actual: 22,
    expected: 10.5,
    time: 0.5,
    increment: 22 / 21,
    completion: 22 / 21,
    completed: true,
    status: 'completed',
    growth: null,
    growthReason: 'already_completed',
  },
  // 研发经费占营收比重 6.8% from components: baseline 62 / 1000 × 100 = 6.2%, actual 65 / 1000 × 100 = 6.5%.
  // 目标增量完成进度 (6.5 − 6.2) / (6.8 − 6.2) = 50% ≥ 50% (up to rounding noise): on track.
  // completion 6.5 / 6.8 = 95.59%; a share moves in percentage points: 6.8 − 6.5 = 0.3 points in the one year left.
  {
    name: 'ratio 6.8% from components: 6.2% → 6.5%',
    id: 'minhang.rd_share.2026',
    year: 2025,
    values: { rd_expenditure: 65, operating_revenue: 1000 },
    baselines: { rd_expenditure: 62, operating_revenue: 1000 },
    target: 6.8,
    baseline: 6.2,
    actual: 6.5,
    expected: 6.5,
    time: 0.5,
    increment: 0.5,
    completion: 6.5 / 6.8,
    completed: false,
    status: 'on_track',
    growthKind: 'amount_per_year',
    growth: 6.8 - 6.5,
  },
  // Components blank, the percentage typed: 6.9 ≥ 6.8 in 2025, a ratio (it can fall): 提前达到, noted as typed.
  {
    name: 'ratio typed without its components, met early',
    id: 'minhang.rd_share.2026',
    year: 2025,
    values: { rd_share: 6.9, rd_expenditure: null, operating_revenue: null },
    baselines: { rd_share: 6.2 },
    target: 6.8,
    baseline: 6.2,
    actual: 6.9,
    expected: 6.5,
    time: 0.5,
    increment: 0.7 / 0.6,
    completion: 6.9 / 6.8,
    completed: true,
    status: 'ahead',
    growth: null,
    growthReason: 'already_completed',
    notes: ['typed_ratio'],
  },
  // 日均新增科技企业30家 (奉贤园, plan 2024-2026, draft). 2024 is a leap year: 10980 / 366 = 30, met
  // two years early by a rate that can fall: 提前达到. The baseline (2023, 365 days): 7300 / 365 = 20.
  // 时间进度 2024 = (2024 − 2023) / (2026 − 2023) = 1/3.
  {
    name: 'per-day rate 30家/日 in leap 2024: 10980 / 366 = 30',
    id: 'fengxian.daily_new_tech_enterprises.2026',
    year: 2024,
    values: { new_tech_enterprises: 10980 },
    baselines: { new_tech_enterprises: 7300 },
    target: 30,
    baseline: 20,
    actual: 30,
    expected: 20 + 10 / 3,
    time: 1 / 3,
    increment: 1,
    completion: 1,
    completed: true,
    status: 'ahead',
    growth: null,
    growthReason: 'already_completed',
    notes: ['draft_plan'],
  },
  // The same 10950 over 366 days is 29.918 a day: not met; 目标增量完成进度 (29.918 − 20) / 10 = 99.2% ≥ 33.3%:
  // on track. completion 29.918 / 30 = 99.73%; a rate: (30 / 29.918)^(1/2) − 1.
  {
    name: 'per-day rate in leap 2024: 10950 / 366 = 29.92',
    id: 'fengxian.daily_new_tech_enterprises.2026',
    year: 2024,
    values: { new_tech_enterprises: 10950 },
    baselines: { new_tech_enterprises: 7300 },
    target: 30,
    baseline: 20,
    actual: 10950 / 366,
    expected: 20 + 10 / 3,
    time: 1 / 3,
    increment: (10950 / 366 - 20) / 10,
    completion: 10950 / 366 / 30,
    completed: false,
    status: 'on_track',
    growthKind: 'compound_rate',
    growth: Math.sqrt(30 / (10950 / 366)) - 1,
    notes: ['draft_plan'],
  },
  // 2025 has 365 days: 10950 / 365 = 30: still a year early, 提前达到.
  {
    name: 'per-day rate in 2025: 10950 / 365 = 30',
    id: 'fengxian.daily_new_tech_enterprises.2026',
    year: 2025,
    values: { new_tech_enterprises: 10950 },
    baselines: { new_tech_enterprises: 7300 },
    target: 30,
    baseline: 20,
    actual: 30,
    expected: 20 + (10 * 2) / 3,
    time: 2 / 3,
    increment: 1,
    completion: 1,
    completed: true,
    status: 'ahead',
    growth: null,
    growthReason: 'already_completed',
    notes: ['draft_plan'],
  },
  // 超过60% (gt, 争取 → stretch): 600 / 1000 = 60% exactly is NOT met (completion rate 100%).
  // baseline 550 / 1000 = 55% → 目标增量完成进度 (60 − 55) / 5 = 100% ≥ 50%: on track. What is still
  // needed is more than 60%: a share has no next unit, so 须超过目标值 (no number).
  {
    name: 'gt 超过60%: exactly 60% is not met',
    id: 'jinshan.leading_share.2026',
    year: 2025,
    values: { leading_industry_revenue: 600, operating_revenue: 1000 },
    baselines: { leading_industry_revenue: 550, operating_revenue: 1000 },
    target: 60,
    baseline: 55,
    actual: 60,
    expected: 57.5,
    time: 0.5,
    increment: 1,
    completion: 1,
    completed: false,
    status: 'on_track',
    growth: null,
    growthReason: 'needs_more_than_target',
    notes: ['stretch_goal'],
  },
  // In the target year 60% is behind; 60.1% (601 / 1000) completes it.
  {
    name: 'gt 超过60%: 60% in the target year is behind',
    id: 'jinshan.leading_share.2026',
    year: 2026,
    values: { leading_industry_revenue: 600, operating_revenue: 1000 },
    baselines: { leading_industry_revenue: 550, operating_revenue: 1000 },
    target: 60,
    baseline: 55,
    actual: 60,
    expected: 60,
    time: 1,
    increment: 1,
    completion: 1,
    completed: false,
    status: 'behind',
    growth: null,
    growthReason: 'target_year_reached',
    notes: ['stretch_goal'],
  },
  {
    name: 'gt 超过60%: 60.1% completes it',
    id: 'jinshan.leading_share.2026',
    year: 2026,
    values: { leading_industry_revenue: 601, operating_revenue: 1000 },
    baselines: { leading_industry_revenue: 550, operating_revenue: 1000 },
    target: 60,
    baseline: 55,
    actual: 60.1,
    expected: 60,
    time: 1,
    increment: 5.1 / 5,
    completion: 60.1 / 60,
    completed: true,
    status: 'completed',
    growth: null,
    growthReason: 'already_completed',
    notes: ['stretch_goal'],
  },
  // 1-2家 (range): 1 meets the low end (a stock that can fall, a year early: 提前达到), with a note
  // that 2 is not reached; completion within the range is 100%, and 2 is 100% too, not 200%.
  {
    name: 'range 1-2家: 1 meets the low end, below the high end',
    id: 'qingpu.incubators_hq.2026',
    year: 2025,
    values: { incubators_hq: 1 },
    baselines: { incubators_hq: 0 },
    target: 1,
    baseline: 0,
    actual: 1,
    expected: 0.5,
    time: 0.5,
    increment: 1,
    completion: 1,
    completed: true,
    status: 'ahead',
    growth: null,
    growthReason: 'already_completed',
    notes: ['below_range_high'],
  },
  {
    name: 'range 1-2家: 2 is 100%, not 200%',
    id: 'qingpu.incubators_hq.2026',
    year: 2026,
    values: { incubators_hq: 2 },
    baselines: { incubators_hq: 0 },
    target: 1,
    baseline: 0,
    actual: 2,
    expected: 1,
    time: 1,
    increment: 2,
    completion: 1,
    completed: true,
    status: 'completed',
    growth: null,
    growthReason: 'already_completed',
  },
  {
    name: 'range 1-2家: 3 is 3 / 2 = 150%',
    id: 'qingpu.incubators_hq.2026',
    year: 2026,
    values: { incubators_hq: 3 },
    baselines: { incubators_hq: 0 },
    target: 1,
    baseline: 0,
    actual: 3,
    expected: 1,
    time: 1,
    increment: 3,
    completion: 1.5,
    completed: true,
    status: 'completed',
    growth: null,
    growthReason: 'already_completed',
  },
  // A count at 0 needs 还需新增1家 (no growth rate exists from 0).
  {
    name: 'range 1-2家: 0 is behind, 还需新增1家',
    id: 'qingpu.incubators_hq.2026',
    year: 2025,
    values: { incubators_hq: 0 },
    baselines: { incubators_hq: 0 },
    target: 1,
    baseline: 0,
    actual: 0,
    expected: 0.5,
    time: 0.5,
    increment: 0,
    completion: 0,
    completed: false,
    status: 'behind',
    growthKind: 'total_to_add',
    growth: 1,
  },
  // 力争建成1家 (stretch): evaluated as ≥ 1, flagged; met a year early: 提前达到.
  {
    name: 'stretch 力争1家: 1 met early, flagged as stretch',
    id: 'jinqiao.incubators_hq.2026',
    year: 2025,
    values: { incubators_hq: 1 },
    baselines: { incubators_hq: 0 },
    target: 1,
    baseline: 0,
    actual: 1,
    expected: 0.5,
    time: 0.5,
    increment: 1,
    completion: 1,
    completed: true,
    status: 'ahead',
    growth: null,
    growthReason: 'already_completed',
    notes: ['stretch_goal'],
  },
  // No baseline: completion 1 / 2 = 50% is computed; 序时进度 cannot be judged: 无法判断, never 滞后.
  // What is still needed needs no baseline: 还需新增 2 − 1 = 1家.
  {
    name: 'no baseline: completion computed, 无法判断',
    id: 'minhang.incubators_hq.2026',
    year: 2025,
    values: { incubators_hq: 1 },
    baselines: null,
    target: 2,
    baseline: null,
    actual: 1,
    expected: null,
    time: 0.5,
    increment: null,
    completion: 0.5,
    completed: false,
    status: 'cannot_judge',
    growthKind: 'total_to_add',
    growth: 1,
    notes: ['no_baseline'],
  },
  // No baseline in the target year: the target is simply not met: 滞后.
  {
    name: 'no baseline in the target year: 滞后',
    id: 'minhang.incubators_hq.2026',
    year: 2026,
    values: { incubators_hq: 1 },
    baselines: null,
    target: 2,
    baseline: null,
    actual: 1,
    expected: 2,
    time: 1,
    increment: null,
    completion: 0.5,
    completed: false,
    status: 'behind',
    growth: null,
    growthReason: 'target_year_reached',
    notes: ['no_baseline'],
  },
  // 奉贤园's plan is a draft (征求意见稿): evaluated, flagged. 超过2家: 3 > 2 is met, in 2025 (a year
  // early, a stock): 提前达到. completion 3 / 2 = 150%.
  {
    name: 'draft plan 超过2家: 3 met early, flagged draftPlan',
    id: 'fengxian.unicorns.2026',
    year: 2025,
    values: { unicorns: 3 },
    baselines: { unicorns: 1 },
    target: 2,
    baseline: 1,
    actual: 3,
    expected: 1 + (1 * 2) / 3,
    time: 2 / 3,
    increment: 2,
    completion: 1.5,
    completed: true,
    status: 'ahead',
    growth: null,
    growthReason: 'already_completed',
    notes: ['draft_plan'],
  },
  // 超过2家 with exactly 2: not met; the next unit is needed: 还需新增1家 (not 还需 0.0%).
  // 目标增量完成进度 (2 − 1) / (2 − 1) = 100% ≥ 2/3: on track.
  {
    name: 'draft plan 超过2家: 2 needs the next unit',
    id: 'fengxian.unicorns.2026',
    year: 2025,
    values: { unicorns: 2 },
    baselines: { unicorns: 1 },
    target: 2,
    baseline: 1,
    actual: 2,
    expected: 1 + (1 * 2) / 3,
    time: 2 / 3,
    increment: 1,
    completion: 1,
    completed: false,
    status: 'on_track',
    growthKind: 'total_to_add',
    growth: 1,
    notes: ['draft_plan'],
  },
  // No return: 未报送, every part blank with a reason; baseline and expected still shown.
  {
    name: 'missing return: 未报送',
    id: 'jinshan.hightech_cumulative.2026',
    year: 2025,
    values: null,
    baselines: { hightech_cumulative: 400 },
    target: 500,
    baseline: 400,
    actual: null,
    expected: 450,
    time: 0.5,
    increment: null,
    completion: null,
    completed: false,
    status: 'not_reported',
    growth: null,
    growthReason: 'not_reported',
  },
  // A return with the figure left blank is 未报送 too.
  {
    name: 'figure left blank: 未报送',
    id: 'jinshan.pct_applications.2026',
    year: 2025,
    values: { pct_applications: null },
    baselines: { pct_applications: 35 },
    target: 55,
    baseline: 35,
    actual: null,
    expected: 45,
    time: 0.5,
    increment: null,
    completion: null,
    completed: false,
    status: 'not_reported',
    growth: null,
    growthReason: 'not_reported',
  },
  // 3.4万人 in canonical 人: 34000. baseline 26000 → 目标增量完成进度 (30000 − 26000) / 8000 = 50%: on track;
  // completion 30000 / 34000 = 88.24%; people at period end are a count: 还需新增 4000人.
  {
    name: 'unit conversion: 3.4万人 = 34000人',
    id: 'minhang.talent_leading.2026',
    year: 2025,
    values: { talent_leading: 30000 },
    baselines: { talent_leading: 26000 },
    target: 34000,
    baseline: 26000,
    actual: 30000,
    expected: 30000,
    time: 0.5,
    increment: 0.5,
    completion: 30000 / 34000,
    completed: false,
    status: 'on_track',
    growthKind: 'total_to_add',
    growth: 4000,
  },
  // 180亿元 in canonical 万元: 1,800,000. 1,500,000万元 reported, 1,200,000 baseline → on track; a flow: a rate.
  {
    name: 'unit conversion: 180亿元 = 1800000万元',
    id: 'jinshan.industry_scale.2026',
    year: 2025,
    values: { industry_scale: 1_500_000 },
    baselines: { industry_scale: 1_200_000 },
    target: 1_800_000,
    baseline: 1_200_000,
    actual: 1_500_000,
    expected: 1_500_000,
    time: 0.5,
    increment: 0.5,
    completion: 1_500_000 / 1_800_000,
    completed: false,
    status: 'on_track',
    growthKind: 'compound_rate',
    growth: 1.8 / 1.5 - 1,
  },
  // A flow at 0 has no growth rate: the amount still to add, 55 − 0 = 55件.
  {
    name: 'annual flow at 0: the amount still to add',
    id: 'jinshan.pct_applications.2026',
    year: 2025,
    values: { pct_applications: 0 },
    baselines: { pct_applications: 35 },
    target: 55,
    baseline: 35,
    actual: 0,
    expected: 45,
    time: 0.5,
    increment: -35 / 20,
    completion: 0,
    completed: false,
    status: 'behind',
    growthKind: 'total_to_add',
    growth: 55,
  },
];

describe('evaluateTarget: worked examples (computed by hand)', () => {
  it.each(cases)('$name', (c) => {
    const e = evaluate(c.id, c.year, c.values, c.baselines);
    const close = (got: number | null, want: number | null) => (want === null ? expect(got).toBeNull() : expect(got).toBeCloseTo(want, 9));
    close(e.target.value, c.target);
    close(e.baseline.value, c.baseline);
    close(e.actual.value, c.actual);
    close(e.expected.value, c.expected);
    close(e.expected.elapsed, c.time);
    close(e.increment.value, c.increment);
    close(e.completion.value, c.completion);
    expect(e.completion.completed).toBe(c.completed);
    expect(e.status).toBe(c.status);
    if (c.growthKind) expect(e.growthNeeded.kind).toBe(c.growthKind);
    close(e.growthNeeded.value, c.growth);
    expect(e.growthNeeded.reason).toBe(c.growthReason);
    expect(e.notes).toEqual(c.notes ?? []);
    expect(findNonFinite(e)).toEqual([]);
  });
});

describe('evaluateTarget: the parts a workbook explains', () => {
  it('returns the ratio’s components, the source return and the plan’s own words', () => {
    const e = evaluate('minhang.rd_share.2026', 2025, { rd_expenditure: 65, operating_revenue: 1000 }, { rd_expenditure: 62, operating_revenue: 1000 });
    expect(e.actual).toMatchObject({ numerator: 65, denominator: 1000, source: 'components' });
    expect(e.baseline).toMatchObject({ numerator: 62, denominator: 1000, source: 'components', year: 2024 });
    expect(e.quote).toBe('园区企业研发经费支出占营业收入比重达到6.8%');
    expect(e.source).toEqual({ park: 'minhang', version: 1 });
    expect(e.expected.elapsed).toBe(0.5);
    expect(e.growthNeeded).toMatchObject({ kind: 'amount_per_year', yearsLeft: 1 });
  });

  it('shows a target as written and in canonical units', () => {
    const e = evaluate('minhang.talent_leading.2026', 2025, null, null);
    expect(e.target).toMatchObject({ value: 34000, factor: 10000, unit: '人', asWritten: { value: 3.4, valueHigh: null, unit: '万' } });
  });

  it('states the running total’s baseline as the plan start and what is still needed as a count', () => {
    const e = evaluate('jinshan.drug_approvals_new.2026', 2025, { drug_approvals_new: 12 }, null);
    expect(e.baseline).toMatchObject({ value: 0, source: 'plan_start', year: 2024 });
    expect(e.growthNeeded).toMatchObject({ kind: 'total_to_add', value: 9 });
  });

  it('collects each part’s reason code in one list', () => {
    const e = evaluate('minhang.incubators_hq.2026', 2025, null, null);
    expect(e.reasons).toEqual([
      { part: 'baseline', code: 'no_baseline' },
      { part: 'actual', code: 'not_reported' },
      { part: 'expected', code: 'no_baseline' },
      { part: 'increment', code: 'no_baseline' },
      { part: 'completion', code: 'not_reported' },
      { part: 'growthNeeded', code: 'not_reported' },
    ]);
  });

  // A target nothing was reported for is 未报送: “no baseline: completion is computed” would
  // promise a completion there is none of (青浦园's sheet printed it beside an empty 完成率).
  it('notes the missing baseline only where there is an actual to compute completion from', () => {
    expect(evaluate('minhang.incubators_hq.2026', 2025, null, null).notes).not.toContain('no_baseline');
    expect(evaluate('minhang.incubators_hq.2026', 2025, { incubators_hq: 1 }, null).notes).toContain('no_baseline');
  });

  it('codes a ratio whose denominator is 0 (no NaN): reported, but 无法判断', () => {
    const e = evaluate('minhang.rd_share.2026', 2025, { rd_expenditure: 0, operating_revenue: 0, rd_share: 5 }, null);
    expect(e.actual).toMatchObject({ value: null, reason: 'division_by_zero', numerator: 0, denominator: 0 });
    expect(e.status).toBe('cannot_judge');
    expect(findNonFinite(e)).toEqual([]);
  });

  // docs/domain.md, "Declared none (无)": 无 is an answer, 0 for a count, evaluated like any 0.
  it('evaluates a count typed 无 as 0: 滞后 against an expected 1, noted, never 未报送', () => {
    // 高质量孵化器 2家: baseline 0 (2024), expected 2025 = 0 + 2 × 1/2 = 1; 无 = 0 < 1.
    const e = evaluate('minhang.incubators_hq.2026', 2025, { incubators_hq: 0 }, { incubators_hq: 0 }, ['incubators_hq']);
    expect(e.actual).toMatchObject({ value: 0, declaredNone: true });
    expect(e.completion.value).toBe(0);
    expect(e.status).toBe('behind');
    expect(e.notes).toContain('declared_none');
  });

  it('reads a version stored before 无 was kept as 0 (null, declared none) the same way', () => {
    const e = evaluate('minhang.incubators_hq.2026', 2025, { incubators_hq: null }, { incubators_hq: 0 }, ['incubators_hq']);
    expect(e.actual.value).toBe(0);
    expect(e.status).toBe('behind');
  });

  it('evaluates a ratio whose numerator is 无 as 0% from its components', () => {
    const e = evaluate('minhang.rd_share.2026', 2025, { rd_expenditure: 0, operating_revenue: 1000 }, { rd_expenditure: 62, operating_revenue: 1000 }, [
      'rd_expenditure',
    ]);
    expect(e.actual).toMatchObject({ value: 0, numerator: 0, denominator: 1000, source: 'components' });
    expect(e.notes).toContain('declared_none');
  });

  it('refuses a target handed with another park’s indicator or return (misuse)', () => {
    const [target, other] = CAT.targets;
    const indicator = CAT.indicators.find((x) => x.code === target!.indicator)!;
    const park = CAT.parks.find((x) => x.code === target!.park)!;
    const wrongIndicator = CAT.indicators.find((x) => x.code === other!.indicator)!;
    expect(() => evaluateTarget({ target: target!, indicator: wrongIndicator, park, year: 2025, yearReturn: null, baselines: null })).toThrow(/is not of/);
    const wrongReturn = { park: 'minhang', period: '2025', version: 1, values: {} };
    expect(() => evaluateTarget({ target: target!, indicator, park, year: 2025, yearReturn: wrongReturn, baselines: null })).toThrow(/not jinshan/);
  });
});
