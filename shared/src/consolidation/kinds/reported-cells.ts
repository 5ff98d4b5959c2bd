import type { ConsolidatedCell } from '../consolidation-result.js';
import type { ConsolidationInput } from './consolidation-behaviour.js';

/** Each unit's reported value of the indicator itself, or why it is blank. */
export function reportedCells({ indicator, units, valuesByUnit, declaredNoneByUnit }: ConsolidationInput): ConsolidatedCell[] {
  return units.map((unit) => {
    const values = valuesByUnit.get(unit);
    const value = values?.[indicator.code] ?? null;
    const cell: ConsolidatedCell = { unit, value, numerator: null, denominator: null };
    if (!values) cell.reason = 'no_return';
    else if (value === null) cell.reason = declaredNoneByUnit?.get(unit)?.has(indicator.code) ? 'declared_none' : 'not_reported';
    return cell;
  });
}
