import type { Period } from './period.js';

const QUARTER_STARTS = { 1: '01-01', 2: '04-01', 3: '07-01', 4: '10-01' } as const;

/** First day of the period as an ISO date: where a flow (当年/当季) starts counting. */
export function periodStart(period: Period): string {
  return `${period.year}-${period.quarter === null ? '01-01' : QUARTER_STARTS[period.quarter]}`;
}
