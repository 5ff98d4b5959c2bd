import { computeDerivedValue } from '../compute-derived-value.js';
import type { ConsolidatedCell } from '../consolidation-result.js';
import type { ConsolidationInput } from './consolidation-behaviour.js';

/**
 * Each unit's ratio or rate computed from its own components, with the components shown. A
 * ratio whose blank components were all declared none (无) is declared_none: answered, no value.
 */
export function derivedCells({ indicator, units, valuesByUnit, periodDays, declaredNoneByUnit }: ConsolidationInput): ConsolidatedCell[] {
  const c = indicator.components;
  const codes = c ? [c.numerator, c.denominator].flatMap((ref) => ('indicator' in ref ? [ref.indicator] : [])) : [];
  return units.map((unit): ConsolidatedCell => {
    const values = valuesByUnit.get(unit);
    if (!values) return { unit, value: null, numerator: null, denominator: null, reason: 'no_return' };
    const cell: ConsolidatedCell = { unit, ...computeDerivedValue(indicator, values, periodDays) };
    const none = declaredNoneByUnit?.get(unit);
    if (cell.reason === 'missing_component' && none) {
      const blank = codes.filter((code) => (values[code] ?? null) === null);
      if (blank.length > 0 && blank.every((code) => none.has(code))) cell.reason = 'declared_none';
    }
    return cell;
  });
}
