import type { Park } from '@zj/shared';
import { baselineYearPeriod, baselinesKnown } from '@zj/shared/returns';
import type { Services } from './services.js';

/**
 * The baselines (基期值) known for a park (collectBaselines), from two rows whatever its history:
 * its baselines row (every accepted return's baselines) and the head of its baseline year's
 * annual return. `before` (a periodOrder): from returns of earlier periods only, as a template.
 */
export async function readKnownBaselines(svc: Services, park: Park, before?: number): Promise<Record<string, number | null>> {
  const [{ index }, baseYear] = await Promise.all([svc.store.readBaselineIndex(park.code), svc.store.readPeriodHead(park.code, baselineYearPeriod(park))]);
  return baselinesKnown(park, index, baseYear?.accepted ?? null, before);
}
