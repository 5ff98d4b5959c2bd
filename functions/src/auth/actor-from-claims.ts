import type { Actor, Catalogue, Park, Role } from '@zj/shared';
import { DomainError, type LocalizedParam } from '../app/domain-error.js';
import { PARK_ROLE_PREFIX } from './app-roles.js';
import { ROLE_LABELS } from './role-labels.js';
import { ROLES } from './roles.js';

/**
 * Who a signed-in Entra ID user is here, from the claims of their token (entra mode) or of the
 * principal App Service Authentication passes on (app-service mode).
 *
 * Roles and parks are both **app roles of the API registration**, in the token's `roles` claim:
 * `statistician`, `reviewer` or `consolidator`, and `park.<code>` for the park (`park.jinshan`,
 * the codes of seeds/catalogue/parks.json). Why app roles and not a group → park table in settings
 * (README, "Roles and parks"): the token alone then says everything, with no Graph call and no
 * groups overage (past 200 groups Entra ID drops the groups claim); the administrator assigns
 * role and park on one screen (the API's enterprise application), where assignments are audited
 * and removed with the user; no group object ids in app settings that go stale when a group is
 * recreated, and nothing to redeploy when someone changes park. A new park is one more app role
 * (`npm run -s entra-app-roles` prints them all from the catalogue).
 */
export interface IdentityClaims {
  /** Object id (`oid`): the user's key, stable across renames; never the name or UPN. */
  oid: string;
  name: string | null;
  /** `preferred_username` (usually the UPN): shown in messages, never used as a key. */
  username: string | null;
  roles: readonly string[];
}

/** Whom a user without a role or park should ask: ACCESS_CONTACT, or the tenant's administrator. */
export function contactParam(accessContact: string | null): LocalizedParam {
  if (accessContact) return { zh: accessContact, en: accessContact };
  return {
    zh: '本单位的 Microsoft Entra 管理员（管理企业应用「张江园区指标填报 API」的人）',
    en: "your organisation's Microsoft Entra administrator (who manages the enterprise application 'Zhangjiang Park Returns API')",
  };
}

/**
 * The actor the claims name, or a 403 that says what is missing and whom to ask. Role and park
 * values are compared case-insensitively (an administrator may type `Park.Jinshan`), through a
 * Map, so no claim value can reach an Object.prototype member.
 */
export function actorFromClaims(claims: IdentityClaims, catalogue: Catalogue, accessContact: string | null): Actor {
  const contact = contactParam(accessContact);
  const who = describeUser(claims);
  const roleByValue = new Map<string, Role>(ROLES.map((r) => [r, r]));
  const parkByCode = new Map<string, Park>(catalogue.parks.map((p) => [p.code.toLowerCase(), p]));
  const roles = new Set<Role>();
  const parkCodes = new Set<string>();
  for (const raw of claims.roles) {
    const value = raw.trim().toLowerCase();
    const role = roleByValue.get(value);
    if (role) roles.add(role);
    else if (value.startsWith(PARK_ROLE_PREFIX)) parkCodes.add(value.slice(PARK_ROLE_PREFIX.length));
  }
  const id = claims.oid.toLowerCase();
  const name = claims.name || claims.username || id;
  if (roles.size === 0) throw new DomainError('no_app_role', { user: who, contact });
  if (roles.size > 1) {
    const assigned = [...roles].map((r) => ROLE_LABELS[r]);
    throw new DomainError('ambiguous_assignment', { user: who, contact, assigned: joinLabels(assigned) });
  }
  const role = [...roles][0]!;
  // The zone consolidator works on every park: a park role beside it changes nothing.
  if (role === 'consolidator') return { id, name, role, park: null };
  if (parkCodes.size === 0) throw new DomainError('no_park', { user: who, contact, role: ROLE_LABELS[role] });
  const parks = [...parkCodes].map((code) => parkByCode.get(code));
  const unknown = [...parkCodes].find((_code, i) => parks[i] === undefined);
  if (unknown !== undefined) throw new DomainError('park_not_in_catalogue', { user: who, contact, park: `${PARK_ROLE_PREFIX}${unknown}` });
  if (parks.length > 1) {
    throw new DomainError('ambiguous_assignment', { user: who, contact, assigned: joinLabels(parks.map((p) => p!.name)) });
  }
  return { id, name, role, park: parks[0]!.code };
}

function describeUser(claims: IdentityClaims): string {
  const label = claims.username ?? claims.name;
  return label ? `${label} (${claims.oid.toLowerCase()})` : claims.oid.toLowerCase();
}

function joinLabels(labels: LocalizedParam[]): LocalizedParam {
  return { zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') };
}
