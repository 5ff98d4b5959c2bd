import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWTPayload, type RemoteJWKSet } from 'jose';
import { DomainError } from '../app/domain-error.js';
import type { EntraSettings } from '../settings/settings.js';
import { contactParam, type IdentityClaims } from './actor-from-claims.js';

export interface EntraVerifierOptions {
  /** ACCESS_CONTACT, named in the insufficient_scope message. */
  accessContact?: string | null;
  /** Outbound HTTP for the OpenID configuration and the keys (a test passes one that trusts its local CA). */
  fetch?: typeof fetch;
  /**
   * After fetching the keys, how long a token with an unknown key id waits before it may make us
   * fetch them again (jose's cooldown: a stream of forged key ids cannot make us hammer the
   * tenant). Microsoft publishes a new key well before signing with it, so rollover meets a cache
   * older than this. Tests shorten it.
   */
  jwksCooldownMs?: number;
}

/** Clocks differ a little between Entra ID and us: exp and nbf get this much grace. */
export const CLOCK_SKEW_SECONDS = 60;
/** The OpenID configuration is re-read daily (its issuer and key address do not change in practice). */
const METADATA_MAX_AGE_MS = 24 * 3600 * 1000;
/** Keys are re-read at least this often, so a key Entra ID withdrew stops being trusted. */
const JWKS_MAX_AGE_MS = 3600 * 1000;
const FETCH_TIMEOUT_MS = 5000;

export interface EntraVerifier {
  /** The identity claims of a valid access token for this API, or a DomainError (invalid_token, insufficient_scope, auth_unavailable). */
  verify(token: string): Promise<IdentityClaims>;
}

interface Provider {
  issuer: string;
  keys: RemoteJWKSet;
  readAt: number;
}

/** The identity provider could not be asked (network, timeout, a non-200 answer): our outage, not the user's fault. */
class ProviderUnavailable extends Error {
  override name = 'ProviderUnavailable';
}

/**
 * Validates Microsoft Entra ID access tokens for this API, as Microsoft's own middleware does:
 * the tenant's OpenID configuration names the issuer and the key set (JWKS); the signature must
 * be RS256 by a key of that set; `iss` is the tenant's, `aud` this API's client id, `exp`/`nbf`
 * hold (with CLOCK_SKEW_SECONDS), `tid` is the tenant, and `scp` holds the API's scope.
 * Keys are cached; a token signed by a key we have not seen fetches the set again (key
 * rollover), at most once per cooldown.
 */
export function createEntraVerifier(settings: EntraSettings, options: EntraVerifierOptions = {}): EntraVerifier {
  const fetchImpl = options.fetch ?? ((input: string | URL | Request, init?: RequestInit) => globalThis.fetch(input, init));
  const metadataUrl = `${settings.authorityHost}/${settings.tenantId}/v2.0/.well-known/openid-configuration`;
  let provider: Promise<Provider> | null = null;

  /** Any failure to reach the provider, or an answer that is not 200, is ProviderUnavailable. */
  const fetchOk = async (url: string, init: RequestInit = {}): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchImpl(url, { ...init, signal: init.signal ?? AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (error) {
      throw new ProviderUnavailable(`${url}: ${String(error)}`, { cause: error });
    }
    if (response.status !== 200) throw new ProviderUnavailable(`${url}: HTTP ${response.status}`);
    return response;
  };

  const readProvider = async (): Promise<Provider> => {
    const response = await fetchOk(metadataUrl, { headers: { accept: 'application/json' } });
    const doc = (await response.json().catch(() => null)) as { issuer?: unknown; jwks_uri?: unknown } | null;
    if (typeof doc?.issuer !== 'string' || typeof doc.jwks_uri !== 'string') throw new ProviderUnavailable(`${metadataUrl}: no issuer or jwks_uri`);
    const authority = new URL(settings.authorityHost);
    const jwksUri = new URL(doc.jwks_uri);
    // The keys must come from the authority we were configured with, and the issuer must be our tenant's.
    if (jwksUri.origin !== authority.origin || !doc.issuer.toLowerCase().includes(settings.tenantId)) {
      throw new ProviderUnavailable(
        `${metadataUrl}: issuer ${doc.issuer} or jwks_uri ${doc.jwks_uri} is not of tenant ${settings.tenantId} at ${authority.origin}`,
      );
    }
    const keys = createRemoteJWKSet(jwksUri, {
      cooldownDuration: options.jwksCooldownMs ?? 30_000,
      cacheMaxAge: JWKS_MAX_AGE_MS,
      timeoutDuration: FETCH_TIMEOUT_MS,
      [customFetch]: (url, init) => fetchOk(url, init),
    });
    return { issuer: doc.issuer, keys, readAt: Date.now() };
  };

  const currentProvider = async (): Promise<Provider> => {
    if (provider) {
      const known = await provider.catch(() => null);
      if (known && Date.now() - known.readAt < METADATA_MAX_AGE_MS) return known;
    }
    const next = readProvider();
    provider = next;
    // A failed read is not kept: the next request asks again.
    next.catch(() => {
      if (provider === next) provider = null;
    });
    return next;
  };

  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        const { issuer, keys } = await currentProvider();
        ({ payload } = await jwtVerify(token, keys, {
          issuer,
          audience: settings.audiences,
          algorithms: ['RS256'],
          clockTolerance: CLOCK_SKEW_SECONDS,
          requiredClaims: ['exp', 'tid', 'oid'],
        }));
      } catch (error) {
        throw refusalOf(error);
      }
      if (typeof payload.tid !== 'string' || payload.tid.toLowerCase() !== settings.tenantId || typeof payload.oid !== 'string') throw invalidToken();
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      if (!scopes.includes(settings.scope)) {
        throw new DomainError('insufficient_scope', { scope: settings.scope, contact: contactParam(options.accessContact ?? null) });
      }
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
      return {
        oid: payload.oid,
        name: typeof payload.name === 'string' ? payload.name : null,
        username: typeof payload.preferred_username === 'string' ? payload.preferred_username : null,
        roles,
      };
    },
  };
}

export function invalidToken(): DomainError {
  return new DomainError('invalid_token');
}

/** A failed check of the token is the caller's 401; not reaching Entra ID is our 503 (retry, do not sign in again). */
function refusalOf(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof ProviderUnavailable || error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return new DomainError('auth_unavailable');
  }
  return invalidToken();
}
