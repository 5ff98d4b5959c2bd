import { parsePeriod } from '@zj/shared';
import type { ParkReturnValues } from '../../../shared/src/consolidation/park-return-values.js'; // TEMP
import { periodOrder } from './period-order.js';
import type { Services } from './services.js';

export interface EvaluationInput {
  history: ParkReturnValues[];
  /** Per park: every baseline (基期值) reported, the latest report of each winning. */
  baselines: Record<string, Record<string, number | null>>;
}

/** What the annual evaluation reads: each park's annual return for the year and its baselines. */
export async function readEvaluationInput(svc: Services, year: number): Promise<EvaluationInput> {
  const perPark = await Promise.all(svc.catalogue.parks.map(async (p) => ({ park: p.code, heads: await svc.store.listHeads(p.code) })));
  const history: ParkReturnValues[] = [];
  const baselines: Record<string, Record<string, number | null>> = {};
  for (const { park, heads } of perPark) {
    const annual = heads.find((h) => h.period === String(year));
    if (annual) history.push({ park, period: annual.period, version: annual.latestVersion, values: annual.latestValues });
    const ordered = heads
      .map((h) => ({ h, parsed: parsePeriod(h.period) }))
      .flatMap(({ h, parsed }) => (parsed.ok ? [{ h, order: periodOrder(parsed.period) }] : []))
      .sort((a, b) => a.order - b.order);
    const known: Record<string, number | null> = {};
    for (const { h } of ordered) for (const [k, v] of Object.entries(h.latestBaselines)) if (v !== null) known[k] = v;
    baselines[park] = known;
  }
  return { history, baselines };
}
