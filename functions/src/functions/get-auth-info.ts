import { services } from '../app/services.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/**
 * GET /api/auth-info, answered without sign-in: how this API signs people in, so the pane
 * offers the demo-token field only where the API runs in local development mode.
 */
export const getAuthInfo = routeHandler('getAuthInfo', null, async () => {
  const { authMode } = services().settings;
  return { status: 200, body: { authMode, devTokens: authMode === 'dev-token' } };
});

export const registration = registerRoute('getAuthInfo', getAuthInfo);
