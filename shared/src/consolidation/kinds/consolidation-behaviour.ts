import type { ConsolidationKind, Indicator } from '../../catalogue/catalogue-schema.js';
import type { ConsolidatedCell, ConsolidatedTotal } from '../consolidation-result.js';

export interface ConsolidationInput {
  indicator: Indicator;
  /** Reporting units in column order. */
  units: readonly string[];
  /** Each unit's values (by indicator code); absent when the unit has no return. */
  valuesByUnit: ReadonlyMap<string, Readonly<Record<string, number | null>>>;
  periodDays: number;
  /** Each unit's indicator codes declared none (无); absent or empty when it declared none. */
  declaredNoneByUnit?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** How one consolidation kind reads each unit's cell and makes the total. */
export interface ConsolidationBehaviour {
  kind: ConsolidationKind;
  description: { zh: string; en: string };
  consolidate(input: ConsolidationInput): { cells: ConsolidatedCell[]; total: ConsolidatedTotal };
}
