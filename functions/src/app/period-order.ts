import type { Period } from '@zj/shared';

/** Sort key of a period by when it ends; an annual return comes after the year's fourth quarter. */
export function periodOrder(period: Pick<Period, 'year' | 'quarter'>): number {
  return period.year * 10 + (period.quarter ?? 5);
}
