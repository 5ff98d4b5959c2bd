import { startOnboarding } from '../app/onboarding.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/** POST /api/onboarding: a plan's text in, a review draft with the extractor's proposals out. Consolidator only (edit_catalogue). */
export const startOnboardingHandler = routeHandler('startOnboarding', 'edit_catalogue', async ({ svc, actor, body }) => {
  const draft = await startOnboarding(svc, actor, body);
  return { status: 201, body: draft, headers: { location: `/api/onboarding/${draft.id}` } };
});

export const registration = registerRoute('startOnboarding', startOnboardingHandler);
