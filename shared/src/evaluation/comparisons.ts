import type { Comparison, Localized } from '../catalogue/catalogue-schema.js';
import { computeQuotient, type Quotient } from '../consolidation/derived-values.js';

/**
 * Relative tolerance when an actual meets a target or an expected value. A ratio computed from
 * its components carries binary rounding noise (68 / 1000 × 100 = 6.800000000000001), and 6.8%
 * reported against a 6.8% target must count as reached; a real shortfall is many orders larger.
 */
export const COMPARISON_TOLERANCE = 1e-9;

const slack = (a: number, b: number): number => COMPARISON_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

/** a ≥ b, up to rounding noise. */
export function isAtLeast(a: number, b: number): boolean {
  return a >= b - slack(a, b);
}

/** a > b by more than rounding noise (超过: exactly the target is not more). */
export function isMoreThan(a: number, b: number): boolean {
  return a > b + slack(a, b);
}

/** How a comparison (the target's wording: 达到, 超过, 1-2家) decides whether an actual meets it. */
export interface ComparisonBehaviour {
  comparison: Comparison;
  /** The rule in words, for the workbook's legend. */
  rule: Localized;
  /** `low` is the target (the low end of a range), `high` the upper end of a range if any. */
  isMet(actual: number, low: number, high: number | null): boolean;
  /** Whether an actual that meets the target still falls short of the aim (the high end of 1-2家). */
  isShortOfAim(actual: number, high: number | null): boolean;
  /** 完成率 (docs/domain.md, "Evaluation"), as a fraction; a zero divisor is a coded blank. */
  completionRate(actual: number, low: number, high: number | null): Quotient;
}

/** 达到 / 实现 / 建成 / 不少于 / 以上, and the stretch goals 力争 / 努力: reach at least the target. */
const GTE_COMPARISON: ComparisonBehaviour = {
  comparison: 'gte',
  rule: { zh: '实际值 ≥ 目标值 即完成', en: 'completed when actual ≥ target' },
  isMet: (actual, low) => isAtLeast(actual, low),
  isShortOfAim: () => false,
  completionRate: (actual, low) => computeQuotient(actual, low),
};

/** 超过: strictly more than the target; reaching it exactly (60% against 超过60%) is not enough. */
const GT_COMPARISON: ComparisonBehaviour = {
  comparison: 'gt',
  rule: { zh: '实际值 > 目标值 即完成（“超过”：恰好等于目标不算完成）', en: 'completed when actual > target (“超过”: exactly the target is not enough)' },
  isMet: (actual, low) => isMoreThan(actual, low),
  isShortOfAim: () => false,
  completionRate: (actual, low) => computeQuotient(actual, low),
};

/**
 * 1-2家: at least the low end completes the target; the high end is the aim (noted when not
 * reached). 完成率 is actual ÷ low below the range, 100% within it and actual ÷ high above it:
 * reaching 2 of 1-2家 is 100%, not 200% (docs/domain.md, "Evaluation").
 */
const RANGE_COMPARISON: ComparisonBehaviour = {
  comparison: 'range',
  rule: {
    zh: '实际值 ≥ 区间下限 即完成；未达上限另行注明。完成率：低于下限时为 实际值 ÷ 下限，区间内为100%，高于上限时为 实际值 ÷ 上限',
    en: 'completed at the low end of the range, with a note when below the high end; completion is actual ÷ low end below the range, 100% within it, actual ÷ high end above it',
  },
  isMet: (actual, low) => isAtLeast(actual, low),
  isShortOfAim: (actual, high) => high !== null && !isAtLeast(actual, high),
  completionRate: (actual, low, high) => {
    if (!isAtLeast(actual, low)) return computeQuotient(actual, low);
    if (high === null || !isMoreThan(actual, high)) return { value: 1 };
    return computeQuotient(actual, high);
  },
};

/** Every comparison of the schema declares its rule here; a new one fails to compile until it does. */
export const COMPARISON_KINDS: Readonly<Record<Comparison, ComparisonBehaviour>> = {
  gte: GTE_COMPARISON,
  gt: GT_COMPARISON,
  range: RANGE_COMPARISON,
};

export interface Completion {
  /** 完成率 = actual / target (a range: see RANGE_COMPARISON), as a fraction: 0.92 is 92%. */
  value: number | null;
  /** Whether the actual meets the target in its direction (超过 needs strictly more). */
  completed: boolean;
  /** A range target completed at its low end, but below its high end. */
  belowHigh: boolean;
  reason?: 'not_reported' | 'division_by_zero' | 'out_of_range';
}

/**
 * Completion of one target. The rate is actual / target (a range has its own rate); whether the
 * target is met is the comparison's own rule, so against 超过60% an actual of 60% has a rate of
 * 100% and is still not met.
 */
export function computeCompletion(actual: number | null, target: { value: number; valueHigh: number | null }, comparison: Comparison): Completion {
  if (actual === null) return { value: null, completed: false, belowHigh: false, reason: 'not_reported' };
  const rule = COMPARISON_KINDS[comparison];
  const completed = rule.isMet(actual, target.value, target.valueHigh);
  const belowHigh = completed && rule.isShortOfAim(actual, target.valueHigh);
  const q = rule.completionRate(actual, target.value, target.valueHigh);
  return q.reason ? { value: null, completed, belowHigh, reason: q.reason } : { value: q.value, completed, belowHigh };
}
