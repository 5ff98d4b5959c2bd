import { findUnit } from '@zj/shared';

/** A unit as a sheet shows it: the unit, and the factor from the stored (canonical) unit. */
export interface DisplayUnit {
  unit: string;
  /** shown = stored ÷ divisor */
  divisor: number;
  numFmt: string;
}

/**
 * Leaders read amounts in 亿元 and areas in 万平方米 (docs/domain.md, "Consolidation"): 3,400,000
 * 万元 is 340.00 亿元. Every other unit is shown as stored. Counts keep whole numbers.
 */
export function leaderUnitOf(unit: string, valueType: 'integer' | 'decimal' = 'decimal'): DisplayUnit {
  if (unit === '万元') return { unit: '亿元', divisor: 10_000, numFmt: '#,##0.00' };
  if (unit === '平方米') return { unit: '万平方米', divisor: 10_000, numFmt: '#,##0.00' };
  return { unit, divisor: 1, numFmt: valueType === 'integer' ? '#,##0' : (findUnit(unit)?.numFmt ?? '#,##0.00') };
}

/** A stored value in a display unit (null stays null). */
export function toDisplay(value: number | null, unit: DisplayUnit): number | null {
  return value === null ? null : unit.divisor === 1 ? value : value / unit.divisor;
}
