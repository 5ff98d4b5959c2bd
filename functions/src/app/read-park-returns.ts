import { parsePeriod, periodOrder } from '@zj/shared/periods';
import type { AcceptedReturn } from '@zj/shared/returns';
import { readAcceptedReturn } from './read-accepted-return.js';
import type { Services } from './services.js';

/**
 * The accepted return of every period of one park, in period order (an annual return after the
 * year's fourth quarter); only periods ending before `before` (a periodOrder), when it is given.
 */
export async function readParkReturns(svc: Services, park: string, before?: number): Promise<AcceptedReturn[]> {
  const [heads, reviews] = await Promise.all([svc.store.listHeads(park), svc.store.listReviewsOfPark(park)]);
  const ordered = heads
    .flatMap((head) => {
      const parsed = parsePeriod(head.period);
      return parsed.ok ? [{ head, order: periodOrder(parsed.period) }] : [];
    })
    .filter(({ order }) => before === undefined || order < before)
    .sort((a, b) => a.order - b.order);
  return Promise.all(ordered.map(({ head }) => readAcceptedReturn(svc, head, reviews[head.period] ?? [])));
}
