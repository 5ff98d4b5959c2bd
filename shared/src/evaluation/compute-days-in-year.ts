import { periodDays } from '../periods/period-days.js';
import { periodOf } from '../periods/period.js';

/** Days in a calendar year (365 or 366): the denominator of a 日均 rate over that year. */
export function computeDaysInYear(year: number): number {
  return periodDays(periodOf(year, null));
}
