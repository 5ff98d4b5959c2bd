import type { GrowthNeeded } from './growth-needed.js';

/**
 * (target / actual)^(1 / yearsLeft) − 1: from 460 to 500 in one year needs 500/460 − 1 = 8.70%.
 * Meaningless when the actual or the target is not positive: a coded blank, never NaN.
 */
export function computeCompoundGrowth(actual: number, target: number, yearsLeft: number): GrowthNeeded {
  const base = { kind: 'compound_rate' as const, yearsLeft };
  if (actual <= 0) return { ...base, value: null, reason: 'actual_not_positive' };
  if (target <= 0) return { ...base, value: null, reason: 'target_not_positive' };
  const value = (target / actual) ** (1 / yearsLeft) - 1;
  return Number.isFinite(value) ? { ...base, value } : { ...base, value: null, reason: 'out_of_range' };
}
