import type { Localized } from '../catalogue/catalogue-schema.js';
import { isAtLeast } from './comparisons.js';

/** The four statuses of the annual evaluation (年度评估): 已完成 / 符合序时进度 / 滞后 / 未报送. */
export const EVALUATION_STATUSES = ['completed', 'on_track', 'behind', 'not_reported'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** What the status of one target is decided from. */
export interface StatusFacts {
  actual: number | null;
  /** The actual meets the target in its direction (see COMPARISON_KINDS). */
  completed: boolean;
  /** The 序时进度 expected value; null without a baseline. */
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
    rule: { zh: '当年未报送该指标(或比值的分母为0)', en: 'the figure is not reported for the year (or a ratio’s denominator is 0)' },
    applies: (f) => f.actual === null,
  },
  {
    status: 'completed',
    label: { zh: '已完成', en: 'completed' },
    rule: {
      zh: '实际值达到目标(≥ 目标值;“超过”须 > 目标值;区间目标达到下限即可)',
      en: 'the actual meets the target (≥ target; “超过” needs > target; a range needs its low end)',
    },
    applies: (f) => f.completed,
  },
  {
    status: 'on_track',
    label: { zh: '符合序时进度', en: 'on track' },
    rule: {
      zh: '目标年之前,实际值 ≥ 序时进度预期值 = 基期值 + (目标值 − 基期值) × 已过年数 ÷ (目标年 − 基期年);无基期值则无法判断',
      en: 'before the target year, actual ≥ expected = baseline + (target − baseline) × years elapsed ÷ (target year − baseline year); cannot be judged without a baseline',
    },
    applies: (f) => f.beforeTargetYear && f.actual !== null && f.expected !== null && isAtLeast(f.actual, f.expected),
  },
  {
    status: 'behind',
    label: { zh: '滞后', en: 'behind' },
    rule: {
      zh: '其余情况:低于序时进度,目标年已到仍未完成,或未报基期值而尚未完成',
      en: 'otherwise: below the expected value, the target year reached without completion, or not completed with no baseline',
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
