import type { Review, ReturnState } from '@zj/shared';

export interface ReturnStateInput {
  latestVersion: number | null;
  reviews: readonly Review[];
  /** Date after which a return never submitted is late. */
  due: Date;
  now: Date;
}

/**
 * The state of a park's return for a period. Only reviews of the latest version count: a new
 * version after a return (退回) is submitted again. Nothing is stored as a draft, so 'draft' is
 * never produced here (the add-in keeps drafts in the workbook).
 */
export function computeReturnState({ latestVersion, reviews, due, now }: ReturnStateInput): ReturnState {
  if (latestVersion === null) return now > due ? 'late' : 'not_started';
  const review = reviews.filter((r) => r.version === latestVersion).at(-1);
  if (!review) return 'submitted';
  return review.decision === 'approve' ? 'approved' : 'returned';
}
