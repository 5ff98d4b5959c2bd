import { SignJWT } from 'jose';
import type { Actor } from '@zj/shared';
import { describe, expect, it } from 'vitest';
import { DEV_TOKEN_MAX_LIFETIME_SECONDS, DEV_TOKEN_TTL_SECONDS, signDevToken, verifyDevToken } from './dev-tokens.js';

const SECRET = 'dev-tokens-unit-secret-0123456789-abcdef';
const actor: Actor = { id: 'jinshan-statistician', name: '金山园统计员', role: 'statistician', park: 'jinshan' };
const now = () => Math.floor(Date.now() / 1000);

/** A token as anyone holding the secret could sign it, with the lifetime they like. */
function sign(claims: { iat?: number; exp?: number }): Promise<string> {
  let jwt = new SignJWT({ name: actor.name, role: actor.role, park: actor.park })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.id)
    .setIssuer('zj-local')
    .setAudience('zj-api');
  if (claims.iat !== undefined) jwt = jwt.setIssuedAt(claims.iat);
  if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
  return jwt.sign(new TextEncoder().encode(SECRET));
}

describe('dev tokens: lifetime capped', () => {
  it('accepts what npm start signs (12 hours)', async () => {
    expect(DEV_TOKEN_TTL_SECONDS).toBe(12 * 3600);
    expect(await verifyDevToken(SECRET, await signDevToken(SECRET, actor))).toEqual(actor);
  });

  it.each<[string, { iat?: number; exp?: number }]>([
    ['a 100-year token', { iat: now(), exp: now() + 100 * 365 * 86400 }],
    ['a 30-day token', { iat: now(), exp: now() + 30 * 86400 }],
    ['a token one second past the cap', { iat: now(), exp: now() + DEV_TOKEN_MAX_LIFETIME_SECONDS + 1 }],
    ['a token without iat', { exp: now() + 3600 }],
    ['a token without exp', { iat: now() }],
    ['a token issued in the future', { iat: now() + 3600, exp: now() + 7200 }],
    ['an expired token', { iat: now() - 7200, exp: now() - 3600 }],
  ])('refuses %s', async (_name, claims) => {
    expect(await verifyDevToken(SECRET, await sign(claims))).toBeNull();
  });

  it('accepts a token of exactly the cap', async () => {
    expect(await verifyDevToken(SECRET, await sign({ iat: now(), exp: now() + DEV_TOKEN_MAX_LIFETIME_SECONDS }))).toEqual(actor);
  });
});
