import { computeAmountPerYear } from './compute-amount-per-year.js';
import { computeCompoundGrowth } from './compute-compound-growth.js';
import type { GrowthNeeded } from './growth-needed.js';

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
