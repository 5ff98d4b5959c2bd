import { computeDerivedValue } from '../compute-derived-value.js';
import type { ConsolidatedCell } from '../consolidation-result.js';
import type { ConsolidationInput } from './consolidation-behaviour.js';

/** Each unit's ratio or rate computed from its own components, with the components shown. */
export function derivedCells({ indicator, units, valuesByUnit, periodDays }: ConsolidationInput): ConsolidatedCell[] {
  return units.map((unit): ConsolidatedCell => {
    const values = valuesByUnit.get(unit);
    if (!values) return { unit, value: null, numerator: null, denominator: null, reason: 'no_return' };
    return { unit, ...computeDerivedValue(indicator, values, periodDays) };
  });
}
