import type { Actor, Role } from '@zj/shared';

/** A signed-in user: the bearer token the API checks, and who it names (for the UI only). */
export interface Session {
  token: string;
  actor: Actor;
  /** How the user signed in; 'entra' is where Microsoft Entra ID plugs in (entra-sign-in.ts). */
  method: 'demo' | 'entra';
}

const ROLES: readonly Role[] = ['statistician', 'reviewer', 'consolidator'];

/**
 * Reads who a local demo token names (its JWT claims: sub, name, role, park). Not a check: the
 * API verifies the signature on every request; this only lets the task pane show the right
 * pickers and buttons. Null when it is not such a token.
 */
export function readDemoToken(raw: string): Session | null {
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
      method: 'demo',
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
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(b64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const KEY = 'zj.session';

/** Kept across task pane reloads (Excel reopens the pane often); cleared by signing out or a 401. */
export function loadSession(storage: Pick<Storage, 'getItem'> | null): Session | null {
  const raw = storage?.getItem(KEY);
  if (!raw) return null;
  try {
    const saved = JSON.parse(raw) as { token?: string; method?: string };
    if (saved.method === 'demo' && typeof saved.token === 'string') return readDemoToken(saved.token);
    return null;
  } catch {
    return null;
  }
}

export function saveSession(storage: Pick<Storage, 'setItem' | 'removeItem'> | null, session: Session | null): void {
  if (!storage) return;
  if (session === null) storage.removeItem(KEY);
  // Entra tokens are never stored: they are asked of Office again when needed.
  else if (session.method === 'demo') storage.setItem(KEY, JSON.stringify({ token: session.token, method: 'demo' }));
}
