import type { Review } from '@zj/shared';

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
