import { publishOnboarding } from '../app/onboarding.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/** POST /api/onboarding/{draft}/publish: a new catalogue version. */
export const publishOnboardingHandler = routeHandler('publishOnboarding', 'edit_catalogue', async ({ svc, actor, params, body }) => ({
  status: 201,
  body: await publishOnboarding(svc, actor, params.draft, body.reason),
}));

export const registration = registerRoute('publishOnboarding', publishOnboardingHandler);
