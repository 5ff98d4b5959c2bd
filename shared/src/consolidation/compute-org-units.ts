import type { Catalogue } from '../catalogue/catalogue-schema.js';
import type { OrgUnit } from './org-unit.js';

/** The zone and every park of the catalogue, each under its `parent` (the zone by default). */
export function computeOrgUnits(catalogue: Catalogue): OrgUnit[] {
  return [
    { code: catalogue.zone.code, parent: null, name: catalogue.zone.name },
    ...catalogue.parks.map((p) => ({ code: p.code, parent: p.parent, name: p.name })),
  ];
}
