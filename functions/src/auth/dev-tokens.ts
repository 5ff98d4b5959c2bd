import { SignJWT, jwtVerify } from 'jose';
import type { Actor } from '@zj/shared';
import { LruCache } from '../app/lru-cache.js';
import { ROLES } from './roles.js';

const ISSUER = 'zj-local';
const AUDIENCE = 'zj-api';

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** A signed bearer token for a local demo user (HS256, the dev secret of local settings). */
export async function signDevToken(secret: string, actor: Actor, ttl = '30d'): Promise<string> {
  return new SignJWT({ name: actor.name, role: actor.role, park: actor.park })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(actor.id)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(key(secret));
}

// A token verified once is good until it expires: checking its signature again on every
// request only costs CPU. Keyed by secret, then by the whole token.
const verified = new Map<string, LruCache<string, { actor: Actor; exp: number }>>();

/** The actor a token names, or null when it is not ours, tampered with or expired. */
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
    const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const { sub, name, role, park, exp } = payload;
    if (typeof sub !== 'string' || !ROLES.includes(role as never) || typeof exp !== 'number') return null;
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
