import type { Review } from '../api/returns.js';

/** The figures of the version consolidation, evaluation and later templates read. */
export interface AcceptedFigures {
  version: number;
  values: Record<string, number | null>;
  baselines: Record<string, number | null>;
  /** Fields declared none (无): answered, not left blank. */
  declaredNone: string[];
}

/**
 * What the head of a park's return for a period keeps of its versions and reviews, so that
 * readers need nothing else: the latest version, its review, the accepted version with its
 * figures, and the fallback, what would be accepted if the latest version were returned (退回).
 * It moves by headAfterVersion and headAfterReview, one step per version added or review made,
 * and always equals what computeAcceptedVersion (lifecycle.ts) reads from every version and
 * review (a property test checks it): the accepted version is the latest one not returned, and
 * the versions after it were each returned.
 */
export interface AcceptedHead {
  latestVersion: number;
  /** The review of the latest version; a version is reviewed once. */
  latestReview: Review | null;
  /** null when a reviewer returned every version. */
  accepted: AcceptedFigures | null;
  /** What `accepted` becomes if the latest version is returned; equal to it once the latest was returned. */
  fallback: AcceptedFigures | null;
}

/** The head once the next version is stored: it is accepted (no one has returned it yet), and the accepted one before it is what returning it falls back to. */
export function headAfterVersion(head: AcceptedHead | null, added: AcceptedFigures): AcceptedHead {
  const latestVersion = head?.latestVersion ?? 0;
  if (added.version !== latestVersion + 1) throw new Error(`headAfterVersion: version ${added.version} after ${latestVersion}`);
  return { latestVersion: added.version, latestReview: null, accepted: added, fallback: head?.accepted ?? null };
}

/**
 * The head once the latest version is reviewed: approving (审核通过) keeps what is accepted;
 * returning (退回) falls back. Callers review the latest version, once (misuse otherwise).
 */
export function headAfterReview(head: AcceptedHead, review: Review): AcceptedHead {
  if (review.version !== head.latestVersion || head.latestReview !== null)
    throw new Error(`headAfterReview: version ${review.version} is not the latest unreviewed one`);
  if (review.decision === 'approve') return { ...head, latestReview: review };
  return { ...head, latestReview: review, accepted: head.fallback };
}

/** The versions after the accepted one, each returned by a reviewer (not read, and named as such). */
export function returnedAfterAccepted(head: AcceptedHead): number[] {
  if (head.latestReview?.decision !== 'return') return [];
  const from = (head.accepted?.version ?? 0) + 1;
  return Array.from({ length: head.latestVersion - from + 1 }, (_, i) => from + i);
}

/** What consolidation, evaluation and later templates read of a park's return for a period, from its head alone (null: never submitted). */
export function acceptedReturnOf(
  park: string,
  period: string,
  head: AcceptedHead | null,
): { park: string; period: string; accepted: AcceptedFigures | null; returned: number[] } {
  return { park, period, accepted: head?.accepted ?? null, returned: head ? returnedAfterAccepted(head) : [] };
}
