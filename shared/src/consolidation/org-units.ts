import type { Catalogue, Localized } from '../catalogue/catalogue-schema.js';

/**
 * A node of the org-unit hierarchy: the zone (parent null) → parks → optional sub-parks.
 * Units without children are the reporting units (they file returns); every other unit is
 * consolidated from the reporting units beneath it.
 */
export interface OrgUnit {
  code: string;
  parent: string | null;
  name?: Localized;
}

/** The zone and every park of the catalogue, each under its `parent` (the zone by default). */
export function computeOrgUnits(catalogue: Catalogue): OrgUnit[] {
  return [
    { code: catalogue.zone.code, parent: null, name: catalogue.zone.name },
    ...catalogue.parks.map((p) => ({ code: p.code, parent: p.parent, name: p.name })),
  ];
}

/**
 * The reporting units (units without children) at or beneath `at`, in declaration order. A unit
 * with sub-units is consolidated from them, so its own return would count twice: it is not one.
 */
export function computeReportingUnits(units: readonly OrgUnit[], at: string): string[] {
  const parents = new Set(units.map((u) => u.parent).filter((p): p is string => p !== null));
  const parentOf = new Map(units.map((u) => [u.code, u.parent]));
  const isUnder = (code: string): boolean => {
    for (let c: string | null = code; c !== null; c = parentOf.get(c) ?? null) if (c === at) return true;
    return false;
  };
  return units.filter((u) => !parents.has(u.code) && isUnder(u.code)).map((u) => u.code);
}

/** Units that have sub-units (the zone, and parks with sub-parks): the ones worth consolidating. */
export function computeConsolidatingUnits(units: readonly OrgUnit[]): string[] {
  const parents = new Set(units.map((u) => u.parent));
  return units.filter((u) => parents.has(u.code)).map((u) => u.code);
}

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
