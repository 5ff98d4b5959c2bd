import type { ParkReturnValues, ReturnSource } from '@zj/shared';
import { acceptedReturnOf, baselineYearPeriod, baselinesKnown, computePeriodReturns } from '@zj/shared/returns';
import { BASELINES_STAMP } from '../storage/return-store.js';
import type { Services } from './services.js';

export interface EvaluationInput {
  /** Each park's latest accepted annual return for the year. */
  history: ParkReturnValues[];
  /** Versions of the year's annual returns not read because a reviewer returned (退回) them. */
  returned: ReturnSource[];
  /** Per park: the baselines (基期值) known from all its accepted returns. */
  baselines: Record<string, Record<string, number | null>>;
  /** ETags of every row read: what a document built from this input is keyed by. */
  sources: EvaluationSources;
}

/** Per park: the ETags of the year's head, of its baselines row and of its baseline year's head (null where none). */
export type EvaluationSources = Record<string, Array<string | null>>;

/**
 * The change stamps (storage/change-stamps.ts) of every row readEvaluationInput reads: the
 * year's, the baselines rows', and each park's baseline year's.
 */
export function evaluationStamps(svc: Services, year: number): string[] {
  return [...new Set([String(year), BASELINES_STAMP, ...svc.catalogue.parks.map((park) => baselineYearPeriod(park))])];
}

/**
 * The ETags of the rows readEvaluationInput reads, in the same shape as its `sources`, without
 * their contents (ReturnStore.readHeadTags): what a cached evaluation is checked against.
 */
export async function readEvaluationSources(svc: Services, year: number): Promise<EvaluationSources> {
  const parks = await Promise.all(
    svc.catalogue.parks.map(async (park) => {
      const tags = await svc.store.readHeadTags(park.code, [String(year), baselineYearPeriod(park)], true);
      const etags: Array<string | null> = [tags.heads[0] ?? null, tags.baselines, tags.heads[1] ?? null];
      return [park.code, etags] as const;
    }),
  );
  return Object.fromEntries(parks);
}

/**
 * What the annual evaluation reads: each park's accepted annual return for the year, and its
 * baselines. Three rows a park (the year's head, the baselines row, the baseline year's head)
 * in one query of its partition, nothing older, however many periods the park has.
 */
export async function readEvaluationInput(svc: Services, year: number): Promise<EvaluationInput> {
  const parks = await Promise.all(
    svc.catalogue.parks.map(async (park) => {
      const { heads, baselines: index } = await svc.store.readHeadsAndBaselines(park.code, [String(year), baselineYearPeriod(park)]);
      return { park, head: heads[0] ?? null, index, baseYear: heads[1] ?? null };
    }),
  );
  const { returns: history, returned } = computePeriodReturns(
    parks.flatMap(({ park, head }) => (head?.latest ? [acceptedReturnOf(park.code, String(year), head)] : [])),
  );
  const baselines = Object.fromEntries(parks.map(({ park, index, baseYear }) => [park.code, baselinesKnown(park, index.index, baseYear?.accepted ?? null)]));
  const sources = Object.fromEntries(parks.map(({ park, head, index, baseYear }) => [park.code, [head?.etag ?? null, index.etag, baseYear?.etag ?? null]]));
  return { history, returned, baselines, sources };
}
