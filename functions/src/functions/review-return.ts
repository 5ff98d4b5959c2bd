import { reviewReturn } from '../app/review-return.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/**
 * POST /api/returns/{park}/{period}/review: the park's reviewer approves (审核通过) the latest
 * version or returns it (退回) with a comment. A reviewed version waits for a new submission.
 */
export const reviewReturnHandler = routeHandler('reviewReturn', 'review', async ({ svc, actor, park, period, body }) => ({
  status: 201,
  body: await reviewReturn(svc, { actor, park, period, input: body }),
}));

export const registration = registerRoute('reviewReturn', reviewReturnHandler);
