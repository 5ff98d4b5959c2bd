import type { Indicator } from '../catalogue/catalogue-schema.js';
import { findUnit } from '../figures/units.js';
import { isAtLeast } from './comparisons.js';

/**
 * What is still needed (还需) to reach a target by its year, in the indicator's own terms
 * (docs/domain.md, "Evaluation"):
 * - compound_rate: 还需年均增长 x%, a fraction (0.087 is 8.7% a year), for flows, rates and levels
 *   that are neither counts nor shares;
 * - amount_per_year: 还需年均增加 x, in the indicator's unit a year (a share: 个百分点 a year), for
 *   shares and for running totals of amounts;
 * - total_to_add: 还需新增 N, the whole number still to add by the target year, for counts, and the
 *   amount still to add for a figure at or below 0, where no growth rate exists.
 */
export const GROWTH_KINDS = ['compound_rate', 'amount_per_year', 'total_to_add'] as const;
export type GrowthKind = (typeof GROWTH_KINDS)[number];

export const GROWTH_REASONS = [
  'not_reported',
  'target_year_reached',
  'already_completed',
  /** Met exactly but worded 超过, with no next unit (a share, an amount): 须超过目标值. */
  'needs_more_than_target',
  'target_not_positive',
  'out_of_range',
] as const;
export type GrowthReason = (typeof GROWTH_REASONS)[number];

export interface GrowthNeeded {
  kind: GrowthKind;
  value: number | null;
  /** target year − evaluated year */
  yearsLeft: number;
  reason?: GrowthReason;
}

/** Dimensions whose figures are counted one by one (家, 件, 个, 套, 人). */
const COUNTED = new Set(['enterprises', 'pieces', 'items', 'sets', 'people']);

/**
 * How what is still needed is said for an indicator: a count (a whole-number stock, or a total
 * since the plan started) adds units; a share adds percentage points a year; a running total of an
 * amount adds an amount a year; anything else grows at a rate.
 */
export function growthKindOf(indicator: Pick<Indicator, 'unit' | 'measure' | 'valueType' | 'runningTotal'>): GrowthKind {
  if (indicator.unit === '%') return 'amount_per_year';
  const counted = indicator.valueType === 'integer' && COUNTED.has(findUnit(indicator.unit)?.dimension ?? '');
  if (counted && (indicator.measure === 'level' || indicator.measure === 'cumulative')) return 'total_to_add';
  if (indicator.measure === 'cumulative' || indicator.runningTotal) return 'amount_per_year';
  return 'compound_rate';
}

/**
 * (target / actual)^(1 / yearsLeft) − 1: from 460 to 500 in one year needs 500/460 − 1 = 8.70%.
 * From 0 or below there is no rate: the amount still to add instead. A target not above 0 has
 * no rate either: a coded blank, never NaN.
 */
export function computeCompoundGrowth(actual: number, target: number, yearsLeft: number): GrowthNeeded {
  if (actual <= 0) return computeTotalToAdd(actual, target, yearsLeft, false);
  const base = { kind: 'compound_rate' as const, yearsLeft };
  if (target <= 0) return { ...base, value: null, reason: 'target_not_positive' };
  const value = (target / actual) ** (1 / yearsLeft) - 1;
  return Number.isFinite(value) ? { ...base, value } : { ...base, value: null, reason: 'out_of_range' };
}

/** For a running total of an amount, or a share: (target − actual) / yearsLeft, in the unit a year. */
export function computeAmountPerYear(actual: number, target: number, yearsLeft: number): GrowthNeeded {
  const value = (target - actual) / yearsLeft;
  const base = { kind: 'amount_per_year' as const, yearsLeft };
  return Number.isFinite(value) ? { ...base, value } : { ...base, value: null, reason: 'out_of_range' };
}

/** target − actual by the target year: whole units for a count (2 − 0 = 还需新增2家). */
export function computeTotalToAdd(actual: number, target: number, yearsLeft: number, whole: boolean): GrowthNeeded {
  const gap = target - actual;
  const value = whole ? Math.ceil(gap - 1e-9 * Math.max(1, Math.abs(gap))) : gap;
  const base = { kind: 'total_to_add' as const, yearsLeft };
  return Number.isFinite(value) ? { ...base, value } : { ...base, value: null, reason: 'out_of_range' };
}

export interface GrowthNeededInput {
  /** From the indicator (growthKindOf). */
  kind: GrowthKind;
  actual: number | null;
  /** The target in canonical units (the low end of a range). */
  target: number;
  /** 超过: the actual must be strictly more than the target. */
  strictlyMore: boolean;
  completed: boolean;
  year: number;
  targetYear: number;
}

/**
 * What is still needed from the evaluated year to the target year. It needs no baseline: only
 * where the park stands now and where it must be. Against 超过 a count needs the next unit
 * (超过2家 with 2 needs 1 more); a share or an amount that equals the target needs "more than"
 * it, which has no number (needs_more_than_target).
 */
export function computeGrowthNeeded({ kind, actual, target, strictlyMore, completed, year, targetYear }: GrowthNeededInput): GrowthNeeded {
  const yearsLeft = targetYear - year;
  const blank = (reason: GrowthReason): GrowthNeeded => ({ kind, value: null, yearsLeft, reason });
  if (actual === null) return blank('not_reported');
  if (completed) return blank('already_completed');
  if (yearsLeft <= 0) return blank('target_year_reached');
  if (kind === 'total_to_add') return computeTotalToAdd(actual, strictlyMore ? target + 1 : target, yearsLeft, true);
  if (strictlyMore && isAtLeast(actual, target)) return blank('needs_more_than_target');
  return kind === 'compound_rate' ? computeCompoundGrowth(actual, target, yearsLeft) : computeAmountPerYear(actual, target, yearsLeft);
}
