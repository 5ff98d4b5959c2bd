import { randomUUID } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntraVerifier } from '../src/auth/entra-tokens.js';
import { signDevToken } from '../src/auth/dev-tokens.js';
import { DomainError } from '../src/app/domain-error.js';
import { readSettings } from '../src/settings/read-settings.js';
import { call, startHarness, TEST_SECRET, type Harness } from './helpers/harness.js';

/**
 * AUTH_MODE=entra over real HTTP: the API validates the tokens of a real OpenID provider on
 * loopback (helpers/local-openid-provider.ts), which stands in for the tenant: its discovery
 * document, its JWKS, tokens issued through the authorization code flow with PKCE, and the
 * tokens a provider never issues, made with its keys or without them.
 */
const CONTACT = '张江管委会信息中心 it@zj-park.example.cn';
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';
const GRAPH = '00000003-0000-0000-c000-000000000000';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ ACCESS_CONTACT: CONTACT }, { auth: 'entra' });
}, 120_000);
afterAll(async () => {
  await h?.stop();
});

const now = () => Math.floor(Date.now() / 1000);
const me = (token: string) => call(h.api.url, 'GET', '/me', { token });

describe('GET /me with tokens of the local OpenID provider', () => {
  it('answers who the signed-in user is: name, role, park and auth mode', async () => {
    const r = await me(h.tokens['jinshan-statistician']!);
    expect(r.status).toBe(200);
    const user = h.provider!.users.find((u) => u.login === 'jinshan-statistician')!;
    expect(r.body).toEqual({
      id: user.oid,
      name: '金山园统计员',
      role: 'statistician',
      park: { code: 'jinshan', name: { zh: '金山园', en: 'Jinshan Park' } },
      authMode: 'entra',
    });
    const zone = await me(h.tokens['zone-consolidator']!);
    expect(zone.body).toMatchObject({ role: 'consolidator', park: null });
  });

  it('finds the anonymous sign-in options without a token: Entra ID, no demo tokens', async () => {
    const r = await call(h.api.url, 'GET', '/auth-info');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ authMode: 'entra', devTokens: false });
  });

  type Case = [name: string, status: number, code: string | null, token: () => Promise<string> | string];
  // Times are read when the case runs, not when the table is built: starting the harness can
  // take longer than the clock skew the cases measure.
  type Claims = Record<string, unknown>;
  const mint = (overrides: Claims | (() => Claims), key?: 'foreign') => () =>
    h.provider!.mint('minhang-reviewer', typeof overrides === 'function' ? overrides() : overrides, key);
  it.each<Case>([
    ['valid, issued by the provider', 200, null, () => h.tokens['minhang-reviewer']!],
    ['valid, made with the provider’s key', 200, null, mint({})],
    ['expired 30 s ago (inside the 60 s clock skew)', 200, null, mint(() => ({ exp: now() - 30 }))],
    ['not valid for another 30 s (inside the skew)', 200, null, mint(() => ({ nbf: now() + 30 }))],
    ['role and park values in another case', 200, null, mint({ roles: ['Reviewer', 'PARK.Minhang'] })],
    ['wrong audience (another API)', 401, 'invalid_token', mint({ aud: randomUUID() })],
    ['audience of Microsoft Graph', 401, 'invalid_token', mint({ aud: GRAPH })],
    [
      'wrong issuer (another tenant’s)',
      401,
      'invalid_token',
      () => h.provider!.mint('minhang-reviewer', { iss: h.provider!.issuer.replace(h.provider!.tenantId, OTHER_TENANT) }),
    ],
    ['wrong tenant (tid)', 401, 'invalid_token', mint({ tid: OTHER_TENANT })],
    ['expired 10 minutes ago', 401, 'invalid_token', mint(() => ({ iat: now() - 4000, nbf: now() - 4000, exp: now() - 600 }))],
    ['not yet valid (nbf in 10 minutes)', 401, 'invalid_token', mint(() => ({ nbf: now() + 600 }))],
    ['no expiry', 401, 'invalid_token', mint({ exp: null })],
    ['no object id', 401, 'invalid_token', mint({ oid: null })],
    ['signed by an unknown key', 401, 'invalid_token', mint({}, 'foreign')],
    ['alg: none', 401, 'invalid_token', () => h.provider!.forgeUnsigned('minhang-reviewer')],
    ['HS256 signed with the provider’s public key', 401, 'invalid_token', () => h.provider!.forgeHs256WithPublicKey('minhang-reviewer')],
    ['a dev token', 401, 'invalid_token', () => signDevToken(TEST_SECRET, { id: 'zone-consolidator', name: 'x', role: 'consolidator', park: null })],
    ['not a JWT', 401, 'invalid_token', () => 'hello.world'],
    ['no delegated scope (an app-only token)', 403, 'insufficient_scope', mint({ scp: null })],
    ['another scope', 403, 'insufficient_scope', mint({ scp: 'User.Read' })],
    ['no app role', 403, 'no_app_role', mint({ roles: null })],
    ['only a park, no role', 403, 'no_app_role', mint({ roles: ['park.minhang'] })],
    ['a role without a park', 403, 'no_park', mint({ roles: ['reviewer'] })],
    ['an unknown park', 403, 'park_not_in_catalogue', mint({ roles: ['reviewer', 'park.atlantis'] })],
    ['a park named __proto__', 403, 'park_not_in_catalogue', mint({ roles: ['reviewer', 'park.__proto__'] })],
    ['a park named constructor', 403, 'park_not_in_catalogue', mint({ roles: ['reviewer', 'park.constructor'] })],
    ['a role named constructor', 403, 'no_app_role', mint({ roles: ['constructor', 'park.minhang'] })],
    ['a role named __proto__', 403, 'no_app_role', mint({ roles: ['__proto__', 'toString', 'park.minhang'] })],
    ['two roles', 403, 'ambiguous_assignment', mint({ roles: ['reviewer', 'statistician', 'park.minhang'] })],
    ['two parks', 403, 'ambiguous_assignment', mint({ roles: ['reviewer', 'park.minhang', 'park.jinshan'] })],
  ])('%s → %i %s', async (_name, status, code, token) => {
    const r = await me(await token());
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    if (code === null) return expect(r.body).toMatchObject({ role: 'reviewer', park: { code: 'minhang' } });
    expect(r.body.error.code).toBe(code);
    if (status === 401) expect(r.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    if (status === 403) {
      // Whom to ask, in both languages.
      expect(r.body.error.message.zh).toContain(CONTACT);
      expect(r.body.error.message.en).toContain(CONTACT);
    }
  });

  it('says what is missing in words a user can act on (zh, en)', async () => {
    const r = await me(await mint({ roles: ['reviewer'] })());
    expect(r.body.error.message.zh).toBe(
      `您的角色是园区审核员，但尚未分配园区。请联系${CONTACT}，为您的账号 minhang-reviewer@zj-park.example.cn (${h.provider!.users.find((u) => u.login === 'minhang-reviewer')!.oid}) 分配园区。`,
    );
    expect(r.body.error.message.en).toContain('Your role is park reviewer, but no park is assigned to you.');
  });

  it('caches the discovery document and the keys: twenty requests fetch neither again', async () => {
    const before = h.provider!.requests.length;
    for (let i = 0; i < 20; i++) expect((await me(h.tokens['jinshan-reviewer']!)).status).toBe(200);
    expect(h.provider!.requests.slice(before)).toEqual([]);
    expect(h.provider!.requests.filter((p) => p.endsWith('/.well-known/openid-configuration'))).toHaveLength(1);
  });

  it('follows a key rollover: a token signed by the new key is accepted, and the old key’s tokens still are', async () => {
    const old = h.tokens['fengxian-statistician']!;
    const oldKid = h.provider!.currentKid();
    await h.provider!.rotateKeys();
    const fresh = await h.provider!.signIn('fengxian-statistician');
    expect(decodeProtectedHeader(fresh).kid).toBe(h.provider!.currentKid());
    expect(decodeProtectedHeader(fresh).kid).not.toBe(oldKid);
    const jwksBefore = h.provider!.requests.filter((p) => p.endsWith('/jwks')).length;
    expect((await me(fresh)).status).toBe(200);
    // The unknown kid made the API read the keys again, once.
    expect(h.provider!.requests.filter((p) => p.endsWith('/jwks')).length).toBe(jwksBefore + 1);
    expect((await me(old)).status).toBe(200);
    expect((await me(fresh)).status).toBe(200);
    expect(h.provider!.requests.filter((p) => p.endsWith('/jwks')).length).toBe(jwksBefore + 1);
  });
});

