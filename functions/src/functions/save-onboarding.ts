import { saveOnboarding } from '../app/onboarding.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/** PUT /api/onboarding/{draft}: the review as it stands. */
export const saveOnboardingHandler = routeHandler('saveOnboarding', 'edit_catalogue', async ({ svc, actor, params, body, request }) => {
  const draft = await saveOnboarding(svc, actor, params.draft, body, request.headers.get('if-match'));
  return { status: 200, body: draft, headers: { etag: draft.etag } };
});

export const registration = registerRoute('saveOnboarding', saveOnboardingHandler);
