import type { Issue } from '../issues/issue.js';
import { makeIssue } from '../issues/make-issue.js';
import { decimalString } from './decimal-string.js';
import { scaleValue } from './scale-value.js';
import { findUnit } from './units.js';

/** A converted value, or the one reason it cannot be converted. Never NaN or Infinity. */
export type ConvertResult = { ok: true; value: number } | { ok: false; issue: Issue };

/**
 * Converts a value between units of the same dimension (亿元 → 万元 × 10000; 万人 → 人 × 10000),
 * rounded by `roundFigure`. Different dimensions (家 → 件, % → 万元) are refused: counts of
 * different things never convert. Unit codes may come from data (a template header), so an
 * unknown code is an issue too, not a throw.
 *
 * Codes: figure_convert_unknown_unit, figure_convert_dimension_mismatch, figure_convert_not_finite.
 */
export function convertValue(value: number, fromUnit: string, toUnit: string, path = ''): ConvertResult {
  const from = findUnit(fromUnit);
  const to = findUnit(toUnit);
  const shown = Number.isFinite(value) ? decimalString(value) : String(value);
  const params = { value: shown, from: fromUnit, to: toUnit };
  if (from === undefined || to === undefined) {
    const unit = from === undefined ? fromUnit : toUnit;
    return { ok: false, issue: makeIssue('figure_convert_unknown_unit', 'error', path, { unit }) };
  }
  if (from.dimension !== to.dimension) {
    return { ok: false, issue: makeIssue('figure_convert_dimension_mismatch', 'error', path, params) };
  }
  if (!Number.isFinite(value)) {
    return { ok: false, issue: makeIssue('figure_convert_not_finite', 'error', path, params) };
  }
  const converted = scaleValue(value, from.factor / to.factor);
  if (!Number.isFinite(converted)) {
    return { ok: false, issue: makeIssue('figure_convert_not_finite', 'error', path, params) };
  }
  return { ok: true, value: converted };
}
