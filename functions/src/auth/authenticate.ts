import type { HttpRequest } from '@azure/functions';
import type { Actor, Catalogue } from '@zj/shared';
import { DomainError } from '../app/domain-error.js';
import type { Settings } from '../settings/settings.js';
import { actorFromClaims, type IdentityClaims } from './actor-from-claims.js';
import { verifyDevToken } from './dev-tokens.js';
import { createEntraVerifier, invalidToken, type EntraVerifierOptions } from './entra-tokens.js';

/** Who calls: the actor, or a DomainError (not signed in or a bad token, no role or park, Entra ID unreachable). */
/** Who calls; `catalogue` is the version in force for the request (a park onboarded since start has users too). */
export type Authenticator = (request: HttpRequest, catalogue: Catalogue) => Promise<Actor>;

/**
 * The authenticator of the configured AUTH_MODE (settings/settings.ts says what each is and
 * where it may run). Entra ID users are keyed by object id, their role and park read from the
 * app roles of their token (actor-from-claims.ts).
 */
export function createAuthenticator(settings: Settings, options: EntraVerifierOptions = {}): Authenticator {
  switch (settings.authMode) {
    case 'dev-token':
      return (request, catalogue) => fromDevToken(request, settings.devTokenSecret!, catalogue);
    case 'entra': {
      const verifier = createEntraVerifier(settings.entra!, { accessContact: settings.accessContact, ...options });
      return async (request, catalogue) => actorFromClaims(await verifier.verify(bearerToken(request)), catalogue, settings.accessContact);
    }
    case 'app-service':
      return async (request, catalogue) => actorFromClaims(fromAppService(request, settings.entra!.tenantId), catalogue, settings.accessContact);
  }
}

function bearerToken(request: HttpRequest): string {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new DomainError('unauthenticated');
  return match[1]!;
}

async function fromDevToken(request: HttpRequest, secret: string, catalogue: Catalogue): Promise<Actor> {
  const actor = await verifyDevToken(secret, bearerToken(request));
  if (!actor) throw invalidToken();
  if (actor.park !== null && !catalogue.parks.some((p) => p.code === actor.park)) {
    // A demo token for a park the catalogue no longer has.
    throw new DomainError('park_not_in_catalogue', { user: actor.id, park: actor.park, contact: { zh: '管理员', en: 'the administrator' } });
  }
  return actor;
}

/** Claim types as App Service Authentication writes them: the short name or the long URI. */
const CLAIM = {
  oid: ['oid', 'http://schemas.microsoft.com/identity/claims/objectidentifier'],
  tid: ['tid', 'http://schemas.microsoft.com/identity/claims/tenantid'],
  name: ['name'],
  username: ['preferred_username', 'upn', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn'],
  roles: ['roles', 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role'],
} as const;

/**
 * The principal App Service Authentication validated and passed on (x-ms-client-principal,
 * which the platform strips from incoming requests). Trusted only in app-service mode, which
 * readSettings allows only where WEBSITE_AUTH_ENABLED says Easy Auth is in front.
 */
function fromAppService(request: HttpRequest, tenantId: string): IdentityClaims {
  let user: HttpRequest['user'];
  try {
    user = request.user;
  } catch {
    user = null; // a principal header without its id header: not a principal App Service sent
  }
  if (!user) throw new DomainError('unauthenticated');
  // The principal's claims ({typ, val} pairs) in a Map, so a claim type can never reach an Object.prototype member.
  const claims = new Map<string, string[]>();
  const list = (user.claimsPrincipalData as { claims?: unknown }).claims;
  for (const c of Array.isArray(list) ? list : []) {
    const { typ, val } = (c ?? {}) as { typ?: unknown; val?: unknown };
    if (typeof typ === 'string' && typeof val === 'string') claims.set(typ, [...(claims.get(typ) ?? []), val]);
  }
  const all = (names: readonly string[]) => names.flatMap((n) => claims.get(n) ?? []);
  const first = (names: readonly string[]) => all(names)[0] ?? null;
  const oid = first(CLAIM.oid);
  if (user.identityProvider !== 'aad' || oid === null || first(CLAIM.tid)?.toLowerCase() !== tenantId) throw invalidToken();
  return { oid, name: first(CLAIM.name), username: first(CLAIM.username), roles: all(CLAIM.roles) };
}
