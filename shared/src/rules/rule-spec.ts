/**
 * Rules are data, derived from the catalogue for each template (never hand-written per park).
 * Each kind has one module (rules/kinds/) with its check and its metadata.
 */
export type RuleSpec =
  /** Type, integer, range and required checks of one field. */
  | { kind: 'figure'; field: string }
  /** A part is not larger than its whole (研发经费支出 ≤ 营业收入), with a rounding tolerance. */
  | { kind: 'part_le_whole'; part: string; whole: string; tolerance: number }
  /** A typed ratio or rate agrees with its components. */
  | { kind: 'ratio_consistency'; field: string; tolerance: number }
  /** A running total (累计) must not fall from the last period. */
  | { kind: 'not_decreasing'; field: string }
  /** A change beyond ±band from the last period is a warning that needs an explanation. */
  | { kind: 'change_band'; field: string; band: number }
  /** A ~10000× jump or drop from the last period suggests a 万元/亿元 (or 人/万人) slip. */
  | { kind: 'magnitude_slip'; field: string; factor: number }
  /** The baseline (基期值) must be reported with the first return of a targeted field. */
  | { kind: 'baseline_required'; field: string };

export type RuleKind = RuleSpec['kind'];
