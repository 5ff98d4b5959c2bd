import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PATH_PARAMS, ROUTE_NAMES, ROUTES, routePath, type PathParamName, type RouteName } from '@zj/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, type Harness } from './helpers/harness.js';

// What a browser is told by the API and by the task pane's server, over real HTTP against the
// local stack (real Azurite): CORS for the configured pane origin only, security headers on every
// answer, and a static server that serves files to GET and HEAD and nothing else.
// CORS with no CORS_ORIGINS (the default): test/api-endpoints.test.ts.
const PANE_ORIGIN = 'https://zj-pane.azurestaticapps.net';

let h: Harness;
let base: string;
let site: string;
let pane: string;
const zone = () => h.tokens['zone-consolidator']!;
const stat = () => h.tokens['jinshan-statistician']!;

beforeAll(async () => {
  // A built pane as addin/scripts/build.ts writes it (the file contents do not matter here).
  pane = mkdtempSync(join(tmpdir(), 'zj-pane-'));
  writeFileSync(join(pane, 'taskpane.html'), '<!doctype html><title>pane</title><script src="taskpane.js"></script>');
  writeFileSync(join(pane, 'taskpane.js'), 'console.log("pane");\n//# sourceMappingURL=taskpane.js.map\n');
  writeFileSync(join(pane, 'taskpane.js.map'), '{"version":3,"sources":["../src/taskpane/index.tsx"],"sourcesContent":["secret source"]}');
  mkdirSync(join(pane, 'assets'));
  writeFileSync(join(pane, 'assets', 'icon-32.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  h = await startHarness({ CORS_ORIGINS: `${PANE_ORIGIN}, https://localhost:3000` }, { staticDir: pane });
  base = h.api.url;
  site = base.replace(/\/api$/, '');
});
afterAll(async () => {
  await h?.stop();
  rmSync(pane, { recursive: true, force: true });
});

/** Any method, TRACE and CONNECT included (fetch refuses to send them), with its answer's status, headers and body. */
function raw(
  method: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A Content-Security-Policy as directive → its sources. */
function directives(csp: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** Whether a CSP host source (https://host or https://*.domain) allows an origin (CSP Level 3, host-source matching). */
function sourceMatches(source: string, origin: string): boolean {
  const [scheme, host] = origin.split('://') as [string, string];
  const m = /^(https?):\/\/(\*\.)?(.+)$/.exec(source);
  if (!m || m[1] !== scheme) return false;
  return m[2] ? host.endsWith(`.${m[3]}`) : host === m[3];
}

describe('CORS: only the configured origins, never *', () => {
  it('answers a preflight from the pane’s origin with that origin and the headers the pane sends', async () => {
    const r = await fetch(`${base}/returns/jinshan/2025Q1`, {
      method: 'OPTIONS',
      headers: {
        origin: PANE_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe(PANE_ORIGIN);
    expect(r.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(r.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    expect(r.headers.get('access-control-allow-methods')).toContain('POST');
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    expect(r.headers.get('vary')).toMatch(/origin/i);
  });

  it('answers a call with a token from the pane’s origin with that origin, the headers it may read, and Vary: Origin', async () => {
    const r = await call(base, 'getTemplate', { params: { park: 'jinshan', period: '2025' }, token: stat(), headers: { origin: 'https://localhost:3000' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
    expect(r.headers.get('access-control-expose-headers')).toContain('etag');
    expect(r.headers.get('vary')).toMatch(/origin/i);
  });

  it.each(['https://evil.example', 'https://zj-pane.azurestaticapps.net.evil.example', 'null', 'http://zj-pane.azurestaticapps.net'])(
    'gives %s no CORS answer, to a preflight or a call',
    async (origin) => {
      const preflight = await fetch(`${base}/returns/jinshan/2025Q1`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
      const r = await call(base, 'getParks', { token: zone(), headers: { origin } });
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
      expect(r.headers.get('vary')).toMatch(/origin/i);
    },
  );
});

describe('the API’s answers carry security headers', () => {
  const API_CSP = { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] };
  it.each<[string, () => Promise<{ status: number; headers: Headers }>, number]>([
    ['a JSON answer', () => call(base, 'getParks', { token: zone() }), 200],
    ['a workbook', () => call(base, 'getTemplateXlsx', { params: { park: 'jinshan', period: '2025' }, token: stat() }), 200],
    ['the OpenAPI document (anonymous)', () => call(base, 'getOpenApi', {}), 200],
    ['a refusal (no token)', () => call(base, 'getParks', {}), 401],
    ['a bad body', () => call(base, 'validateReturn', { params: { park: 'jinshan', period: '2025' }, token: stat(), jsonAsIs: [] }), 400],
    ['a path no route has', () => call(base, 'GET', '/nothing-here', { token: zone() }), 404],
    ['a method the route does not take', () => call(base, 'DELETE', '/parks', { token: zone() }), 405],
    ['a preflight', () => fetch(`${base}/parks`, { method: 'OPTIONS', headers: { origin: PANE_ORIGIN, 'access-control-request-method': 'GET' } }), 204],
  ])('%s', async (_label, send, status) => {
    const r = await send();
    expect(r.status).toBe(status);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(directives(r.headers.get('content-security-policy'))).toEqual(API_CSP);
    // Never kept by a shared cache; a template may be kept by the browser, revalidated (304).
    if (status !== 204) expect(r.headers.get('cache-control')).toMatch(/^(no-store|private, no-cache)$/);
  });
});

/** A path of each route of the table, with a value for each of its parameters. */
const SAMPLE: Record<PathParamName, string> = { park: 'jinshan', period: '2025Q1', year: '2025', version: '1', draft: '2f1c6a52-3c1e-4a7b-9d55-0c1f1b8f0e2a' };
const samplePath = (name: RouteName) => routePath(name, Object.fromEntries(Object.keys(PATH_PARAMS).map((k) => [k, SAMPLE[k as PathParamName]])) as never);

// Every route of the table, the sign-in (auth-info, me), catalogue and onboarding ones included:
// a route added later is covered without a line here.
describe.each(ROUTE_NAMES.map((name) => [name, ROUTES[name].method, samplePath(name)] as const))(
  '%s (%s %s): CORS and security headers',
  (_name, method, path) => {
    it('answers a preflight from the pane’s origin, and no other', async () => {
      const ok = await fetch(`${base}${path}`, {
        method: 'OPTIONS',
        headers: { origin: PANE_ORIGIN, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type' },
      });
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-origin')).toBe(PANE_ORIGIN);
      expect(ok.headers.get('access-control-allow-methods')).toContain(method);
      expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
      const evil = await fetch(`${base}${path}`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': method } });
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('answers a call without a token with the security headers, and CORS for the pane’s origin alone', async () => {
      for (const [origin, allowed] of [
        [PANE_ORIGIN, PANE_ORIGIN],
        ['https://evil.example', null],
      ] as const) {
        const r = await call(base, method, path, { headers: { origin } });
        expect([path, r.status < 500]).toEqual([path, true]);
        expect(r.headers.get('x-content-type-options')).toBe('nosniff');
        expect(r.headers.get('referrer-policy')).toBe('no-referrer');
        expect(directives(r.headers.get('content-security-policy'))).toEqual({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] });
        expect(r.headers.get('access-control-allow-origin')).toBe(allowed);
        expect(r.headers.get('vary')).toMatch(/origin/i);
      }
    });
  },
);

describe('the task pane’s server', () => {
  it('serves the pane with a Content-Security-Policy: scripts from itself and the office.js CDNs, sign-in, framed by Office only', async () => {
    const r = await fetch(`${site}/taskpane.html`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = directives(r.headers.get('content-security-policy'));
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com', 'https://appsforoffice.cdn.partner.office365.cn']);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    for (const authority of ['https://login.microsoftonline.com', 'https://login.partner.microsoftonline.cn']) {
      expect(csp['connect-src']).toContain(authority);
      expect(csp['frame-src']).toContain(authority);
    }
    expect(csp['connect-src']).toContain("'self'");
    // Office on the web, Outlook, Microsoft 365 (and operated by 21Vianet) frame the pane; nobody else.
    const framedBy = (origin: string) => csp['frame-ancestors']!.some((source) => sourceMatches(source, origin));
    for (const origin of [
      'https://excel.officeapps.live.com',
      'https://excel.cloud.microsoft',
      'https://outlook.office.com',
      'https://outlook.office365.com',
      'https://contoso.sharepoint.com',
      'https://excel.partner.officewebapps.cn',
    ]) {
      expect([origin, framedBy(origin)]).toEqual([origin, true]);
    }
    for (const origin of ['https://evil.example', 'https://office.com.evil.example', 'http://excel.officeapps.live.com']) {
      expect([origin, framedBy(origin)]).toEqual([origin, false]);
    }
    const all = Object.values(csp).flat();
    expect(all).not.toContain('*');
    expect(all).not.toContain("'unsafe-eval'");
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
  });

  it('sends the same headers on every file, its 404s and its HEAD answers', async () => {
    const page = await fetch(`${site}/taskpane.html`);
    for (const r of [
      await fetch(`${site}/assets/icon-32.png`),
      await fetch(`${site}/nothing.js`),
      await fetch(`${site}/taskpane/taskpane.js`, { method: 'HEAD' }),
    ]) {
      expect(r.headers.get('content-security-policy')).toBe(page.headers.get('content-security-policy'));
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'OPTIONS'])('answers %s with 405 and Allow: GET, HEAD, not the page', async (method) => {
    for (const path of ['/', '/taskpane.html', '/nothing.js']) {
      const r = await raw(method, `${site}${path}`, { 'content-type': 'application/json' });
      expect([method, path, r.status]).toEqual([method, path, 405]);
      expect(r.headers.allow).toBe('GET, HEAD');
      expect(r.body).not.toContain('<script');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves no source map', async () => {
    for (const path of ['/taskpane.js.map', '/taskpane/taskpane.js.map', '/TASKPANE.JS.MAP', '/taskpane.js.map%00']) {
      const r = await fetch(`${site}${path}`);
      expect([path, r.status]).toEqual([path, 404]);
      expect(await r.text()).not.toContain('secret source');
    }
    expect((await fetch(`${site}/taskpane.js`)).status).toBe(200);
  });
});
