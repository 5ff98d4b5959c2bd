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

  const [head, reviews] = await Promise.all([svc.store.readHead(park.code, period.code), svc.store.listReviews(park.code, period.code)]);
  if (!head) throw new DomainError('return_not_found', { park: park.name, period: period.code });
  if (version > head.latestVersion) throw new DomainError('version_not_found', { park: park.name, period: period.code, version });
  if (version < head.latestVersion) throw new DomainError('review_not_latest', { version, latest: head.latestVersion });
  const earlier = reviews.filter((r) => r.version === version).at(-1);
  if (earlier) throw new DomainError('review_not_pending', { version, decision: DECISION_LABELS[earlier.decision] });

  const review: Review = { version, decision, comment, by: actor, at: svc.now().toISOString() };
  if ((await svc.store.appendReview(park.code, period.code, review)) === 'exists') {
    // Another review of this version was stored between the check above and this one.
    const stored = (await svc.store.listReviews(park.code, period.code)).filter((r) => r.version === version).at(-1);
    throw new DomainError('review_not_pending', { version, decision: DECISION_LABELS[stored?.decision ?? decision] });
  }
  return review;
}
