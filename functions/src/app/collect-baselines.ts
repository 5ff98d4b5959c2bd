import { parsePeriod, type Park } from '@zj/shared';
import type { ReturnHead } from '../storage/return-store.js';
import { periodOrder } from './period-order.js';

/**
 * The baselines (基期值) known for a park from its stored returns, by indicator code: every
 * baseline reported with a return, the later report winning, and over those the figures of the
 * park's annual return FOR the baseline year (the year before its plan starts), which are the
 * baseline itself. Only returns of periods ending before `before` count, when it is given.
 */
export function collectBaselines(park: Park, heads: readonly ReturnHead[], before?: number): Record<string, number | null> {
  const ordered = heads
    .flatMap((head) => {
      const parsed = parsePeriod(head.period);
      return parsed.ok ? [{ head, order: periodOrder(parsed.period) }] : [];
    })
    .filter(({ order }) => before === undefined || order < before)
    .sort((a, b) => a.order - b.order);
  const known: Record<string, number | null> = {};
  for (const { head } of ordered) {
    for (const [key, value] of Object.entries(head.latestBaselines)) if (value !== null) known[key] = value;
  }
  const baseYear = ordered.find(({ head }) => head.period === String(park.plan.startYear - 1));
  if (baseYear) for (const [key, value] of Object.entries(baseYear.head.latestValues)) if (value !== null) known[key] = value;
  return known;
}
