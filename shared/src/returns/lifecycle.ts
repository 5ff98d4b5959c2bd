import type { Park } from '../catalogue/catalogue-schema.js';
import type { ParkReturnValues, ReturnSource } from '../consolidation/park-returns.js';
import type { ReturnState, Review } from '../api/returns.js';
import { parsePeriod, periodOrder } from '../periods/periods.js';
import type { AcceptedFigures } from './accepted-head.js';
import { baselinesOf, indexWith, type BaselineIndex } from './baseline-index.js';

export * from './accepted-head.js';
export * from './baseline-index.js';

/**
 * The rules of a park's return over its life (DOMAIN.md): where it stands (填报状态), which of its
 * versions consolidation and evaluation read, and the baselines (基期值) its returns give. Pure:
 * the server applies them to what it stores, the task pane may apply them to what it shows.
 */

export interface ReturnStateInput {
  latest: { version: number; submittedAt: string; contentHash: string | null } | null;
  /** The newest server draft, if any. */
  draft: { savedAt: string; contentHash: string } | null;
  reviews: readonly Review[];
  /** Date after which a return never submitted is late (computeDueDate). */
  due: Date;
  now: Date;
}

/**
 * The state of a park's return for a period. A draft newer than the latest version (or with no
 * version at all) makes it `draft`, unless it holds what that version holds (validating the
 * submitted figures again is no new work). Otherwise only reviews of the latest version count:
 * a new version after a return (退回) is submitted again.
 */
export function computeReturnState({ latest, draft, reviews, due, now }: ReturnStateInput): ReturnState {
  if (draft !== null && (latest === null || (Date.parse(draft.savedAt) > Date.parse(latest.submittedAt) && draft.contentHash !== latest.contentHash))) {
    return 'draft';
  }
  if (latest === null) return now > due ? 'late' : 'not_started';
  const review = reviews.filter((r) => r.version === latest.version).at(-1);
  if (!review) return 'submitted';
  return review.decision === 'approve' ? 'approved' : 'returned';
}

export interface AcceptedVersion {
  /** The version consolidation, evaluation and later templates read; null when every version was returned. */
  version: number | null;
  /** The versions after it, each returned (退回) by a reviewer: not read, and named as such. */
  returned: number[];
}

/**
 * The latest accepted version of a park's return for a period (DOMAIN.md: "Consolidation and
 * evaluation read the latest accepted version"): the latest version a reviewer has not returned
 * (退回), whether approved (审核通过) or not yet reviewed. Versions are numbered 1..latestVersion;
 * the last review of a version decides.
 */
export function computeAcceptedVersion(latestVersion: number, reviews: readonly Review[]): AcceptedVersion {
  const decision = new Map<number, Review['decision']>();
  for (const review of reviews) decision.set(review.version, review.decision);
  const returned: number[] = [];
  for (let version = latestVersion; version >= 1; version--) {
    if (decision.get(version) !== 'return') return { version, returned };
    returned.unshift(version);
  }
  return { version: null, returned };
}

/**
 * A park's return for one period as consolidation, evaluation and later templates read it: the
 * latest accepted version (computeAcceptedVersion) with its figures, and the returned versions
 * after it.
 */
export interface AcceptedReturn {
  park: string;
  period: string;
  /** null when a reviewer returned (退回) every version: the park counts as not reported. */
  accepted: AcceptedFigures | null;
  /** Versions after the accepted one, each returned by a reviewer: not read. */
  returned: number[];
}

/**
 * The baselines (基期值) known for a park from its accepted returns (in period order), by indicator
 * code: every baseline reported with a return, the later report winning, and over those the
 * figures of the park's annual return FOR the baseline year (the year before its plan starts),
 * which are the baseline itself. A version a reviewer returned (退回) gives none.
 */
export function collectBaselines(park: Park, returns: readonly AcceptedReturn[]): Record<string, number | null> {
  let index: BaselineIndex = {};
  for (const r of returns) index = indexWith(index, r.period, r.accepted?.baselines ?? null);
  const baseYear = returns.find((r) => r.period === baselineYearPeriod(park))?.accepted ?? null;
  return baselinesKnown(park, index, baseYear);
}

/** The annual period of a park's baseline year (the year before its plan starts): its figures are the baselines. */
export function baselineYearPeriod(park: Park): string {
  return String(park.plan.startYear - 1);
}

/**
 * collectBaselines from what a park's heads keep (storage reads no older returns for it): the
 * index of every accepted return's baselines, and the accepted figures of the baseline year's
 * annual return. `before` (a periodOrder): only returns of periods before it, as a template
 * knows only earlier returns.
 */
export function baselinesKnown(
  park: Park,
  index: BaselineIndex,
  baseYear: Pick<AcceptedFigures, 'values'> | null,
  before?: number,
): Record<string, number | null> {
  const known: Record<string, number | null> = baselinesOf(index, before);
  const parsed = parsePeriod(baselineYearPeriod(park));
  const baseYearCounts = baseYear !== null && parsed.ok && (before === undefined || periodOrder(parsed.period) < before);
  for (const [key, value] of Object.entries(baseYearCounts ? baseYear.values : {})) if (value !== null) known[key] = value;
  return known;
}

/** What consolidation or evaluation reads for one period, and what it leaves out. */
export interface PeriodReturns {
  /** The latest accepted version of each park that has one. */
  returns: ParkReturnValues[];
  /** Versions not read because a reviewer returned (退回) them. */
  returned: ReturnSource[];
}

export function computePeriodReturns(read: readonly AcceptedReturn[]): PeriodReturns {
  return {
    returns: read.flatMap((r) =>
      r.accepted ? [{ park: r.park, period: r.period, version: r.accepted.version, values: r.accepted.values, declaredNone: r.accepted.declaredNone }] : [],
    ),
    returned: read.flatMap((r) => r.returned.map((version) => ({ park: r.park, version }))),
  };
}
