/**
 * Sign-in with Microsoft Entra ID, as configured at build time (addin/scripts/build.ts writes it
 * into dist/config.js from ADDIN_ENTRA_CLIENT_ID, ADDIN_ENTRA_AUTHORITY, ADDIN_ENTRA_API_SCOPE;
 * README, "Sign-in with Microsoft Entra ID").
 */
export interface EntraConfig {
  /** Application (client) id of the pane's own registration (an SPA). */
  clientId: string;
  /** https://login.microsoftonline.com/<tenant id> (global) or https://login.partner.microsoftonline.cn/<tenant id> (21Vianet). */
  authority: string;
  /** The API's delegated permission: api://<API client id>/access_as_user. */
  apiScope: string;
}

/** The Entra ID clouds (their login hosts): the global cloud and 21Vianet's, for tenants operated in China. */
export const ENTRA_LOGIN_HOSTS = ['login.microsoftonline.com', 'login.partner.microsoftonline.cn'] as const;

export function isEntraAuthority(authority: string): boolean {
  return (ENTRA_LOGIN_HOSTS as readonly string[]).includes(new URL(authority).hostname.toLowerCase());
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOPBACK = /^(127(\.\d{1,3}){3}|localhost|\[::1\])$/i;

/**
 * The build's settings as an EntraConfig, null when none is given (the pane then offers only
 * what the API's local development mode allows), or an Error naming what is wrong. An authority
 * is an Entra ID cloud's, with the tenant; an OpenID provider on loopback is accepted for the
 * tests only.
 */
export function readEntraConfig(env: Record<string, string | undefined>): EntraConfig | null | Error {
  const clientId = env.ADDIN_ENTRA_CLIENT_ID?.trim() ?? '';
  const authority = (env.ADDIN_ENTRA_AUTHORITY?.trim() ?? '').replace(/\/+$/, '');
  const apiScope = env.ADDIN_ENTRA_API_SCOPE?.trim() ?? '';
  if (!clientId && !authority && !apiScope) return null;
  if (!GUID.test(clientId)) return new Error(`ADDIN_ENTRA_CLIENT_ID must be the pane registration's application (client) id, a GUID, not "${clientId}"`);
  let url: URL;
  try {
    url = new URL(authority);
  } catch {
    return new Error(`ADDIN_ENTRA_AUTHORITY must be a URL like https://login.microsoftonline.com/<tenant id>, not "${authority}"`);
  }
  const entra = url.protocol === 'https:' && isEntraAuthority(authority) && /^\/[^/]+$/.test(url.pathname);
  const loopback = url.protocol === 'https:' && LOOPBACK.test(url.hostname);
  if (!entra && !loopback) {
    return new Error(`ADDIN_ENTRA_AUTHORITY must be https://${ENTRA_LOGIN_HOSTS.join('/<tenant id> or https://')}/<tenant id>, not "${authority}"`);
  }
  if (!/^(api:\/\/|https:\/\/)\S+\/[A-Za-z0-9._-]+$/.test(apiScope)) {
    return new Error(`ADDIN_ENTRA_API_SCOPE must be the API's scope, like api://<API client id>/access_as_user, not "${apiScope}"`);
  }
  return { clientId: clientId.toLowerCase(), authority, apiScope };
}
