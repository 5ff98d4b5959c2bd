/**
 * Rules are data, derived from the catalogue for each template (never hand-written per park).
 * Each kind has one module (rules/kinds/) with its check and its metadata.
 */

/**
 * What a figure is compared with over time: the previous period's accepted value (the default),
 * or, in a park's first annual return, the baseline (基期值) it reports with it, which is the
 * figure of the year just before.
 */
export type Reference = 'previous' | 'baseline';

export type RuleSpec =
  /** Type, integer, range and required checks of one field. */
  | { kind: 'figure'; field: string }
  /**
   * A part is not larger than its whole (研发经费支出 ≤ 营业收入), with a rounding tolerance, in the
   * figures and in the baselines. `through` lists the wholes in between for a part of a part
   * (高端化工新材料 ⊂ 主导及特色产业营收 ⊂ 营业收入): the rule applies only when none of them is reported.
   */
  | { kind: 'part_le_whole'; part: string; whole: string; tolerance: number; through?: string[] }
  /** A typed ratio or rate agrees with its components. */
  | { kind: 'ratio_consistency'; field: string; tolerance: number }
  /** A ratio or rate computed from its components lies within the field's bounds (a share in 0-100). */
  | { kind: 'derived_in_range'; field: string }
  /** A running total (累计) must not fall from the last period (or from the baseline). */
  | { kind: 'not_decreasing'; field: string; against?: Reference }
  /** A change beyond ±band from the last period (or the baseline) is a warning that needs an explanation. */
  /** floor: for whole-number counts, a change of at most this many units is never flagged. */
  | { kind: 'change_band'; field: string; band: number; floor?: number; against?: Reference }
  /** A ~10000× jump or drop from the last period (or the baseline) suggests a 万元/亿元 (or 人/万人) slip. */
  | { kind: 'magnitude_slip'; field: string; factor: number; against?: Reference }
  /** The baseline (基期值) must be reported with the first return of a targeted field. */
  | { kind: 'baseline_required'; field: string };

export type RuleKind = RuleSpec['kind'];
