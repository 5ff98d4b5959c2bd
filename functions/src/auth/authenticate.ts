import type { HttpRequest } from '@azure/functions';
import type { Actor, Catalogue } from '@zj/shared';
import { DomainError } from '../app/domain-error.js';
import type { Settings } from '../settings/settings.js';
import { verifyDevToken } from './dev-tokens.js';

/**
 * Who is calling. In Azure, App Service Authentication has already signed the user in and
 * passes the principal (request.user, from its x-ms-client-principal headers, which it strips
 * from incoming requests); USERS maps that identity to a role and park. Those headers are
 * trusted only in app-service mode: anywhere else a client could simply send them. Locally,
 * a bearer token signed with the dev secret names the demo user.
 */
export async function authenticate(request: HttpRequest, settings: Settings, catalogue: Catalogue): Promise<Actor> {
  const actor = settings.authMode === 'app-service' ? fromAppService(request, settings) : await fromDevToken(request, settings);
  if (actor.park !== null && !catalogue.parks.some((p) => p.code === actor.park)) {
    // A user registered for a park the catalogue no longer has: a configuration fault, refused.
    throw new DomainError('user_not_registered', { user: actor.id });
  }
  return actor;
}

async function fromDevToken(request: HttpRequest, settings: Settings): Promise<Actor> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new DomainError('unauthenticated');
  const actor = await verifyDevToken(settings.devTokenSecret!, match[1]!);
  if (!actor) throw new DomainError('invalid_token');
  return actor;
}

function fromAppService(request: HttpRequest, settings: Settings): Actor {
  let user: HttpRequest['user'];
  try {
    user = request.user;
  } catch {
    user = null; // a principal header without its id header: not a principal App Service sent
  }
  if (!user) throw new DomainError('unauthenticated');
  const identity = [user.username, user.id].find((k) => k && settings.users[k] !== undefined);
  if (identity === undefined) throw new DomainError('user_not_registered', { user: user.username || user.id });
  const entry = settings.users[identity]!;
  return { id: identity, name: entry.name ?? user.username ?? identity, role: entry.role, park: entry.park };
}
