import type { Issue, IssueParams } from '../issues/issue.js';
import { makeIssue } from '../issues/make-issue.js';
import { decimalString } from './decimal-string.js';
import { normalizeFigureText } from './normalize-figure-text.js';
import { readFigureText, type TextReading } from './read-figure-text.js';
import { readUnitSuffix } from './read-unit-suffix.js';
import { roundFigure } from './round-figure.js';
import { scaleValue } from './scale-value.js';
import { findUnit, type UnitDef } from './units.js';

/** What the field expects: its unit (a UNITS code), whole or decimal, and plausible bounds. */
export interface FigureExpectation {
  unit: string;
  valueType: 'integer' | 'decimal';
  min?: number;
  max?: number;
}

/**
 * The result of reading one cell. Discriminated by `kind`; `ok` says whether it may be stored.
 * - value: a finite number in the field's unit. `conversion` is set when the text named another
 *   unit or a magnitude ("1.2亿" in a 万元 field), so the UI can say "read as 12000万元".
 *   `issues` holds warnings only (figure_percent_looks_like_fraction).
 * - blank: nothing typed ("", spaces, null, undefined). Not zero: a blank is a missing figure.
 * - none: an explicit "nothing to report" (无, —, -, /, N/A, 不适用). Also not zero: the
 *   statistician says the figure does not apply; the validator decides whether that is allowed.
 * - refused: at least one error (and any warnings), each coded, with the raw text in params.
 * `value` is null unless kind is 'value', so callers can read it without narrowing.
 */
export type FigureResult =
  | {
      ok: true;
      kind: 'value';
      value: number;
      unit: string;
      explicitNone: false;
      conversion?: { typedValue: number; typedSuffix: string };
      issues: readonly Issue[];
    }
  | { ok: true; kind: 'blank'; value: null; unit: string; explicitNone: false; issues: readonly Issue[] }
  | { ok: true; kind: 'none'; value: null; unit: string; explicitNone: true; issues: readonly Issue[] }
  | { ok: false; kind: 'refused'; value: null; unit: string; issues: readonly [Issue, ...Issue[]] };

/**
 * Reads a figure as statisticians type it into Excel or send it as JSON, without guessing:
 * numbers (float noise rounded away, see roundFigure), full-width text (１２３．５), thousands
 * separators (1,234,567.8; 1,23 is refused), +/−/－ signs, exponents (1e5), a unit or magnitude
 * suffix of the field's dimension ("500家", "3.4万", "1.2亿元", "500万元" for 亿元 → 0.05).
 * Never throws and never returns NaN or Infinity.
 *
 * Percent fields: "12" and "12%" are both 12 (%). A value in (0, 1] typed without "%" is kept as
 * typed (0.12 stays 0.12%) with the warning figure_percent_looks_like_fraction, because an
 * Excel cell formatted as a percentage holds 0.12 for "12%", and a real 0.8% share also exists:
 * the statistician confirms which, the reader does not multiply by 100 on a guess.
 *
 * Error codes: figure_not_a_number, figure_not_finite, figure_ambiguous_separator,
 * figure_multiple_numbers, figure_approximate, figure_unknown_unit, figure_unit_mismatch,
 * figure_magnitude_not_allowed, figure_not_integer, figure_negative, figure_below_min,
 * figure_above_max, figure_too_large (10^15 or more), figure_field_unit_unknown (a catalogue error, reported, not thrown).
 */
/** The largest magnitude a figure may have in its field's unit. */
export const FIGURE_LIMIT = 1e15;

