import type { Localized } from '../catalogue/catalogue-schema.js';

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
