import { acceptedReturnOf, computePeriodReturns, type PeriodReturns } from '@zj/shared/returns';
import type { PeriodHead } from '../storage/return-store.js';
import type { Services } from './services.js';

/** The latest accepted version of every park's return for a period, as consolidation reads it, and the heads it was read from. */
export async function readPeriodReturns(svc: Services, period: string): Promise<PeriodReturns & { heads: Array<PeriodHead | null> }> {
  const heads = await Promise.all(svc.catalogue.parks.map((park) => svc.store.readPeriodHead(park.code, period)));
  const read = heads.flatMap((head, i) => (head?.latest ? [acceptedReturnOf(svc.catalogue.parks[i]!.code, period, head)] : []));
  return { ...computePeriodReturns(read), heads };
}
