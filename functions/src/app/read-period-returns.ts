import type { ParkReturnValues } from '@zj/shared';
import type { Services } from './services.js';

/** The latest version of every park's return for a period, as consolidation and evaluation read it. */
export async function readPeriodReturns(svc: Services, period: string): Promise<ParkReturnValues[]> {
  const heads = await Promise.all(svc.catalogue.parks.map((p) => svc.store.readHead(p.code, period)));
  return heads.flatMap((h) => (h ? [{ park: h.park, period, version: h.latestVersion, values: h.latestValues }] : []));
}
