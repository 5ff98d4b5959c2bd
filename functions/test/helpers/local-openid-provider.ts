import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { request as httpsRequest, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import Provider, { errors as oidcErrors, type Configuration } from 'oidc-provider';
import { generate } from 'selfsigned';
import type { Actor } from '@zj/shared';

/**
 * A real OpenID Connect provider on loopback (panva's oidc-provider, certified by the OpenID
 * Foundation) standing in for a Microsoft Entra ID tenant in tests: the same discovery path
 * (`/{tenant}/v2.0/.well-known/openid-configuration`), an issuer of the same shape, RS256 keys
 * in a JWKS, the authorization code flow with PKCE for a public (SPA) client, and JWT access
 * tokens for the API carrying Entra ID's claims (`aud` the API's client id, `tid`, `oid`, `scp`,
 * `roles`, `name`, `preferred_username`). It serves https (MSAL.js accepts no other authority)
 * with a certificate made for the run; `fetch` trusts it.
 */
export interface LocalUser {
  /** What is typed into the provider's login form (its account id, the token's `sub`). */
  login: string;
  oid: string;
  name: string;
  username: string;
  /** App role values: statistician, reviewer, consolidator, park.<code>. */
  roles: string[];
}

/** The demo users as Entra ID would know them: an object id, their role and park as app roles. */
export function entraUsersOf(actors: Actor[]): LocalUser[] {
  return actors.map((u) => ({
    login: u.id,
    oid: randomUUID(),
    name: u.name,
    username: `${u.id}@zj-park.example.cn`,
    roles: [u.role, ...(u.park ? [`park.${u.park}`] : [])],
  }));
}

export interface LocalOpenIdProvider {
  /** As ENTRA_AUTHORITY_HOST: https://127.0.0.1:<port> */
  authorityHost: string;
  /** https://127.0.0.1:<port>/<tenant>/v2.0, as Entra ID's v2 issuer is https://login.microsoftonline.com/<tenant>/v2.0 */
  issuer: string;
  tenantId: string;
  apiClientId: string;
  paneClientId: string;
  /** The scope the pane asks for: api://<api client id>/access_as_user */
  apiScope: string;
  /** The certificate of this run (PEM), for a browser or a client that must trust it. */
  certificate: string;
  /** fetch that trusts the certificate (for the API's outbound calls and the tests). */
  fetch: typeof fetch;
  /** The API's settings for entra mode against this provider. */
  apiEnv: Record<string, string>;
  users: LocalUser[];
  /** Paths requested of the provider, in order (to count discovery and JWKS fetches). */
  requests: string[];
  /** The kid the provider signs with now. */
  currentKid(): string;
  /**
   * Signs `login` in through the provider's own pages and endpoints, as a browser would: the
   * authorization request with PKCE, the login and consent forms, the code at the redirect URI,
   * the code exchanged at the token endpoint. Returns the access token for the API.
   */
  signIn(login: string): Promise<string>;
  /**
   * A token made here rather than by the provider, for the cases a provider never issues:
   * valid claims for `login` with `overrides` (null deletes a claim), signed with the provider's
   * current key unless `key` says otherwise.
   */
  mint(login: string, overrides?: Record<string, unknown>, key?: 'current' | 'foreign'): Promise<string>;
  /** An `alg: none` token, and an HS256 token whose HMAC secret is the provider's public key. */
  forgeUnsigned(login: string): string;
  forgeHs256WithPublicKey(login: string): Promise<string>;
  /** Key rollover: a new signing key goes first in the JWKS; the old one stays listed (Entra ID publishes both for a while). */
  rotateKeys(): Promise<void>;
  close(): Promise<void>;
}

export interface LocalProviderOptions {
  users: LocalUser[];
  /** The pane's redirect URIs (its origin's auth-redirect page). */
  redirectUris?: string[];
  tenantId?: string;
}

const API_SCOPE_NAME = 'access_as_user';
/** The redirect URI of the tests' own sign-ins (never served: signIn reads the code from the Location header). */
const TEST_REDIRECT = 'https://127.0.0.1/test-redirect';

interface SigningKey {
  kid: string;
  privateJwk: JWK;
  privateKey: CryptoKey;
  publicPem: string;
}

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return { kid, privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' }, privateKey, publicPem: await exportSPKI(publicKey) };
}

export async function startLocalOpenIdProvider(options: LocalProviderOptions): Promise<LocalOpenIdProvider> {
  const tenantId = options.tenantId ?? randomUUID();
  const apiClientId = randomUUID();
  const paneClientId = randomUUID();
  const apiScope = `api://${apiClientId}/${API_SCOPE_NAME}`;
  const users = new Map(options.users.map((u) => [u.login, u]));
  const pem = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  const trustingFetch = fetchTrusting(pem.cert);
  let keys: SigningKey[] = [await newSigningKey()];
  const foreign = await newSigningKey();

  const server: Server = createServer({ key: pem.private, cert: pem.cert });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const authorityHost = `https://127.0.0.1:${port}`;
  const prefix = `/${tenantId}/v2.0`;
  const issuer = `${authorityHost}${prefix}`;

  const claimsOf = (login: string, clientId: string): JWTPayload => {
    const user = users.get(login);
    if (!user) throw new Error(`local provider: no user ${login}`);
    return {
      tid: tenantId,
      oid: user.oid,
      name: user.name,
      preferred_username: user.username,
      roles: user.roles,
      scp: API_SCOPE_NAME,
      azp: clientId,
      ver: '2.0',
    };
  };

  const configuration = (): Configuration => ({
    clients: [
      {
        client_id: paneClientId,
        client_name: '张江园区指标填报 (local)',
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [...(options.redirectUris ?? []), TEST_REDIRECT],
      },
    ],
    jwks: { keys: keys.map((k) => k.privateJwk) },
    cookies: { keys: ['local-provider-cookie-key-of-this-test-run'] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'oid', 'tid'] },
    async findAccount(_ctx, sub) {
      const user = users.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: async () => ({ sub, name: user.name, preferred_username: user.username, oid: user.oid, tid: tenantId }) };
    },
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // MSAL asks for `api://<id>/access_as_user` with no resource parameter, as with Entra ID.
        defaultResource: async () => `api://${apiClientId}`,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, indicator) => {
          if (indicator !== `api://${apiClientId}`) throw new oidcErrors.InvalidTarget();
          return { scope: apiScope, audience: apiClientId, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    // Entra ID's claims on the API's access token (what the API reads).
    async extraTokenClaims(_ctx, token) {
      const accountId = (token as { accountId?: string }).accountId;
      if (!accountId || !('resourceServer' in token) || !token.resourceServer) return undefined;
      return { ...claimsOf(accountId, (token as { clientId?: string }).clientId ?? ''), nbf: Math.floor(Date.now() / 1000) };
    },
    pkce: { required: () => true },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, RefreshToken: 86400, Session: 86400, Interaction: 600, Grant: 86400 },
  });

  const debug = (p: Provider) => {
    // Entra ID gives an SPA a refresh token with every interactive sign-in (MSAL renews tokens
    // with it, not with a hidden iframe, which third-party cookie blocking defeats). OpenID
    // Connect keeps offline_access only with prompt=consent, so an interactive request that asks
    // for it gets the consent prompt here (the user confirms once per sign-in).
    p.use(async (ctx, next) => {
      if (ctx.method === 'GET' && ctx.path === '/auth') {
        const query = new URLSearchParams(ctx.querystring);
        if ((query.get('scope') ?? '').split(' ').includes('offline_access') && !query.has('prompt')) {
          query.set('prompt', 'consent');
          ctx.querystring = query.toString();
          // The mount path is read from originalUrl around the request's URL: keep them in step.
          (ctx.req as typeof ctx.req & { originalUrl: string }).originalUrl = `${prefix}${ctx.url}`;
        }
      }
      await next();
    });
    if (process.env.ZJ_DEBUG_SIGNIN) {
      const events = p as unknown as { on(event: string, listener: (ctx: unknown, error: Error & { error_description?: string }) => void): void };
      for (const event of ['grant.error', 'server_error', 'authorization.error']) {
        events.on(event, (_ctx, error) => console.log(`[provider ${event}]`, error.message, error.error_description));
      }
    }
    return p;
  };
  let provider = debug(new Provider(issuer, configuration()));
  const requests: string[] = [];
  server.on('request', (req, res) => {
    const url = req.url ?? '/';
    requests.push(url.split('?')[0]!);
    if (!url.startsWith(`${prefix}/`) && url !== prefix) {
      res.writeHead(404).end();
      return;
    }
    // Mounted under /<tenant>/v2.0, as the provider expects of a mount (originalUrl keeps the whole path).
    (req as typeof req & { originalUrl: string }).originalUrl = url;
    req.url = url.slice(prefix.length) || '/';
    void provider.callback()(req, res);
  });

  const mint = async (login: string, overrides: Record<string, unknown> = {}, which: 'current' | 'foreign' = 'current'): Promise<string> => {
    const key = which === 'foreign' ? foreign : keys[0]!;
    const now = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = {
      ...claimsOf(login, paneClientId),
      iss: issuer,
      aud: apiClientId,
      sub: login,
      iat: now,
      nbf: now,
      exp: now + 3600,
    };
    for (const [name, value] of Object.entries(overrides)) {
      if (value === null) delete payload[name];
      else payload[name] = value;
    }
    return new SignJWT(payload as JWTPayload).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
  };

  const validPayload = (login: string) => {
    const now = Math.floor(Date.now() / 1000);
    return { ...claimsOf(login, paneClientId), iss: issuer, aud: apiClientId, sub: login, iat: now, nbf: now, exp: now + 3600 };
  };
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

  return {
    authorityHost,
    issuer,
    tenantId,
    apiClientId,
    paneClientId,
    apiScope,
    certificate: pem.cert,
    fetch: trustingFetch,
    apiEnv: {
      AUTH_MODE: 'entra',
      ENTRA_TENANT_ID: tenantId,
      ENTRA_API_CLIENT_ID: apiClientId,
      ENTRA_API_SCOPE: API_SCOPE_NAME,
      ENTRA_AUTHORITY_HOST: authorityHost,
    },
    users: options.users,
    requests,
    currentKid: () => keys[0]!.kid,
    signIn: (login) => signInThroughProvider(trustingFetch, issuer, paneClientId, apiScope, login),
    mint,
    forgeUnsigned: (login) => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(validPayload(login))}.`,
    async forgeHs256WithPublicKey(login) {
      // The classic confusion: a verifier that takes `alg` from the token would check this HMAC with the RSA public key as its secret.
      const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: keys[0]!.kid })}.${b64(validPayload(login))}`;
      return `${input}.${createHmac('sha256', keys[0]!.publicPem).update(input).digest('base64url')}`;
    },
    async rotateKeys() {
      keys = [await newSigningKey(), ...keys];
      provider = debug(new Provider(issuer, configuration()));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The authorization code flow with PKCE, driven over HTTP through the provider's login and consent pages. */
async function signInThroughProvider(fetchImpl: typeof fetch, issuer: string, clientId: string, scope: string, login: string): Promise<string> {
  const jar = new CookieJar();
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomUUID();
  const authorize = new URL(`${issuer}/auth`);
  for (const [k, v] of Object.entries({
    client_id: clientId,
    redirect_uri: TEST_REDIRECT,
    response_type: 'code',
    scope: `openid profile offline_access ${scope}`,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    nonce: randomUUID(),
  })) {
    authorize.searchParams.set(k, v);
  }
  let location = authorize.href;
  for (let hop = 0; hop < 12; hop++) {
    if (location.startsWith(TEST_REDIRECT)) {
      const answer = new URL(location);
      if (answer.searchParams.get('state') !== state) throw new Error('local provider: state mismatch');
      const code = answer.searchParams.get('code');
      if (!code) throw new Error(`local provider: no code (${answer.search})`);
      const token = await fetchImpl(`${issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: TEST_REDIRECT,
          client_id: clientId,
          code_verifier: verifier,
        }).toString(),
      });
      const body = (await token.json()) as { access_token?: string; error?: string };
      if (!body.access_token) throw new Error(`local provider: token endpoint said ${JSON.stringify(body)}`);
      return body.access_token;
    }
    const response = await jar.fetch(fetchImpl, location);
    if (response.status >= 300 && response.status < 400) {
      location = new URL(response.headers.get('location')!, location).href;
      continue;
    }
    const html = await response.text();
    const form = /<form[^>]*action="([^"]+)"/.exec(html);
    if (response.status !== 200 || !form) throw new Error(`local provider: unexpected page ${response.status} at ${location}: ${html.slice(0, 300)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? 'consent';
    const fields: Record<string, string> = prompt === 'login' ? { prompt, login, password: 'any' } : { prompt };
    const submitted = await jar.fetch(fetchImpl, new URL(form[1]!.replace(/&amp;/g, '&'), location).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    location = new URL(submitted.headers.get('location')!, location).href;
  }
  throw new Error('local provider: too many redirects');
}

/** Cookies by name and path, as a browser keeps them for one site. */
class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  async fetch(fetchImpl: typeof fetch, url: string, init: RequestInit = {}): Promise<Response> {
    const path = new URL(url).pathname;
    const cookie = [...this.cookies.entries()]
      .filter(([, c]) => path.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
    const response = await fetchImpl(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const cookiePath = attributes.map((a) => /^\s*path=(.*)$/i.exec(a)?.[1]).find(Boolean) ?? '/';
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, { value, path: cookiePath });
    }
    return response;
  }
}

/**
 * A fetch (GET and form POST, enough for OpenID Connect) over node:https that trusts `ca`:
 * Node's own fetch cannot be given a CA per call.
 */
export function fetchTrusting(ca: string): typeof fetch {
  return ((input: string | URL | Request, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      const headers = new Headers(init.headers);
      const body = typeof init.body === 'string' ? init.body : undefined;
      if (body !== undefined) headers.set('content-length', String(Buffer.byteLength(body)));
      const req = httpsRequest(url, { method: init.method ?? 'GET', headers: Object.fromEntries(headers), ca, signal: init.signal ?? undefined }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const out = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(name, v);
          }
          const status = res.statusCode ?? 500;
          resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers: out }));
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    })) as typeof fetch;
}
