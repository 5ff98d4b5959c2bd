import { periodDays, periodOf } from '../periods/periods.js';

/** Days in a calendar year (365 or 366): the denominator of a 日均 rate over that year. */
export function computeDaysInYear(year: number): number {
  return periodDays(periodOf(year, null));
}
