import type { GrowthNeeded } from './growth-needed.js';

/** For a running total: (target − actual) / yearsLeft, e.g. 21 − 12 = 9 more 批件 in the one year left. */
export function computeAmountPerYear(actual: number, target: number, yearsLeft: number): GrowthNeeded {
  const value = (target - actual) / yearsLeft;
  const base = { kind: 'amount_per_year' as const, yearsLeft };
  return Number.isFinite(value) ? { ...base, value } : { ...base, value: null, reason: 'out_of_range' };
}
