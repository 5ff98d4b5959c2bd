import { describe, expect, it } from 'vitest';
import { chooseSignInFlow, msalConfiguration } from './entra-auth.js';
import { readEntraConfig } from './entra-config.js';

const CLIENT = '0b7e5a1c-2d3f-4e5a-8b6c-7d8e9f0a1b2c';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SCOPE = 'api://6e3a1c52-8a9f-4c0e-9d3b-0f1b2c3d4e5f/access_as_user';
const env = (authority: string, clientId = CLIENT, scope = SCOPE) => ({
  ADDIN_ENTRA_CLIENT_ID: clientId,
  ADDIN_ENTRA_AUTHORITY: authority,
  ADDIN_ENTRA_API_SCOPE: scope,
});

describe('readEntraConfig (build-time settings)', () => {
  it('is null when none is given: the pane offers what the API’s local development mode allows', () => {
    expect(readEntraConfig({})).toBeNull();
  });

  it.each([
    ['the global cloud', `https://login.microsoftonline.com/${TENANT}`],
    ['the 21Vianet cloud (tenants operated in China)', `https://login.partner.microsoftonline.cn/${TENANT}/`],
    ['an OpenID provider on loopback (tests)', `https://127.0.0.1:8443/${TENANT}/v2.0`],
  ])('reads %s', (_name, authority) => {
    expect(readEntraConfig(env(authority))).toEqual({ clientId: CLIENT, authority: authority.replace(/\/$/, ''), apiScope: SCOPE });
  });

  it.each([
    ['a client id that is not a GUID', env(`https://login.microsoftonline.com/${TENANT}`, 'my-app'), /ADDIN_ENTRA_CLIENT_ID/],
    ['another login host', env(`https://login.example.com/${TENANT}`), /ADDIN_ENTRA_AUTHORITY/],
    ['plain http', env(`http://login.microsoftonline.com/${TENANT}`), /ADDIN_ENTRA_AUTHORITY/],
    ['no tenant', env('https://login.microsoftonline.com'), /ADDIN_ENTRA_AUTHORITY/],
    ['a scope without its API', env(`https://login.microsoftonline.com/${TENANT}`, CLIENT, 'access_as_user'), /ADDIN_ENTRA_API_SCOPE/],
    ['half the settings', { ADDIN_ENTRA_CLIENT_ID: CLIENT }, /ADDIN_ENTRA_AUTHORITY/],
  ])('refuses %s', (_name, settings, message) => {
    const read = readEntraConfig(settings);
    expect(read).toBeInstanceOf(Error);
    expect((read as Error).message).toMatch(message);
  });
});

describe('the sign-in flow and MSAL’s configuration', () => {
  it.each([
    [true, true, 'nested'],
    [true, false, 'office-dialog'],
    [false, false, 'popup'],
  ] as const)('in Office: %s, NestedAppAuth 1.1: %s → %s', (inOffice, naa, flow) => {
    expect(chooseSignInFlow({ inOffice: () => inOffice, supportsNestedAppAuth: () => naa })).toBe(flow);
  });

  it('speaks Entra ID’s protocol to Entra ID, and plain OpenID Connect to a known loopback provider', () => {
    const entra = msalConfiguration(
      { clientId: CLIENT, authority: `https://login.partner.microsoftonline.cn/${TENANT}`, apiScope: SCOPE },
      'https://pane.example.cn',
    );
    expect(entra).toEqual({
      auth: { clientId: CLIENT, authority: `https://login.partner.microsoftonline.cn/${TENANT}`, redirectUri: 'https://pane.example.cn/auth-redirect.html' },
      cache: { cacheLocation: 'localStorage' },
    });
    const local = msalConfiguration({ clientId: CLIENT, authority: `https://127.0.0.1:8443/${TENANT}/v2.0`, apiScope: SCOPE }, 'http://127.0.0.1:7071');
    expect(local.auth.knownAuthorities).toEqual(['127.0.0.1:8443']);
    expect(local.system?.protocolMode).toBe('OIDC');
  });
});
