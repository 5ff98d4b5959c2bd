import { SignJWT, jwtVerify } from 'jose';
import type { Actor } from '@zj/shared';
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

/** The actor a token names, or null when it is not ours, tampered with or expired. */
export async function verifyDevToken(secret: string, token: string): Promise<Actor | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const { sub, name, role, park } = payload;
    if (typeof sub !== 'string' || !ROLES.includes(role as never)) return null;
    if (role !== 'consolidator' && typeof park !== 'string') return null;
    return {
      id: sub,
      name: typeof name === 'string' ? name : sub,
      role: role as Actor['role'],
      park: role === 'consolidator' ? null : (park as string),
    };
  } catch {
    return null;
  }
}
