import type { Indicator } from '../../catalogue/catalogue-schema.js';
import { computeDerivedValue } from '../../consolidation/compute-derived-value.js';
import type { MeasureReading } from './measure-reading.js';

/**
 * A ratio or rate from its components when the park reported both (研发经费支出 / 营业收入 × 100);
 * otherwise the ratio as typed, if it was; otherwise blank with the reason. A zero denominator
 * stays a coded blank: a typed percentage cannot rescue a ratio whose whole is 0.
 */
export function readDerivedValue(
  indicator: Indicator,
  values: Readonly<Record<string, number | null>> | null,
  days: number,
  blank: 'not_reported' | 'no_baseline',
): MeasureReading {
  if (!values) return { value: null, numerator: null, denominator: null, source: 'none', reason: blank };
  const d = computeDerivedValue(indicator, values, days);
  if (d.value !== null) return { value: d.value, numerator: d.numerator, denominator: d.denominator, source: 'components' };
  const typed = values[indicator.code] ?? null;
  const parts = { numerator: d.numerator, denominator: d.denominator };
  if (d.reason === 'division_by_zero' || d.reason === 'out_of_range') return { value: null, ...parts, source: 'none', reason: d.reason };
  if (typed !== null) return { value: typed, ...parts, source: 'reported' };
  return { value: null, ...parts, source: 'none', reason: blank };
}
