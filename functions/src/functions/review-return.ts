import type { HttpRequest } from '@azure/functions';
import type { Review } from '@zj/shared';
import { authorizePark } from '../app/authorize.js';
import { ApiError, type LocalizedParam } from '../http/api-error.js';
import { jsonResponse } from '../http/json-response.js';
import { parseReviewInput } from '../http/parse-review-input.js';
import { readJsonBody } from '../http/read-json-body.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';

/** A review's decision as the messages say it. */
const DECISION_LABELS: Readonly<Record<Review['decision'], LocalizedParam>> = {
  approve: { zh: '审核通过', en: 'approved' },
  return: { zh: '退回', en: 'returned' },
};

/**
 * POST /api/returns/{park}/{period}/review: the park's reviewer approves (审核通过) the latest
 * version or returns it (退回) with a comment. A reviewed version waits for a new submission.
 */
export const reviewReturn = withApiErrors(async (request: HttpRequest) => {
  const { svc, actor, park, period } = await authorizePark(request, 'review');
  const parsed = parseReviewInput(await readJsonBody(request, svc.settings.maxBodyBytes));
  if (!parsed.ok) throw new ApiError(400, 'invalid_body', {}, parsed.issues);
  const { version, decision, comment } = parsed.value;
  if (decision === 'return' && comment === '') throw new ApiError(400, 'review_comment_required');

  const [head, reviews] = await Promise.all([svc.store.readHead(park.code, period.code), svc.store.listReviews(park.code, period.code)]);
  if (!head) throw new ApiError(404, 'return_not_found', { park: park.name, period: period.code });
  if (version > head.latestVersion) throw new ApiError(404, 'version_not_found', { park: park.name, period: period.code, version });
  if (version < head.latestVersion) throw new ApiError(409, 'review_not_latest', { version, latest: head.latestVersion });
  const earlier = reviews.filter((r) => r.version === version).at(-1);
  if (earlier) throw new ApiError(409, 'review_not_pending', { version, decision: DECISION_LABELS[earlier.decision] });

  const review: Review = { version, decision, comment, by: actor, at: svc.now().toISOString() };
  if ((await svc.store.appendReview(park.code, period.code, review)) === 'exists') {
    // Another review of this version was stored between the check above and this one.
    const stored = (await svc.store.listReviews(park.code, period.code)).filter((r) => r.version === version).at(-1);
    throw new ApiError(409, 'review_not_pending', { version, decision: DECISION_LABELS[stored?.decision ?? decision] });
  }
  return jsonResponse(201, review);
});

export const registration = registerHttp({
  name: 'reviewReturn',
  methods: ['POST'],
  route: 'returns/{park}/{period}/review',
  handler: reviewReturn,
});
