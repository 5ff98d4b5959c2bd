import { computePeriodReturns, type PeriodReturns } from '@zj/shared/returns';
import { readAcceptedReturn } from './read-accepted-return.js';
import type { Services } from './services.js';

/** The latest accepted version of every park's return for a period, as consolidation reads it. */
export async function readPeriodReturns(svc: Services, period: string): Promise<PeriodReturns> {
  const read = await Promise.all(
    svc.catalogue.parks.map(async (park) => {
      const [head, reviews] = await Promise.all([svc.store.readHead(park.code, period), svc.store.listReviews(park.code, period)]);
      return head ? [await readAcceptedReturn(svc, head, reviews)] : [];
    }),
  );
  return computePeriodReturns(read.flat());
}
