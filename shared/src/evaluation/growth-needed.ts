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
