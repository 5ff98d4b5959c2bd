import type { Issue } from '../issues/issue.js';
import { makeIssue } from '../issues/make-issue.js';
import { normalizeFigureText } from '../figures/normalize-figure-text.js';
import { periodOf, type Period, type Quarter } from './period.js';

export type PeriodResult = { ok: true; period: Period } | { ok: false; issue: Issue };

/** Years a return can plausibly be for: plans run 2024-2026, baselines reach back a few years. */
export const PERIOD_MIN_YEAR = 2000;
export const PERIOD_MAX_YEAR = 2099;

/**
 * Reads "2025" (annual) or "2025Q3" (quarterly). Also takes "2025q3", full-width "２０２５Ｑ３",
 * surrounding spaces, and the number 2025 as an Excel cell gives it. Never throws.
 * Codes: period_invalid, period_year_out_of_range.
 */
export function parsePeriod(raw: unknown, path = 'period'): PeriodResult {
  const text = typeof raw === 'number' || typeof raw === 'string' ? normalizeFigureText(String(raw)) : '';
  const shown = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
  const match = /^(\d{4})(?:[Qq]([1-4]))?$/.exec(text);
  if (match === null) return { ok: false, issue: makeIssue('period_invalid', 'error', path, { raw: shown }) };
  const year = Number(match[1]);
  if (year < PERIOD_MIN_YEAR || year > PERIOD_MAX_YEAR) {
    const params = { raw: shown, min: PERIOD_MIN_YEAR, max: PERIOD_MAX_YEAR };
    return { ok: false, issue: makeIssue('period_year_out_of_range', 'error', path, params) };
  }
  const quarter = match[2] === undefined ? null : (Number(match[2]) as Quarter);
  return { ok: true, period: periodOf(year, quarter) };
}
