import { periodEnd, type Period } from '@zj/shared';

/** The end of the last day a return for the period is on time: its end plus the allowed days. */
export function computeDueDate(period: Period, dueDaysAfterPeriodEnd: number): Date {
  const end = new Date(`${periodEnd(period)}T23:59:59.999+08:00`); // China Standard Time
  return new Date(end.getTime() + dueDaysAfterPeriodEnd * 86_400_000);
}
