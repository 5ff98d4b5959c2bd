import type { ParkReturnValues, ReturnSource } from '@zj/shared';
import { collectBaselines, computePeriodReturns } from '@zj/shared/returns';
import { readParkReturns } from './read-park-returns.js';
import type { Services } from './services.js';

export interface EvaluationInput {
  /** Each park's latest accepted annual return for the year. */
  history: ParkReturnValues[];
  /** Versions of the year's annual returns not read because a reviewer returned (退回) them. */
  returned: ReturnSource[];
  /** Per park: the baselines (基期值) known from all its accepted returns. */
  baselines: Record<string, Record<string, number | null>>;
}

/** What the annual evaluation reads: each park's accepted annual return for the year, and its baselines. */
export async function readEvaluationInput(svc: Services, year: number): Promise<EvaluationInput> {
  const parks = await Promise.all(svc.catalogue.parks.map(async (park) => ({ park, returns: await readParkReturns(svc, park.code) })));
  const { returns: history, returned } = computePeriodReturns(parks.flatMap(({ returns }) => returns.filter((r) => r.period === String(year))));
  const baselines = Object.fromEntries(parks.map(({ park, returns }) => [park.code, collectBaselines(park, returns)]));
  return { history, returned, baselines };
}
