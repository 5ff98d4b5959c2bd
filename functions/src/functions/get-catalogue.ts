import { registerRoute, routeHandler } from '../http/route-handler.js';

/** GET /api/catalogue: parks, indicators, targets (with their quotes) and wordings. */
export const getCatalogue = routeHandler('getCatalogue', 'read_reference', async ({ svc }) => ({ status: 200, body: svc.catalogue }));

export const registration = registerRoute('getCatalogue', getCatalogue);
