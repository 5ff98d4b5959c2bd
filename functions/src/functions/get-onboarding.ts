import { readOnboarding } from '../app/onboarding.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/** GET /api/onboarding/{draft} */
export const getOnboardingHandler = routeHandler('getOnboarding', 'edit_catalogue', async ({ svc, params }) => {
  const draft = await readOnboarding(svc, params.draft);
  return { status: 200, body: draft, headers: { etag: draft.etag } };
});

export const registration = registerRoute('getOnboarding', getOnboardingHandler);
