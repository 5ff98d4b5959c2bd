import zone from '../../../seeds/catalogue/zone.json' with { type: 'json' };
import parks from '../../../seeds/catalogue/parks.json' with { type: 'json' };
import indicators from '../../../seeds/catalogue/indicators.json' with { type: 'json' };
import targets from '../../../seeds/catalogue/targets.json' with { type: 'json' };
import aims from '../../../seeds/catalogue/aims.json' with { type: 'json' };
import wordings from '../../../seeds/catalogue/wordings.json' with { type: 'json' };
import { catalogueSchema, type Catalogue } from './catalogue-schema.js';

/**
 * The catalogue shipped in seeds/catalogue, checked against the schema. A malformed seed is a
 * fault of the build, not of a user, so this throws.
 */
export function loadCatalogue(): Catalogue {
  return catalogueSchema.parse({ zone, parks, indicators, targets, aims, wordings });
}
