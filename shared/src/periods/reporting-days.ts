import { periodDays } from './period-days.js';
import { periodOf, type Period, type Quarter } from './period.js';

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