export function parseFigure(raw: unknown, expected: FigureExpectation, path: string): FigureResult {
  const unit = expected.unit;
  const base: IssueParams = { raw: showRaw(raw), unit };
  const refuse = (code: string, params: IssueParams = {}): FigureResult => ({
    ok: false,
    kind: 'refused',
    value: null,
    unit,
    issues: [makeIssue(code, 'error', path, { ...base, ...params })],
  });

  const field = findUnit(unit);
  if (field === undefined) return refuse('figure_field_unit_unknown');

  const reading = readRaw(raw);
  switch (reading.kind) {
    case 'blank':
      return { ok: true, kind: 'blank', value: null, unit, explicitNone: false, issues: [] };
    case 'none':
      return { ok: true, kind: 'none', value: null, unit, explicitNone: true, issues: [] };
    case 'refused':
      return refuse(reading.code);
  }

  if (!Number.isFinite(reading.number)) return refuse('figure_not_finite');
  const suffix = readUnitSuffix(reading.suffix, field);
  if (!suffix.ok) {
    const params: IssueParams = { typedUnit: reading.suffix };
    if (suffix.code === 'figure_magnitude_not_allowed') params['magnitude'] = suffix.magnitude;
    return refuse(suffix.code, params);
  }
  const value = scaleValue(reading.number, (suffix.magnitude * suffix.typed.factor) / field.factor);
  if (!Number.isFinite(value)) return refuse('figure_not_finite');
  // Excel keeps 15 significant digits, and nothing a park reports reaches 10^15 of its unit
  // (10^15 万元 is a thousand times the world's output): such a figure is a typing accident.
  if (Math.abs(value) >= FIGURE_LIMIT) return refuse('figure_too_large', { limit: '10^15' });

  const issues = checkValue(value, expected, field, reading.suffix !== '', path, base);
  const converted = suffix.typed !== field || suffix.magnitude !== 1;
  const conversion = converted ? { typedValue: roundFigure(reading.number), typedSuffix: reading.suffix } : undefined;
  // checkValue lists errors before warnings: an error, if any, comes first.
  const [first, ...rest] = issues;
  if (first?.severity === 'error') return { ok: false, kind: 'refused', value: null, unit, issues: [first, ...rest] };
  return {
    ok: true,
    kind: 'value',
    value,
    unit,
    explicitNone: false,
    ...(conversion === undefined ? {} : { conversion }),
    issues,
  };
}

/** Every check on the number, collected: "-12.5家" is both not whole and negative. */
function checkValue(value: number, expected: FigureExpectation, field: UnitDef, unitTyped: boolean, path: string, base: IssueParams): Issue[] {
  const params = { ...base, value: decimalString(value) };
  const issues: Issue[] = [];
  if (expected.valueType === 'integer' && !Number.isInteger(value)) {
    issues.push(makeIssue('figure_not_integer', 'error', path, params));
  }
  const { min, max } = expected;
  if (min !== undefined && value < min) {
    if (min === 0) issues.push(makeIssue('figure_negative', 'error', path, params));
    else issues.push(makeIssue('figure_below_min', 'error', path, { ...params, min: decimalString(min) }));
  }
  if (max !== undefined && value > max) {
    issues.push(makeIssue('figure_above_max', 'error', path, { ...params, max: decimalString(max) }));
  }
  // Warnings last (parseFigure relies on it).
  if (field.dimension === 'percent' && !unitTyped && value !== 0 && Math.abs(value) <= 1) {
    const percent = decimalString(value * 100);
    issues.push(makeIssue('figure_percent_looks_like_fraction', 'warning', path, { ...params, percent }));
  }
  return issues;
}

/** Whether a raw cell is an explicit "nothing to report" (无, —, N/A, 不适用), whatever the field's unit. */
export function isDeclaredNone(raw: unknown): boolean {
  return readRaw(raw).kind === 'none';
}

/** JS numbers come from Excel cells and JSON; strings from text cells and forms. */
function readRaw(raw: unknown): TextReading {
  if (raw === null || raw === undefined) return { kind: 'blank' };
  if (typeof raw === 'number') return { kind: 'number', number: raw, suffix: '' };
  if (typeof raw === 'bigint') return { kind: 'number', number: Number(raw), suffix: '' };
  if (typeof raw === 'string') return readFigureText(normalizeFigureText(raw));
  // Booleans, dates, rich-text objects: unwrapping an Excel cell is the Excel layer's job.
  return { kind: 'refused', code: 'figure_not_a_number' };
}

/** The raw input as a message shows it: the text as typed, cut to 40 characters. */
function showRaw(raw: unknown): string {
  let text: string;
  if (typeof raw === 'string') text = raw;
  else if (typeof raw === 'number' || typeof raw === 'bigint' || typeof raw === 'boolean') text = String(raw);
  else if (raw === null || raw === undefined) text = '';
  else text = Object.prototype.toString.call(raw);
  const chars = [...text];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text;
}
