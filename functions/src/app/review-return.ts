import type { Actor, Park } from '@zj/shared';
import type { Review, ReviewInput } from '@zj/shared/api';
import type { Period } from '@zj/shared/periods';
import { DomainError, type LocalizedParam } from './domain-error.js';
import type { Services } from './services.js';

export interface ReviewCommand {
  actor: Actor;
  park: Park;
  period: Period;
  input: ReviewInput;
}

/** A review's decision as the messages say it. */
const DECISION_LABELS: Readonly<Record<Review['decision'], LocalizedParam>> = {
  approve: { zh: '审核通过', en: 'approved' },
  return: { zh: '退回', en: 'returned' },
};

/**
 * The park's reviewer approves (审核通过) the latest version or returns it (退回) with a comment.
 * Only the latest version, once: a reviewed version waits for a new submission. Refusals throw
 * DomainError; nothing is stored for them.
 */
export async function reviewReturn(svc: Services, { actor, park, period, input }: ReviewCommand): Promise<Review> {
  const { version, decision } = input;
  const comment = (input.comment ?? '').trim();
  if (decision === 'return' && comment === '') throw new DomainError('review_comment_required');

  const head = await svc.store.readHead(park.code, period.code);
  if (!head) throw new DomainError('return_not_found', { park: park.name, period: period.code });
  if (version > head.latestVersion) throw new DomainError('version_not_found', { park: park.name, period: period.code, version });
  if (version < head.latestVersion) throw new DomainError('review_not_latest', { version, latest: head.latestVersion });
  if (head.latestReview) {
    // Perhaps the retry of this very review, committed but answered 503 because its change stamp
    // could not be bumped: bumped again before refusing, so zone documents see the review.
    await svc.store.bumpChangeStamps(period.code, true);
    throw new DomainError('review_not_pending', { version, decision: DECISION_LABELS[head.latestReview.decision] });
  }

  const review: Review = { version, decision, comment, by: actor, at: svc.now().toISOString() };
  // The head is the commit point: what landed since the check above (a review, a new version) refuses this one.
  const outcome = await svc.store.appendReview(park.code, period.code, review);
  switch (outcome.kind) {
    case 'created':
      return review;
    case 'reviewed':
      throw new DomainError('review_not_pending', { version, decision: DECISION_LABELS[outcome.review.decision] });
    case 'not_latest':
      throw new DomainError('review_not_latest', { version, latest: outcome.latest });
    case 'conflict':
      throw new DomainError('version_conflict');
  }
}
