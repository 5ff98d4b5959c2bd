/**
 * 还需年均增长: what each remaining year must add to reach the target by the target year.
 * compound_rate is a fraction (0.087 is 8.7% a year), amount_per_year is in the indicator's unit
 * (for a share in %, percentage points a year).
 */
export const GROWTH_REASONS = [
  'not_reported',
  'target_year_reached',
  'already_completed',
  'actual_not_positive',
  'target_not_positive',
  'out_of_range',
] as const;
export type GrowthReason = (typeof GROWTH_REASONS)[number];

export interface GrowthNeeded {
  kind: 'compound_rate' | 'amount_per_year';
  value: number | null;
  /** target year − evaluated year */
  yearsLeft: number;
  reason?: GrowthReason;
}

/**
 * (target / actual)^(1 / yearsLeft) − 1: from 460 to 500 in one year needs 500/460 − 1 = 8.70%.
 * Meaningless when the actual or the target is not positive: a coded blank, never NaN.
 */
export function computeCompoundGrowth(actual: number, target: number, yearsLeft: number): GrowthNeeded {
  const base = { kind: 'compound_rate' as const, yearsLeft };
  if (actual <= 0) return { ...base, value: null, reason: 'actual_not_positive' };
  if (target <= 0) return { ...base, value: null, reason: 'target_not_positive' };
  const value = Math.pow(target / actual, 1 / yearsLeft) - 1;
  return Number.isFinite(value) ? { ...base, value } : { ...base, value: null, reason: 'out_of_range' };
}

/** For a running total: (target − actual) / yearsLeft, e.g. 21 − 12 = 9 more 批件 in the one year left. */
export function computeAmountPerYear(actual: number, target: number, yearsLeft: number): GrowthNeeded {
  const value = (target - actual) / yearsLeft;
  const base = { kind: 'amount_per_year' as const, yearsLeft };
  return Number.isFinite(value) ? { ...base, value } : { ...base, value: null, reason: 'out_of_range' };
}

export interface GrowthNeededInput {
  /** From the measure kind: compound rate for levels, flows, ratios and rates; amount for running totals. */
  kind: GrowthNeeded['kind'];
  actual: number | null;
  /** The target in canonical units (the low end of a range). */
  target: number;
  completed: boolean;
  year: number;
  targetYear: number;
}

const FORMULAS = { compound_rate: computeCompoundGrowth, amount_per_year: computeAmountPerYear } as const;

/**
 * 还需年均增长 (the run-rate still needed) from the evaluated year to the target year. It needs no
 * baseline: only where the park stands now and where it must be.
 */
export function computeGrowthNeeded({ kind, actual, target, completed, year, targetYear }: GrowthNeededInput): GrowthNeeded {
  const yearsLeft = targetYear - year;
  const blank = (reason: NonNullable<GrowthNeeded['reason']>): GrowthNeeded => ({ kind, value: null, yearsLeft, reason });
  if (actual === null) return blank('not_reported');
  if (completed) return blank('already_completed');
  if (yearsLeft <= 0) return blank('target_year_reached');
  return FORMULAS[kind](actual, target, yearsLeft);
}
