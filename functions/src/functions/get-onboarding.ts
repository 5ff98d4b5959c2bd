import { readOnboarding } from '../app/onboarding.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/** GET /api/onboarding/{draft} */
export const getOnboardingHandler = routeHandler('getOnboarding', 'edit_catalogue', async ({ svc, params }) => ({ status: 200, body: await readOnboarding(svc, params.draft) }));

export const registration = registerRoute('getOnboarding', getOnboardingHandler);
