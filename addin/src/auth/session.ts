import type { Actor, MeResponse, Role } from '@zj/shared';

/**
 * A signed-in user: how they signed in, and who the API says they are (GET /me). A demo session
 * carries its token; an Entra ID session none (MSAL gives a token for each call, entra-auth.ts).
 */
export interface Session {
  method: 'demo' | 'entra';
  token: string | null;
  me: MeResponse;
}

/** The actor the views work with, from GET /me. */
export function actorOf(me: MeResponse): Actor {
  return { id: me.id, name: me.name, role: me.role, park: me.park?.code ?? null };
}

/** What a pasted demo token says of itself (for a first check only: the API decides, through GET /me). */
export interface DemoToken {
  token: string;
  actor: Actor;
}

const ROLES: readonly Role[] = ['statistician', 'reviewer', 'consolidator'];

/**
 * Reads who a local demo token names (its JWT claims: sub, name, role, park). Not a check: the
 * API verifies the signature on every request; this only catches a paste that is not a demo
 * token before asking the API. Null when it is not such a token.
 */
export function readDemoToken(raw: string): DemoToken | null {
  const token = raw.trim().replace(/^Bearer\s+/i, '');
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const json = new TextDecoder().decode(base64UrlBytes(parts[1]!));
    const claims = JSON.parse(json) as { sub?: unknown; name?: unknown; role?: unknown; park?: unknown; exp?: unknown };
    if (typeof claims.sub !== 'string' || !ROLES.includes(claims.role as Role)) return null;
    const role = claims.role as Role;
    if (role !== 'consolidator' && typeof claims.park !== 'string') return null;
    if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return null;
    return {
      token,
      actor: {
        id: claims.sub,
        name: typeof claims.name === 'string' ? claims.name : claims.sub,
        role,
        park: role === 'consolidator' ? null : (claims.park as string),
      },
    };
  } catch {
    return null;
  }
}

function base64UrlBytes(text: string): Uint8Array {
  const b64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(b64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const KEY = 'zj.session';

/**
 * The demo token kept across task pane reloads (Excel reopens the pane often); cleared by
 * signing out or a refused token. Entra ID tokens are never kept here: MSAL keeps its own cache.
 */
export function loadDemoToken(storage: Pick<Storage, 'getItem'> | null): string | null {
  const raw = storage?.getItem(KEY);
  if (!raw) return null;
  try {
    const saved = JSON.parse(raw) as { token?: unknown; method?: unknown };
    return saved.method === 'demo' && typeof saved.token === 'string' ? (readDemoToken(saved.token)?.token ?? null) : null;
  } catch {
    return null;
  }
}

export function saveDemoToken(storage: Pick<Storage, 'setItem' | 'removeItem'> | null, token: string | null): void {
  if (!storage) return;
  if (token === null) storage.removeItem(KEY);
  else storage.setItem(KEY, JSON.stringify({ token, method: 'demo' }));
}
