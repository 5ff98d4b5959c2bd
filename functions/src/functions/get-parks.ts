import { registerRoute, routeHandler } from '../http/route-handler.js';

/** GET /api/parks: the parks of the zone, as the catalogue has them. */
export const getParks = routeHandler('getParks', 'read_reference', async ({ svc }) => ({
  status: 200,
  body: { zone: svc.catalogue.zone, parks: svc.catalogue.parks },
}));

export const registration = registerRoute('getParks', getParks);
