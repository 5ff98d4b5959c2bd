import type { Period } from './period.js';

const QUARTER_ENDS = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' } as const;

/** Last day of the period as an ISO date: the date a level (期末数) is measured at. */
export function periodEnd(period: Period): string {
  return `${period.year}-${period.quarter === null ? '12-31' : QUARTER_ENDS[period.quarter]}`;
}
