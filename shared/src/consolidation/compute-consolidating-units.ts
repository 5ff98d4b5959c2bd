import type { OrgUnit } from './org-unit.js';

/** Units that have sub-units (the zone, and parks with sub-parks): the ones worth consolidating. */
export function computeConsolidatingUnits(units: readonly OrgUnit[]): string[] {
  const parents = new Set(units.map((u) => u.parent));
  return units.filter((u) => parents.has(u.code)).map((u) => u.code);
}