describe('the verifier, where the provider cannot be reached or is flooded with unknown keys', () => {
  it('answers 503 auth_unavailable (retry later), not 401, when Entra ID does not answer', async () => {
    const settings = readSettings({
      STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      ...h.provider!.apiEnv,
      ENTRA_AUTHORITY_HOST: 'https://127.0.0.1:1',
    });
    const verifier = createEntraVerifier(settings.entra!, { fetch: h.provider!.fetch });
    const refusal = await verifier.verify(h.tokens['jinshan-statistician']!).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'auth_unavailable' });
  });

  it('fetches the keys again for an unknown key id at most once per cooldown', async () => {
    const settings = readSettings({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', ...h.provider!.apiEnv });
    const verifier = createEntraVerifier(settings.entra!, { fetch: h.provider!.fetch, jwksCooldownMs: 60_000 });
    const before = h.provider!.requests.filter((p) => p.endsWith('/jwks')).length;
    await verifier.verify(h.tokens['jinshan-statistician']!);
    for (let i = 0; i < 10; i++) {
      await expect(verifier.verify(await h.provider!.mint('jinshan-statistician', {}, 'foreign'))).rejects.toMatchObject({ code: 'invalid_token' });
    }
    expect(h.provider!.requests.filter((p) => p.endsWith('/jwks')).length).toBe(before + 1);
  });
});
