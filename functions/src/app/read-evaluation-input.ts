import type { ParkReturnValues } from '@zj/shared';
import { collectBaselines } from './collect-baselines.js';
import type { Services } from './services.js';

export interface EvaluationInput {
  history: ParkReturnValues[];
  /** Per park: the baselines (基期值) known from all its returns. */
  baselines: Record<string, Record<string, number | null>>;
}

/** What the annual evaluation reads: each park's annual return for the year, and its baselines. */
export async function readEvaluationInput(svc: Services, year: number): Promise<EvaluationInput> {
  const history: ParkReturnValues[] = [];
  const baselines: Record<string, Record<string, number | null>> = {};
  await Promise.all(
    svc.catalogue.parks.map(async (park) => {
      const heads = await svc.store.listHeads(park.code);
      const annual = heads.find((h) => h.period === String(year));
      if (annual) history.push({ park: park.code, period: annual.period, version: annual.latestVersion, values: annual.latestValues });
      baselines[park.code] = collectBaselines(park, heads);
    }),
  );
  return { history, baselines };
}
