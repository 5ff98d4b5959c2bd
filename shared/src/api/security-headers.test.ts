import { describe, expect, it } from 'vitest';
import { isSourceMapPath, paneContentSecurityPolicy, paneHeadersOfConfig, paneSecurityHeaders, paneStaticWebAppConfig } from './security-headers.js';

const connectSrc = (csp: string) => /connect-src ([^;]*)/.exec(csp)?.[1]?.split(' ');
const frameSrc = (csp: string) => /frame-src ([^;]*)/.exec(csp)?.[1]?.split(' ');

describe('the task pane’s security headers', () => {
  it.each<[string | null, string[]]>([
    [null, ["'self'"]],
    ['/api', ["'self'"]],
    ['https://ZJ-API.azurewebsites.net/api', ["'self'", 'https://zj-api.azurewebsites.net']],
    ['https://zj-api.chinacloudsites.cn:8443/api/', ["'self'", 'https://zj-api.chinacloudsites.cn:8443']],
  ])('an API at %j may be fetched from the pane', (apiBaseUrl, self) => {
    expect(connectSrc(paneContentSecurityPolicy({ apiBaseUrl }))).toEqual([
      ...self,
      'https://login.microsoftonline.com',
      'https://login.partner.microsoftonline.cn',
    ]);
  });

  it('lets the pane fetch tokens from, and frame, the authority it is built with: Entra ID’s always, a local provider when named', () => {
    const entra = paneContentSecurityPolicy({ authority: 'https://login.partner.microsoftonline.cn/7d3c2b1a-0f9e-4d8c-b7a6-5e4f3d2c1b0a' });
    expect(connectSrc(entra)).toEqual(["'self'", 'https://login.microsoftonline.com', 'https://login.partner.microsoftonline.cn']);
    const local = paneContentSecurityPolicy({ authority: 'https://127.0.0.1:41443/tenant-a/v2.0' });
    expect(connectSrc(local)).toContain('https://127.0.0.1:41443');
    expect(frameSrc(local)).toContain('https://127.0.0.1:41443');
    expect(connectSrc(paneContentSecurityPolicy())).not.toContain('https://127.0.0.1:41443');
  });

  it('reads the headers a build wrote for Static Web Apps, and nothing that is not them', () => {
    const config = paneStaticWebAppConfig({ authority: 'https://127.0.0.1:41443/t' });
    expect(paneHeadersOfConfig(JSON.parse(JSON.stringify(config)))).toEqual(paneSecurityHeaders({ authority: 'https://127.0.0.1:41443/t' }));
    for (const bad of [
      null,
      {},
      { globalHeaders: [] },
      { globalHeaders: { 'x-content-type-options': 'nosniff' } },
      { globalHeaders: { 'content-security-policy': 1 } },
    ]) {
      expect(paneHeadersOfConfig(bad)).toBeNull();
    }
  });

  it('refuses an API address that is neither a path nor a URL (misuse: the build checks it first)', () => {
    expect(() => paneContentSecurityPolicy({ apiBaseUrl: 'zj-api.azurewebsites.net' })).toThrow(/neither a path nor/);
  });

  it('gives Static Web Apps the same headers, no source map and GET/HEAD only', () => {
    const config = paneStaticWebAppConfig({ apiBaseUrl: 'https://zj-api.azurewebsites.net/api' }) as {
      globalHeaders: unknown;
      routes: { route: string; methods?: string[]; statusCode: number }[];
    };
    expect(config.globalHeaders).toEqual(paneSecurityHeaders({ apiBaseUrl: 'https://zj-api.azurewebsites.net/api' }));
    expect(config.routes.find((r) => r.route === '/*.map')?.statusCode).toBe(404);
    const refused = config.routes.find((r) => r.statusCode === 405);
    expect(refused?.methods).toEqual(expect.arrayContaining(['POST', 'PUT', 'DELETE', 'TRACE', 'OPTIONS']));
    expect(refused?.methods).not.toContain('GET');
    expect(refused?.methods).not.toContain('HEAD');
  });

  it.each([
    ['/taskpane.js.map', true],
    ['/assets/x.MAP', true],
    ['/taskpane.js', false],
    ['/maps/index.html', false],
  ])('%s is a source map: %s', (path, expected) => {
    expect(isSourceMapPath(path)).toBe(expected);
  });
});
