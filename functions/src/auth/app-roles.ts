import { createHash } from 'node:crypto';
import type { Catalogue } from '@zj/shared';
import { ROLE_LABELS } from './role-labels.js';
import { ROLES } from './roles.js';

/**
 * The app roles of the API registration in Microsoft Entra ID: the three roles, and one
 * `park.<code>` role per park of the catalogue (seeds/catalogue/parks.json). An administrator
 * assigns each user one role and, for park roles, one park (README, "Sign-in with Microsoft
 * Entra ID"); the token carries both in its `roles` claim (actor-from-claims.ts reads them).
 */
export const PARK_ROLE_PREFIX = 'park.';

/** An entry of the registration's `appRoles` (the manifest's, or `az ad app update --app-roles`). */
export interface EntraAppRole {
  allowedMemberTypes: ['User'];
  description: string;
  displayName: string;
  id: string;
  isEnabled: true;
  value: string;
}

/** The role values: statistician, reviewer, consolidator, then park.<code> for every park. */
export function appRoleValues(catalogue: Catalogue): string[] {
  return entraAppRoles(catalogue).map((r) => r.value);
}

/**
 * Every app role, with an id made from its value (UUID v5 in this project's namespace): the
 * same on every run, so the list can be applied again after a park is added without changing
 * the roles users already hold.
 */
export function entraAppRoles(catalogue: Catalogue): EntraAppRole[] {
  const role = (value: string, displayName: string, description: string): EntraAppRole => ({
    allowedMemberTypes: ['User'],
    description,
    displayName,
    id: uuidV5(value, NAMESPACE),
    isEnabled: true,
    value,
  });
  const duties: Record<(typeof ROLES)[number], string> = {
    statistician: '填报、校验并报送本园区的指标 / Fills, validates and submits the park’s returns',
    reviewer: '审核本园区的报送：通过或退回 / Approves or returns the park’s submissions',
    consolidator: '查看全部园区、锁定报告期、下载汇总与评估 / Sees every park, locks periods, downloads the consolidation and evaluation',
  };
  return [
    ...ROLES.map((r) => role(r, `${ROLE_LABELS[r].zh} ${ROLE_LABELS[r].en.replace(/^./, (c) => c.toUpperCase())}`, duties[r])),
    ...catalogue.parks.map((p) =>
      role(
        `${PARK_ROLE_PREFIX}${p.code}`,
        `${p.name.zh} ${p.name.en}`,
        `园区：${p.name.zh}（与园区统计员或审核员角色一同分配）/ Park: ${p.name.en} (assigned with a statistician or reviewer role)`,
      ),
    ),
  ];
}

/** This project's namespace for the app role ids (a fixed random UUID). */
const NAMESPACE = '6f1d2c4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f';

/** RFC 4122 name-based UUID, version 5 (SHA-1). */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
