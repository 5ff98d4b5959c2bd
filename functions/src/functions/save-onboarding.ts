import { saveOnboarding } from '../app/onboarding.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/** PUT /api/onboarding/{draft}: the review as it stands. */
export const saveOnboardingHandler = routeHandler('saveOnboarding', 'edit_catalogue', async ({ svc, actor, params, body }) => ({
  status: 200,
  body: await saveOnboarding(svc, actor, params.draft, body),
}));

export const registration = registerRoute('saveOnboarding', saveOnboardingHandler);
