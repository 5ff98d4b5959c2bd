import { describe, expect, it } from 'vitest';
import { isLoopbackHost, readSettings } from './read-settings.js';
import { APP_SETTINGS, PLATFORM_SETTINGS } from './settings.js';

const STORAGE = { STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };
const SECRET = { DEV_TOKEN_SECRET: 'a-secret-of-this-machine-0123456789abcdef' };
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const API = '6e3a1c52-8a9f-4c0e-9d3b-0f1b2c3d4e5f';
const ENTRA = { AUTH_MODE: 'entra', ENTRA_TENANT_ID: TENANT, ENTRA_API_CLIENT_ID: API };
const AZURE = { WEBSITE_SITE_NAME: 'zj-returns', WEBSITE_INSTANCE_ID: 'f00d' };

describe('readSettings: sign-in fails closed', () => {
  it.each<[string, Record<string, string>, RegExp]>([
    ['AUTH_MODE unset in Azure', { ...SECRET, ...AZURE }, /AUTH_MODE is not set, and this app runs in Azure/],
    ['AUTH_MODE unset in Azure (instance id only)', { ...SECRET, WEBSITE_INSTANCE_ID: 'x' }, /runs in Azure/],
    ['dev tokens in Azure', { ...SECRET, ...AZURE, AUTH_MODE: 'dev-token' }, /dev-token is refused in Azure/],
    ['dev tokens without a secret', { AUTH_MODE: 'dev-token' }, /DEV_TOKEN_SECRET must be at least 32/],
    ['dev tokens with a short secret', { DEV_TOKEN_SECRET: 'short' }, /DEV_TOKEN_SECRET must be at least 32/],
    ['App Service Authentication off Azure', { AUTH_MODE: 'app-service', ENTRA_TENANT_ID: TENANT }, /platform does not say it is on/],
    ['App Service Authentication not enabled', { ...AZURE, AUTH_MODE: 'app-service', ENTRA_TENANT_ID: TENANT }, /platform does not say it is on/],
    [
      'App Service Authentication claimed off Azure',
      { AUTH_MODE: 'app-service', WEBSITE_AUTH_ENABLED: 'True', ENTRA_TENANT_ID: TENANT },
      /platform does not say/,
    ],
    ['an unknown mode', { AUTH_MODE: 'none' }, /AUTH_MODE must be entra, app-service or dev-token/],
    ['entra without a tenant', { AUTH_MODE: 'entra', ENTRA_API_CLIENT_ID: API }, /ENTRA_TENANT_ID must be/],
    ['entra with a tenant name', { ...ENTRA, ENTRA_TENANT_ID: 'contoso.onmicrosoft.com' }, /ENTRA_TENANT_ID must be .* a GUID/],
    ['entra without the API client id', { AUTH_MODE: 'entra', ENTRA_TENANT_ID: TENANT }, /ENTRA_API_CLIENT_ID must be/],
    ['entra with another authority', { ...ENTRA, ENTRA_AUTHORITY_HOST: 'https://login.example.com' }, /ENTRA_AUTHORITY_HOST must be/],
    ['entra with plain http', { ...ENTRA, ENTRA_AUTHORITY_HOST: 'http://login.microsoftonline.com' }, /ENTRA_AUTHORITY_HOST must be/],
    ['a loopback authority in Azure', { ...ENTRA, ...AZURE, ENTRA_AUTHORITY_HOST: 'http://127.0.0.1:4000' }, /ENTRA_AUTHORITY_HOST must be/],
    ['a LAN opt-in that is not yes or no', { ...SECRET, ALLOW_DEV_TOKENS_ON_LAN: 'please' }, /ALLOW_DEV_TOKENS_ON_LAN must be yes or no/],
  ])('refuses to start: %s', (_name, env, message) => {
    expect(() => readSettings({ ...STORAGE, ...env })).toThrow(message);
  });

  it('runs dev tokens on a developer machine when AUTH_MODE is unset', () => {
    const s = readSettings({ ...STORAGE, ...SECRET });
    expect(s).toMatchObject({ authMode: 'dev-token', devTokensOnLan: false, entra: null, platform: { inAzure: false } });
  });

  it('takes the LAN opt-in only in dev-token mode', () => {
    expect(readSettings({ ...STORAGE, ...SECRET, ALLOW_DEV_TOKENS_ON_LAN: 'yes' }).devTokensOnLan).toBe(true);
    expect(readSettings({ ...STORAGE, ...ENTRA, ALLOW_DEV_TOKENS_ON_LAN: 'yes' }).devTokensOnLan).toBe(false);
  });

  it('reads the Entra settings: the global cloud by default, the API client id as audience', () => {
    const s = readSettings({ ...STORAGE, ...AZURE, ...ENTRA, ENTRA_TENANT_ID: TENANT.toUpperCase(), DEV_TOKEN_SECRET: 'ignored' });
    expect(s.devTokenSecret).toBeNull();
    expect(s.entra).toEqual({ tenantId: TENANT, authorityHost: 'https://login.microsoftonline.com', audiences: [API], scope: 'access_as_user' });
  });

  it('reads the 21Vianet cloud and an own scope name', () => {
    const s = readSettings({ ...STORAGE, ...ENTRA, ENTRA_AUTHORITY_HOST: 'https://login.partner.microsoftonline.cn/', ENTRA_API_SCOPE: 'Returns.ReadWrite' });
    expect(s.entra).toMatchObject({ authorityHost: 'https://login.partner.microsoftonline.cn', audiences: [API], scope: 'Returns.ReadWrite' });
  });

  it('accepts a loopback OpenID provider outside Azure (the tests’ local provider)', () => {
    expect(readSettings({ ...STORAGE, ...ENTRA, ENTRA_AUTHORITY_HOST: 'https://127.0.0.1:8443' }).entra?.authorityHost).toBe('https://127.0.0.1:8443');
  });

  it('allows App Service Authentication where the platform says it is on', () => {
    const s = readSettings({ ...STORAGE, ...AZURE, WEBSITE_AUTH_ENABLED: 'True', AUTH_MODE: 'app-service', ENTRA_TENANT_ID: TENANT });
    expect(s.authMode).toBe('app-service');
    expect(s.platform).toEqual({ inAzure: true, easyAuthEnabled: true });
  });

  it('reads the catalogue refresh window: 5 s by default, 0 for every request, nothing negative or fractional', () => {
    expect(readSettings({ ...STORAGE, ...SECRET }).catalogueRefreshMs).toBe(5000);
    expect(readSettings({ ...STORAGE, ...SECRET, CATALOGUE_REFRESH_MS: '0' }).catalogueRefreshMs).toBe(0);
    for (const bad of ['-1', '2.5', 'soon'])
      expect(() => readSettings({ ...STORAGE, ...SECRET, CATALOGUE_REFRESH_MS: bad })).toThrow(/CATALOGUE_REFRESH_MS must be a whole number of 0 or more/);
  });

  it('reads no setting that APP_SETTINGS and PLATFORM_SETTINGS do not list', () => {
    const read = new Set<string>();
    const env = new Proxy({ ...STORAGE, ...ENTRA, ACCESS_CONTACT: '信息中心' } as Record<string, string | undefined>, {
      get(target, name: string) {
        read.add(name);
        return target[name];
      },
    });
    readSettings(env);
    const known = new Set([...Object.keys(APP_SETTINGS), ...Object.keys(PLATFORM_SETTINGS)]);
    expect([...read].filter((name) => !known.has(name))).toEqual([]);
  });
});

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])('%s is loopback', (h) => expect(isLoopbackHost(h)).toBe(true));
  it.each(['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'example.com', '128.0.0.1'])('%s is not', (h) => expect(isLoopbackHost(h)).toBe(false));
});
