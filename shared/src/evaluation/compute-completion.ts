import type { Comparison } from '../catalogue/catalogue-schema.js';
import { computeQuotient } from '../consolidation/compute-quotient.js';
import { COMPARISON_KINDS } from './comparisons/comparison-kinds.js';

export interface Completion {
  /** 完成率 = actual / target (the low end of a range), as a fraction: 0.92 is 92%. */
  value: number | null;
  /** Whether the actual meets the target in its direction (超过 needs strictly more). */
  completed: boolean;
  /** A range target completed at its low end, but below its high end. */
  belowHigh: boolean;
  reason?: 'not_reported' | 'division_by_zero' | 'out_of_range';
}

/**
 * Completion of one target. The rate is actual / target for every comparison; whether the target
 * is completed is the comparison's own rule, so against 超过60% an actual of 60% has a rate of
 * 100% and is still not completed.
 */
export function computeCompletion(
  actual: number | null,
  target: { value: number; valueHigh: number | null },
  comparison: Comparison,
): Completion {
  if (actual === null) return { value: null, completed: false, belowHigh: false, reason: 'not_reported' };
  const rule = COMPARISON_KINDS[comparison];
  const completed = rule.isMet(actual, target.value, target.valueHigh);
  const belowHigh = completed && rule.isShortOfAim(actual, target.valueHigh);
  const q = computeQuotient(actual, target.value);
  return q.reason ? { value: null, completed, belowHigh, reason: q.reason } : { value: q.value, completed, belowHigh };
}
