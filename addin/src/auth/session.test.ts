import { describe, expect, it } from 'vitest';
import { actorOf, loadDemoToken, readDemoToken, saveDemoToken } from './session.js';

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const token = (claims: unknown) => `${b64url({ alg: 'HS256' })}.${b64url(claims)}.sig`;

describe('readDemoToken', () => {
  it('reads who a token names, Chinese names included', () => {
    const s = readDemoToken(`Bearer ${token({ sub: 'jinshan-statistician', name: '金山园统计员', role: 'statistician', park: 'jinshan' })}`);
    expect(s?.actor).toEqual({ id: 'jinshan-statistician', name: '金山园统计员', role: 'statistician', park: 'jinshan' });
  });
  it.each([
    ['not a JWT', 'hello'],
    ['no role', token({ sub: 'x' })],
    ['a park role without a park', token({ sub: 'x', role: 'reviewer' })],
    ['expired', token({ sub: 'x', role: 'consolidator', exp: 1 })],
  ])('refuses %s', (_n, t) => expect(readDemoToken(t)).toBeNull());
  it('keeps the demo token across reloads, and forgets it on sign-out', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    const t = token({ sub: 'z', role: 'consolidator', name: '汇总' });
    saveDemoToken(storage, t);
    expect(loadDemoToken(storage)).toBe(t);
    saveDemoToken(storage, null);
    expect(loadDemoToken(storage)).toBeNull();
  });
});

describe('actorOf', () => {
  it('is the actor GET /me describes', () => {
    expect(
      actorOf({ id: 'oid', name: '王统计', role: 'statistician', park: { code: 'jinshan', name: { zh: '金山园', en: 'Jinshan Park' } }, authMode: 'entra' }),
    ).toEqual({
      id: 'oid',
      name: '王统计',
      role: 'statistician',
      park: 'jinshan',
    });
  });
});
