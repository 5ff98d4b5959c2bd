import type { Lang } from '../issues/issue.js';
import { decimalString } from './decimal-string.js';
import { findUnit } from './units.js';

export interface FormatFigureOptions {
  /** Fixed decimals, rounded half away from zero (as Excel displays). Default: as many as the
   *  value has, up to 15 significant digits, so no figure is shortened without asking. */
  decimals?: number;
  /** Append the unit (default true). */
  withUnit?: boolean;
}

/**
 * A figure for display: thousands separators, no float noise, never exponent form.
 * zh: "12,000万元", "34,000人", "12.5%"; en: "12,000 10k yuan", "34,000 persons", "1 person", "12.5%".
 * The zh form (and the bare number) reads back through parseFigure to the same value.
 * A blank (null) shows as "" so that it, too, reads back as blank rather than as 无.
 * Grouping is done by hand, not by Intl, so every machine prints the same text.
 * A non-finite value (figures never hold one) or bad `decimals` is a programming error: it throws.
 */
export function formatFigure(value: number | null, unit: string, lang: Lang, options: FormatFigureOptions = {}): string {
  if (value === null) return '';
  if (!Number.isFinite(value)) throw new RangeError(`formatFigure: ${value} is not a finite figure`);
  const { decimals } = options;
  if (decimals !== undefined && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 20)) {
    throw new RangeError(`formatFigure: decimals must be a whole number 0-20, got ${decimals}`);
  }
  const text = decimalString(value, decimals);
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
  if (options.withUnit === false) return grouped;
  const def = findUnit(unit);
  if (lang === 'zh' || def === undefined || def.dimension === 'percent') return grouped + unit;
  return `${grouped} ${grouped === '1' ? (def.name.enOne ?? def.name.en) : def.name.en}`;
}
