import type { Session } from './session.js';

/**
 * Where Microsoft Entra ID sign-in plugs in. In Azure the API sits behind App Service
 * Authentication (functions/src/auth/authenticate.ts, AUTH_MODE=app-service) and maps the
 * signed-in identity to a role and park (USERS). To enable it in the task pane:
 *  1. register the add-in in Entra ID and add <WebApplicationInfo> (its client id and the API's
 *     scope) to manifest.xml's VersionOverrides;
 *  2. get a token with Office single sign-on (src/excel/office-sso.ts, Office.auth.getAccessToken),
 *     falling back to MSAL in an Office dialog where SSO is unavailable;
 *  3. ask the API who that is (the identity → role and park mapping lives on the server) and
 *     return a Session with method 'entra'.
 * Until then the button says it is not configured, and the demo tokens of the local stack are
 * the way in.
 */
export interface EntraConfig {
  clientId: string;
  apiScope: string;
}

export function entraConfigured(config: EntraConfig | null): config is EntraConfig {
  return config !== null && config.clientId !== '' && config.apiScope !== '';
}

export async function signInWithEntra(config: EntraConfig | null, getToken: () => Promise<string>): Promise<Session> {
  if (!entraConfigured(config)) throw new Error('entra sign-in is not configured');
  const token = await getToken();
  // Step 3 above: the server owns the identity → role mapping; a /me endpoint answers it.
  throw Object.assign(new Error('entra sign-in: actor lookup not implemented'), { token });
}
