import type { Review, ReturnState } from '@zj/shared';

export interface ReturnStateInput {
  latest: { version: number; submittedAt: string; contentHash: string | null } | null;
  /** The newest server draft, if any. */
  draft: { savedAt: string; contentHash: string } | null;
  reviews: readonly Review[];
  /** Date after which a return never submitted is late. */
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
