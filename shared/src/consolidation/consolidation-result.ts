import type { ConsolidationKind, Localized } from '../catalogue/catalogue-schema.js';
import type { ReturnSource } from './park-returns.js';

/**
 * Why a unit's cell is blank: the unit was never asked for the figure (not_applicable, 不适用),
 * no return at all, the figure left blank, or a ratio that has no value. (A figure declared none,
 * 无, is not blank: it is 0, flagged `declaredNone`.)
 */
export const CELL_REASONS = ['not_applicable', 'no_return', 'not_reported', 'no_components', 'missing_component', 'division_by_zero', 'out_of_range'] as const;
export type CellReason = (typeof CELL_REASONS)[number];

/** One reporting unit's figure in a consolidated row (components too, for ratios and rates). */
export interface ConsolidatedCell {
  unit: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The unit answered 无 for this figure: value 0, shown as 「无」 (docs/domain.md, "Declared none (无)"). */
  declaredNone?: true;
  reason?: CellReason;
}

/**
 * not_additive: the indicator cannot be added across units (consolidation 'none');
 * no_contributors: no unit reported it; no_components: a ratio indicator without components
 * (a catalogue fault); division_by_zero / out_of_range: Σdenominator is 0 or the result overflows.
 */
export const TOTAL_REASONS = ['not_additive', 'no_contributors', 'no_components', 'division_by_zero', 'out_of_range'] as const;
export type TotalReason = (typeof TOTAL_REASONS)[number];

/** The consolidated figure with its parts and the units it was made from. */
export interface ConsolidatedTotal {
  value: number | null;
  /** Σnumerator for ratios and rates; null for sums. */
  numerator: number | null;
  /** Σdenominator (or the period's days, counted once) for ratios and rates; null for sums. */
  denominator: number | null;
  contributing: string[];
  reason?: TotalReason;
}

export interface ConsolidatedRow {
  indicator: string;
  name: Localized;
  unit: string;
  consolidation: ConsolidationKind;
  /** For ratios and rates: the component labels (indicator codes or "period_days") and the scale. */
  components?: { numerator: string; denominator: string; scale: number };
  cells: ConsolidatedCell[];
  total: ConsolidatedTotal;
  /**
   * The reporting units asked for this figure (docs/domain.md, "Blank, not applicable, not
   * reported"); a total made from fewer of them than this is a partial total ("k园合计").
   */
  asked: string[];
  /** Units asked whose cell is blank (for ratios: that did not report both components). */
  missing: string[];
  /** Why the catalogue consolidates it as it does, when it says (不合计: each park's own industries). */
  note?: Localized;
  /** Indicators of a different definition this row is never added to (from the catalogue). */
  distinctFrom: string[];
}

/**
 * unknown_unit: the park is not in the hierarchy; not_reporting_unit: it has sub-units, which are
 * consolidated instead; returned: a reviewer returned (退回) the version, so the park's latest
 * accepted version before it is read, or none (then the park is also in missingReturns).
 */
export const IGNORED_REASONS = ['unknown_unit', 'not_reporting_unit', 'returned'] as const;

/** A return that was read but not used, and why. */
export interface IgnoredReturn extends ReturnSource {
  reason: (typeof IGNORED_REASONS)[number];
}

export interface Consolidation {
  /** The org unit consolidated (the zone, or a park with sub-parks). */
  at: string;
  period: string;
  periodDays: number;
  /** The reporting units beneath `at`, in catalogue order: the columns of the workbook. */
  units: string[];
  rows: ConsolidatedRow[];
  /** Reporting units with no accepted return for the period (see `ignored` for those whose versions were all returned). */
  missingReturns: string[];
  /** The returns used: which version of each unit's return. */
  sources: ReturnSource[];
  ignored: IgnoredReturn[];
  /** The catalogue version consolidated against: its parks, indicators and definitions. */
  catalogueVersion: number;
}
