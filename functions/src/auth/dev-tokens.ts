import { SignJWT, jwtVerify } from 'jose';
import type { Actor } from '@zj/shared';
import { LruCache } from '../app/lru-cache.js';
import { ROLES } from './roles.js';

const ISSUER = 'zj-local';
const AUDIENCE = 'zj-api';

/** What `npm start` signs: a working day of demo, so a printed token does not outlive the demo. */
export const DEV_TOKEN_TTL_SECONDS = 12 * 3600;
/** The longest lifetime a dev token may claim (exp − iat): anything longer is refused, however it was signed. */
export const DEV_TOKEN_MAX_LIFETIME_SECONDS = 24 * 3600;
/** Clocks of one machine agree; this only absorbs rounding to whole seconds. */
const SKEW_SECONDS = 30;

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** A signed bearer token for a local demo user (HS256, the dev secret of this machine). */
export async function signDevToken(secret: string, actor: Actor, ttlSeconds = DEV_TOKEN_TTL_SECONDS): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name: actor.name, role: actor.role, park: actor.park })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(actor.id)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(key(secret));
}

// A token verified once is good until it expires: checking its signature again on every
// request only costs CPU. Keyed by secret, then by the whole token.
const verified = new Map<string, LruCache<string, { actor: Actor; exp: number }>>();

/** The actor a token names, or null when it is not ours, tampered with, expired or too long-lived. */
export async function verifyDevToken(secret: string, token: string): Promise<Actor | null> {
  let known = verified.get(secret);
  if (!known) verified.set(secret, (known = new LruCache(1000)));
  const hit = known.get(token);
  if (hit && hit.exp * 1000 > Date.now()) return hit.actor;
  const result = await verifyUncached(secret, token);
  if (result) known.set(token, result);
  return result?.actor ?? null;
}

async function verifyUncached(secret: string, token: string): Promise<{ actor: Actor; exp: number } | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      requiredClaims: ['iat', 'exp', 'sub'],
      maxTokenAge: DEV_TOKEN_MAX_LIFETIME_SECONDS,
      clockTolerance: SKEW_SECONDS,
    });
    const { sub, name, role, park, exp, iat } = payload;
    if (typeof sub !== 'string' || !ROLES.includes(role as never) || typeof exp !== 'number' || typeof iat !== 'number') return null;
    // A lifetime is what the token claims, not how old it is yet: a 100-year token is refused on its first day.
    if (exp - iat > DEV_TOKEN_MAX_LIFETIME_SECONDS || iat > Date.now() / 1000 + SKEW_SECONDS) return null;
    if (role !== 'consolidator' && typeof park !== 'string') return null;
    const actor: Actor = {
      id: sub,
      name: typeof name === 'string' ? name : sub,
      role: role as Actor['role'],
      park: role === 'consolidator' ? null : (park as string),
    };
    return { actor, exp };
  } catch {
    return null;
  }
}
