import { isLeapYear, type Period } from './period.js';

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
