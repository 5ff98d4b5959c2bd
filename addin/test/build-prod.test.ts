import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAddin, OFFICE_JS_CDN, optionsFromEnv } from '../scripts/build.js';

const ADDIN = fileURLToPath(new URL('..', import.meta.url));
const VERSION = (JSON.parse(readFileSync(join(ADDIN, 'package.json'), 'utf8')) as { version: string }).version;
const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'zj-pane-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const SIGN_IN = {
  ADDIN_ENTRA_CLIENT_ID: '8c1f0e2d-4b3a-4f5e-9d6c-7a8b9c0d1e2f',
  ADDIN_ENTRA_AUTHORITY: 'https://login.microsoftonline.com/7d3c2b1a-0f9e-4d8c-b7a6-5e4f3d2c1b0a',
  ADDIN_ENTRA_API_SCOPE: 'api://3f5d2a61-7c1e-4b8f-a0d9-6e2c4b1a9f07/access_as_user',
};
const PROD = { ADDIN_BASE_URL: 'https://zj-pane.azurestaticapps.net', ADDIN_API_BASE_URL: 'https://zj-func.azurewebsites.net/api', ...SIGN_IN };

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

describe('npm run build:prod: the task pane for production', () => {
  it('loads office.js from Microsoft CDN, serves no source map, and writes the manifest for its URL with the package version', async () => {
    const out = scratch();
    await buildAddin({ ...optionsFromEnv(PROD, 'production'), outDir: out });
    const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
    expect(html).toContain(`<script src="${OFFICE_JS_CDN.cdn}"></script>`);
    expect(OFFICE_JS_CDN.cdn).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const written = files(out);
    expect(written.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(written.filter((f) => /(^|\/)office\.js$|office_strings|^excel/i.test(f))).toEqual([]);
    expect(readFileSync(join(out, 'taskpane.js'), 'utf8')).not.toContain('sourceMappingURL');
    expect(readFileSync(join(out, 'config.js'), 'utf8')).toContain('"apiBaseUrl":"https://zj-func.azurewebsites.net/api"');
    // Sign-in with Entra ID, as configured: the pane's registration, the tenant, the API's scope.
    expect(readFileSync(join(out, 'config.js'), 'utf8')).toContain(
      `"entra":{"clientId":"${SIGN_IN.ADDIN_ENTRA_CLIENT_ID}","authority":"${SIGN_IN.ADDIN_ENTRA_AUTHORITY}","apiScope":"${SIGN_IN.ADDIN_ENTRA_API_SCOPE}"}`,
    );
    expect(written).toEqual(expect.arrayContaining(['auth-dialog.html', 'auth-dialog.js', 'auth-redirect.html', 'auth-redirect.js']));

    const manifest = readFileSync(join(out, 'manifest.xml'), 'utf8');
    const app = (new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(manifest) as { OfficeApp: Record<string, any> }).OfficeApp;
    expect(app.Version).toBe(`${VERSION}.0`);
    expect(app.AppDomains.AppDomain).toBe('https://zj-pane.azurestaticapps.net');
    expect(app.DefaultSettings.SourceLocation.DefaultValue).toBe('https://zj-pane.azurestaticapps.net/taskpane.html');
    expect(manifest).not.toContain('localhost');
  });

  it('loads office.js from the 21Vianet CDN when asked (Microsoft 365 operated by 21Vianet)', async () => {
    const out = scratch();
    await buildAddin({ ...optionsFromEnv({ ...PROD, ADDIN_OFFICE_JS: 'cdn-21vianet' }, 'production'), outDir: out });
    expect(readFileSync(join(out, 'taskpane.html'), 'utf8')).toContain(
      '<script src="https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js"></script>',
    );
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['no pane URL', { ADDIN_API_BASE_URL: PROD.ADDIN_API_BASE_URL }, /ADDIN_BASE_URL is required/],
    ['an http pane URL', { ...PROD, ADDIN_BASE_URL: 'http://zj-pane.example.cn' }, /ADDIN_BASE_URL must be https/],
    ['a pane on localhost', { ...PROD, ADDIN_BASE_URL: 'https://localhost:3000' }, /production build must be where/],
    ['a pane URL with a query', { ...PROD, ADDIN_BASE_URL: 'https://zj-pane.example.cn/?v=2' }, /query or fragment/],
    ['no URL at all', { ...PROD, ADDIN_BASE_URL: 'zj-pane' }, /is not a URL/],
    ['no API URL', { ADDIN_BASE_URL: PROD.ADDIN_BASE_URL }, /ADDIN_API_BASE_URL is required/],
    ['an http API', { ...PROD, ADDIN_API_BASE_URL: 'http://zj-func.azurewebsites.net/api' }, /ADDIN_API_BASE_URL must be https/],
    ['office.js copied from npm', { ...PROD, ADDIN_OFFICE_JS: 'local' }, /ADDIN_OFFICE_JS of a production build/],
    [
      'no sign-in settings (the API in Azure takes only Entra ID tokens)',
      { ADDIN_BASE_URL: PROD.ADDIN_BASE_URL, ADDIN_API_BASE_URL: PROD.ADDIN_API_BASE_URL },
      /ADDIN_ENTRA_CLIENT_ID, ADDIN_ENTRA_AUTHORITY and ADDIN_ENTRA_API_SCOPE are required/,
    ],
    ['a pane client id that is not a GUID', { ...PROD, ADDIN_ENTRA_CLIENT_ID: 'zj-pane' }, /ADDIN_ENTRA_CLIENT_ID must be/],
    [
      'an OpenID provider on loopback',
      { ...PROD, ADDIN_ENTRA_AUTHORITY: 'https://127.0.0.1:4443/7d3c2b1a-0f9e-4d8c-b7a6-5e4f3d2c1b0a' },
      /ADDIN_ENTRA_AUTHORITY of a production build must be Entra ID's/,
    ],
  ])('refuses %s, naming the setting', (_, env, message) => {
    expect(() => optionsFromEnv(env, 'production')).toThrow(message);
  });

  it('refuses a bad URL before it writes anything: the output folder is left as it was', async () => {
    const out = scratch();
    writeFileSync(join(out, 'deployed-before.txt'), 'the pane that is live now');
    await expect(
      buildAddin({ baseUrl: 'http://zj-pane.example.cn', apiBaseUrl: PROD.ADDIN_API_BASE_URL, officeJs: 'cdn', minify: true, production: true, outDir: out }),
    ).rejects.toThrow(/ADDIN_BASE_URL/);
    expect(files(out)).toEqual(['deployed-before.txt']);
  });

  it('the command refuses a bad URL with its message and exit code, and leaves the output folder as it was', () => {
    const out = scratch();
    writeFileSync(join(out, 'deployed-before.txt'), 'the pane that is live now');
    const run = spawnSync('npm', ['run', '-s', 'build:prod'], {
      cwd: ADDIN,
      encoding: 'utf8',
      env: { ...process.env, ADDIN_BASE_URL: 'http://zj-pane.example.cn', ADDIN_API_BASE_URL: PROD.ADDIN_API_BASE_URL, ADDIN_OUT_DIR: out },
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('ADDIN_BASE_URL must be https');
    expect(files(out)).toEqual(['deployed-before.txt']);
  });
});
