import type { MeasureReading } from './measure-reading.js';

/** The figure of `code` as reported; `blank` names why it may be missing (not_reported or no_baseline). */
export function readReportedValue(
  code: string,
  values: Readonly<Record<string, number | null>> | null,
  blank: 'not_reported' | 'no_baseline',
): MeasureReading {
  const value = values?.[code] ?? null;
  const reading: MeasureReading = { value, numerator: null, denominator: null, source: value === null ? 'none' : 'reported' };
  if (value === null) reading.reason = blank;
  return reading;
}
