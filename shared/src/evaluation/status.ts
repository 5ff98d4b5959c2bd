import type { Localized } from '../catalogue/catalogue-schema.js';
import { isAtLeast } from './comparisons.js';

/**
 * The six statuses of the annual evaluation (年度评估), in the order they are decided
 * (docs/domain.md, "Evaluation"): 未报送 / 已完成 / 提前达到 / 符合序时进度 / 无法判断 / 滞后.
 */
export const EVALUATION_STATUSES = ['not_reported', 'completed', 'ahead', 'on_track', 'cannot_judge', 'behind'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** What the status of one target is decided from. */
export interface StatusFacts {
  /** The park reported the figure (and both components of a ratio), even if the ratio cannot be computed. */
  reported: boolean;
  /** The actual; null when not reported, or a ratio whose denominator is 0. */
  actual: number | null;
  /** The actual meets the target in its direction (see COMPARISON_KINDS). */
  completed: boolean;
  /** The figure can fall again (a flow, a ratio, a rate, a stock): met early, it is 提前达到. */
  canFall: boolean;
  /** The 序时进度 expected value; null without a baseline before the target year. */
  expected: number | null;
  /** The evaluated year is before the target year. */
  beforeTargetYear: boolean;
}

export interface StatusRule {
  status: EvaluationStatus;
  label: Localized;
  /** The threshold in words, printed in the evaluation workbook's legend. */
  rule: Localized;
  applies(facts: StatusFacts): boolean;
}

/**
 * The thresholds of the annual evaluation, as data: the first rule that applies gives the status.
 * Comparisons allow for rounding noise only (COMPARISON_TOLERANCE); there is no other margin.
 */
export const STATUS_RULES: readonly StatusRule[] = [
  {
    status: 'not_reported',
    label: { zh: '未报送', en: 'not reported' },
    rule: {
      zh: '当年没有审核通过或待审核的年报，或该指标（比值的分子、分母）未填报。填报为“无”的按0计，不算未报送',
      en: 'no accepted annual return for the year, or the figure (a ratio’s numerator or denominator) left blank; a figure reported as 无 is 0, not missing',
    },
    applies: (f) => !f.reported,
  },
  {
    status: 'completed',
    label: { zh: '已完成', en: 'completed' },
    rule: {
      zh: '实际值达到目标（≥ 目标值；“超过”须 > 目标值；区间目标达到下限即可），且已到目标年，或该指标为不会减少的累计数',
      en: 'the actual meets the target (≥ target; “超过” needs > target; a range needs its low end) in the target year, or earlier for a running total that cannot fall',
    },
    applies: (f) => f.completed && (!f.beforeTargetYear || !f.canFall),
  },
  {
    status: 'ahead',
    label: { zh: '提前达到', en: 'met early' },
    rule: {
      zh: '目标年之前已达到目标，但该指标（当年数、比率、比值、期末存量）可能回落，目标年仍须达到',
      en: 'met before the target year by a figure that can fall again (a flow, a ratio, a rate, a stock): it must still be met in the target year',
    },
    applies: (f) => f.completed && f.beforeTargetYear && f.canFall,
  },
  {
    status: 'on_track',
    label: { zh: '符合序时进度', en: 'on track' },
    rule: {
      zh: '目标年之前，目标增量完成进度 ≥ 时间进度，即 实际值 ≥ 基期值 +（目标值 − 基期值）× 时间进度',
      en: 'before the target year, incremental progress ≥ time elapsed, i.e. actual ≥ baseline + (target − baseline) × time elapsed',
    },
    applies: (f) => f.beforeTargetYear && f.actual !== null && f.expected !== null && isAtLeast(f.actual, f.expected),
  },
  {
    status: 'cannot_judge',
    label: { zh: '无法判断', en: 'cannot be judged' },
    rule: {
      zh: '目标年之前尚未达到目标而未报基期值，无法计算序时进度；或比值的分母为0，无法计算实际值。完成率照常列示',
      en: 'not met before the target year and no baseline reported, so progress on the path cannot be computed; or a ratio whose denominator is 0. Completion is still shown',
    },
    applies: (f) => f.actual === null || (f.beforeTargetYear && f.expected === null),
  },
  {
    status: 'behind',
    label: { zh: '滞后', en: 'behind' },
    rule: {
      zh: '其余情况：目标年之前低于序时进度，或已到目标年仍未达到目标',
      en: 'otherwise: below the path before the target year, or the target year reached without meeting the target',
    },
    applies: () => true,
  },
];

/** The status of one target: the first of STATUS_RULES that applies (the last one always does). */
export function computeStatus(facts: StatusFacts): EvaluationStatus {
  const rule = STATUS_RULES.find((r) => r.applies(facts));
  if (!rule) throw new Error('STATUS_RULES must end with a rule that always applies');
  return rule.status;
}
