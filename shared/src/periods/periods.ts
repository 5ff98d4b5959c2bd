import type { Issue } from '../issues/issue.js';
import { makeIssue } from '../issues/make-issue.js';
import { normalizeFigureText } from '../figures/normalize-figure-text.js';

/**
 * Reporting periods (报告期): a year (年报) or a quarter of it (季报), their days, bounds and order,
 * and when a return for one is due. `code` is the stable text form used in storage, routes and
 * templates: "2025" or "2025Q3".
 */
export type Quarter = 1 | 2 | 3 | 4;

export interface Period {
  code: string;
  year: number;
  quarter: Quarter | null;
  kind: 'annual' | 'quarterly';
}

/** Builds a period from its parts; callers pass a valid year and quarter. */
export function periodOf(year: number, quarter: Quarter | null): Period {
  return quarter === null ? { code: String(year), year, quarter: null, kind: 'annual' } : { code: `${year}Q${quarter}`, year, quarter, kind: 'quarterly' };
}

/** Gregorian leap year: 2024 and 2000 are, 2100 is not. */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

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

/**
 * Days in the period, the denominator of daily rates (日均新增科技企业 = 新增数 / days in the
 * year): 365 or 366; Q1 90 or 91 (February), Q2 91, Q3 92, Q4 92.
 */
export function periodDays(period: Period): number {
  const leap = isLeapYear(period.year);
  switch (period.quarter) {
    case null:
      return leap ? 366 : 365;
    case 1:
      return leap ? 91 : 90;
    case 2:
      return 91;
    case 3:
    case 4:
      return 92;
  }
}

/**
 * Days a return's flows cover. Chinese statistical returns report flows year-to-date (本年累计:
 * a Q3 return gives January to September), so a per-day rate (日均) of a quarterly return divides
 * by the days from January 1 to the end of its quarter; an annual return by the year's days.
 */
export function reportingDays(period: Period): number {
  if (period.quarter === null) return periodDays(period);
  let days = 0;
  for (let q = 1; q <= period.quarter; q++) days += periodDays(periodOf(period.year, q as Quarter));
  return days;
}

const QUARTER_STARTS = { 1: '01-01', 2: '04-01', 3: '07-01', 4: '10-01' } as const;
const QUARTER_ENDS = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' } as const;

/** First day of the period as an ISO date: where a flow (当年/当季) starts counting. */
export function periodStart(period: Period): string {
  return `${period.year}-${period.quarter === null ? '01-01' : QUARTER_STARTS[period.quarter]}`;
}

/** Last day of the period as an ISO date: the date a level (期末数) is measured at. */
export function periodEnd(period: Period): string {
  return `${period.year}-${period.quarter === null ? '12-31' : QUARTER_ENDS[period.quarter]}`;
}

/** The period a change is measured against: 2025 → 2024, 2025Q3 → 2025Q2, 2025Q1 → 2024Q4. */
export function previousPeriod(period: Period): Period {
  if (period.quarter === null) return periodOf(period.year - 1, null);
  if (period.quarter === 1) return periodOf(period.year - 1, 4);
  return periodOf(period.year, period.quarter === 4 ? 3 : period.quarter === 3 ? 2 : 1);
}

/** Sort key of a period by when it ends; an annual return comes after the year's fourth quarter. */
export function periodOrder(period: Pick<Period, 'year' | 'quarter'>): number {
  return period.year * 10 + (period.quarter ?? 5);
}

/**
 * Whether the period has begun at `now`: from its first day, 00:00 China Standard Time (UTC+8,
 * no daylight saving). A return for a period not begun has nothing to report yet.
 */
export function hasPeriodBegun(period: Period, now: Date): boolean {
  return new Date(`${periodStart(period)}T00:00:00+08:00`).getTime() <= now.getTime();
}

/**
 * The end of the last day a return for the period is on time: the period's last day, 23:59:59.999
 * China Standard Time (UTC+8, no daylight saving), plus the days allowed after it.
 */
export function computeDueDate(period: Period, dueDaysAfterPeriodEnd: number): Date {
  const end = new Date(`${periodEnd(period)}T23:59:59.999+08:00`);
  return new Date(end.getTime() + dueDaysAfterPeriodEnd * 86_400_000);
}
