import parks from '../../../seeds/catalogue/parks.json' with { type: 'json' };
import indicators from '../../../seeds/catalogue/indicators.json' with { type: 'json' };
import targets from '../../../seeds/catalogue/targets.json' with { type: 'json' };
import aims from '../../../seeds/catalogue/aims.json' with { type: 'json' };
import wordings from '../../../seeds/catalogue/wordings.json' with { type: 'json' };
import { catalogueSchema, type Catalogue } from './catalogue-schema.js';

const ZONE = { code: 'zone' as const, name: { zh: '张江高新区', en: 'Zhangjiang High-tech Zone' } };

/**
 * The catalogue shipped in seeds/catalogue, checked against the schema. A malformed seed is a
 * fault of the build, not of a user, so this throws.
 */
export function loadCatalogue(): Catalogue {
  return catalogueSchema.parse({ zone: ZONE, parks, indicators, targets, aims, wordings });
}
