/**
 * The security headers of what a browser loads from us, in one place: the API's answers
 * (functions/src/http/route-handler.ts and the local adapter), and the task pane, served by the
 * local stack (functions/src/local/serve-static.ts), by the development https server
 * (addin/scripts/serve-https.ts) and, deployed, by Azure Static Web Apps, whose
 * staticwebapp.config.json the pane's build writes from paneStaticWebAppConfig.
 */

/** office.js from Microsoft's CDN, and from the CDN of Microsoft 365 operated by 21Vianet (世纪互联). */
export const OFFICE_JS_ORIGINS = ['https://appsforoffice.microsoft.com', 'https://appsforoffice.cdn.partner.office365.cn'] as const;

/** office.js opens a frame of its own telemetry service (seen in Chromium loading the pane). */
export const OFFICE_JS_FRAME_ORIGINS = ['https://telemetryservice.firstpartyapps.oaspapps.com'] as const;

/** The sign-in authorities (Microsoft Entra ID), worldwide and operated by 21Vianet: MSAL fetches tokens from them and renews them in a hidden frame. */
export const SIGN_IN_ORIGINS = ['https://login.microsoftonline.com', 'https://login.partner.microsoftonline.cn'] as const;

/**
 * Who may frame the task pane (CSP frame-ancestors). Office on Windows and Mac shows the pane as
 * a top-level page of its own webview, where frame-ancestors does not apply; Office on the web
 * and Outlook frame it. The hosts are those Microsoft documents for apps that Microsoft 365
 * hosts (learn.microsoft.com, Teams platform, "tab requirements": *.cloud.microsoft for every
 * host now, *.microsoft365.com, *.office.com, outlook.office.com, outlook.office365.com,
 * outlook.live.com), with Office on the web's own frame host (*.officeapps.live.com, and
 * excel.cloud.microsoft per the Office add-ins docs) and SharePoint / OneDrive, which open
 * workbooks in it; and their counterparts operated by 21Vianet (Office on the web at
 * *.partner.officewebapps.cn, the portal at *.partner.office365.cn, SharePoint at
 * *.sharepoint.cn, Outlook at partner.outlook.cn).
 */
export const OFFICE_HOST_ORIGINS = [
  'https://*.cloud.microsoft',
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.sharepoint.com',
  'https://onedrive.live.com',
  'https://outlook.live.com',
  'https://*.partner.officewebapps.cn',
  'https://*.partner.office365.cn',
  'https://*.sharepoint.cn',
  'https://partner.outlook.cn',
] as const;

type Policy = Record<string, readonly string[]>;

const serialize = (policy: Policy) =>
  Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');

/**
 * The API answers JSON and workbooks, never a page: nothing in it may run, load or be framed,
 * and nothing it answers is sniffed into another type.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': serialize({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] }),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export interface PaneHeaderOptions {
  /** The API's base URL as the pane calls it (ADDIN_API_BASE_URL): its origin may be fetched. A path (/api) or null: the pane's own origin. */
  apiBaseUrl?: string | null;
  /**
   * The sign-in authority the pane is built with (ADDIN_ENTRA_AUTHORITY), if any: MSAL fetches its
   * tokens and renews them in a frame there. Entra ID's own are always allowed; another (a local
   * OpenID provider on loopback, which only a development build may name) is added.
   */
  authority?: string | null;
}

/**
 * The task pane's Content-Security-Policy: its own scripts and office.js from Microsoft's CDNs
 * only (no inline script, no eval); styles inline too, since Fluent UI inserts its styles at run
 * time; fetches to itself, the API and the sign-in authorities; frames of the authorities (MSAL's
 * silent renewal) and of office.js's telemetry; framed only by the Office hosts; no plugins, no
 * <base>, forms to itself.
 */
export function paneContentSecurityPolicy(options: PaneHeaderOptions = {}): string {
  const api = apiOrigin(options.apiBaseUrl ?? null);
  const signIn = [...new Set([...SIGN_IN_ORIGINS, ...(options.authority ? [originOf(options.authority, 'sign-in authority')] : [])])];
  return serialize({
    'default-src': ["'self'"],
    'script-src': ["'self'", ...OFFICE_JS_ORIGINS],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(api ? [api] : []), ...signIn],
    'frame-src': ["'self'", ...signIn, ...OFFICE_JS_FRAME_ORIGINS],
    'frame-ancestors': ["'self'", ...OFFICE_HOST_ORIGINS],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  });
}

/** The headers of every answer of the pane's server (files, 404s, 405s). */
export function paneSecurityHeaders(options: PaneHeaderOptions = {}): Record<string, string> {
  return {
    'content-security-policy': paneContentSecurityPolicy(options),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/** The methods the pane's server answers; any other gets 405 with this as Allow. */
export const PANE_METHODS = ['GET', 'HEAD'] as const;

/** Whether a path asks for a source map, which the pane's server never serves (it would publish the source). */
export function isSourceMapPath(pathname: string): boolean {
  return /\.map$/i.test(pathname);
}

/**
 * staticwebapp.config.json for the pane on Azure Static Web Apps: the same headers on every
 * answer, source maps not found, and every method but GET and HEAD refused with 405.
 */
export function paneStaticWebAppConfig(options: PaneHeaderOptions = {}): object {
  return {
    globalHeaders: paneSecurityHeaders(options),
    routes: [
      { route: '/*.map', statusCode: 404 },
      { route: '/*', methods: ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'], statusCode: 405, headers: { Allow: PANE_METHODS.join(', ') } },
    ],
  };
}

/**
 * The headers a built pane is to be served with, as its build wrote them into
 * staticwebapp.config.json (globalHeaders): the local servers send what Static Web Apps would.
 * Null when the file does not hold a Content-Security-Policy among text headers; the caller then
 * sends paneSecurityHeaders(), the strictest.
 */
export function paneHeadersOfConfig(config: unknown): Record<string, string> | null {
  const headers = (config as { globalHeaders?: unknown } | null)?.globalHeaders;
  if (typeof headers !== 'object' || headers === null) return null;
  const entries = Object.entries(headers);
  if (!entries.every(([, value]) => typeof value === 'string')) return null;
  const out = Object.fromEntries(entries.map(([name, value]) => [name.toLowerCase(), value as string]));
  return out['content-security-policy'] ? out : null;
}

/** The origin of an absolute API URL (scheme and host in lower case), or null for a path on the pane's own origin. */
function apiOrigin(apiBaseUrl: string | null): string | null {
  if (apiBaseUrl === null || apiBaseUrl.startsWith('/')) return null;
  return originOf(apiBaseUrl, 'API base URL');
}

function originOf(url: string, what: string): string {
  const origin = /^(https?:\/\/[^/?#]+)/i.exec(url)?.[1];
  if (!origin) throw new Error(`the ${what} "${url}" is neither a path nor an http(s) URL`);
  return origin.toLowerCase();
}
