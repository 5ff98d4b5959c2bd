const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * CORS_ORIGINS: the origins whose pages may call the API from a browser, comma-separated, e.g.
 * the task pane's Static Web App, https://<name>.azurestaticapps.net. None by default: the local
 * stack serves the pane beside the API (one origin) and the development https server passes /api
 * on, so no other site is let in unless named. `*` is refused: the API takes bearer tokens in
 * Authorization, and only the pane should be able to read what it answers with them. Each entry
 * must be an origin (scheme, host, port; no path), https unless on loopback; it is kept as a
 * browser writes the Origin header (lower case, no default port), to be compared as is.
 */
export function readCorsOrigins(raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return entries.map((entry) => {
    if (entry === '*') throw new Error('setting CORS_ORIGINS may not be *: list the origins of the task pane, e.g. https://<name>.azurestaticapps.net');
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`setting CORS_ORIGINS: "${entry}" is not an origin like https://<name>.azurestaticapps.net`);
    }
    if (url.origin === 'null' || entry.includes('*') || url.username || url.password || url.search || url.hash || entry.endsWith('?')) {
      throw new Error(`setting CORS_ORIGINS: "${entry}" is not an origin like https://<name>.azurestaticapps.net`);
    }
    if (url.pathname !== '/') throw new Error(`setting CORS_ORIGINS: "${entry}" is not an origin: scheme, host and port, no path`);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
      throw new Error(`setting CORS_ORIGINS: "${entry}" must be https (http only on localhost or 127.0.0.1)`);
    }
    return url.origin;
  });
}
