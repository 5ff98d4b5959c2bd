import { parkNameOf } from '../app/park-name-of.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/**
 * GET /api/me: who the caller is here (name, role, park) and how they signed in. The pane's
 * first screen after sign-in; a user Entra ID knows but this system does not (no app role, no
 * park) gets the 403 that says whom to ask, from authentication itself.
 */
export const getMe = routeHandler('getMe', 'read_self', async ({ svc, actor }) => ({
  status: 200,
  body: {
    id: actor.id,
    name: actor.name,
    role: actor.role,
    park: actor.park === null ? null : { code: actor.park, name: parkNameOf(svc.catalogue, actor.park) },
    authMode: svc.settings.authMode,
  },
}));

export const registration = registerRoute('getMe', getMe);
