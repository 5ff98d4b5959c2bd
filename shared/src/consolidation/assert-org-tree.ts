import type { OrgUnit } from './org-unit.js';

/**
 * A hierarchy with a duplicate code, an unknown parent, no root or a cycle is a fault of the
 * catalogue (a build error, not user input): this throws.
 */
export function assertOrgTree(units: readonly OrgUnit[]): void {
  const byCode = new Map<string, OrgUnit>();
  for (const u of units) {
    if (byCode.has(u.code)) throw new Error(`org unit "${u.code}" is declared twice`);
    byCode.set(u.code, u);
  }
  if (!units.some((u) => u.parent === null)) throw new Error('org units have no root (a unit with parent null)');
  for (const u of units) {
    const seen = new Set<string>([u.code]);
    for (let p = u.parent; p !== null; p = byCode.get(p)?.parent ?? null) {
      if (!byCode.has(p)) throw new Error(`org unit "${u.code}" names an unknown parent "${p}"`);
      if (seen.has(p)) throw new Error(`org units form a cycle through "${p}"`);
      seen.add(p);
    }
  }
}
