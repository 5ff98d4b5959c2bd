import type { Catalogue, Park } from '../catalogue/catalogue-schema.js';

/** GET /parks: the zone and its parks, as the catalogue has them. */
export interface ParksResponse {
  zone: Catalogue['zone'];
  parks: Park[];
}
