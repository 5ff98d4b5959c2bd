import { registerRoute, routeHandler } from '../http/route-handler.js';

/** GET /api/catalogue/versions: the audit list of the catalogue, for everyone signed in. */
export const getCatalogueHistory = routeHandler('getCatalogueHistory', 'read_reference', async ({ svc }) => ({
  status: 200,
  body: { current: svc.catalogue.version, versions: await svc.catalogues.history() },
}));

export const registration = registerRoute('getCatalogueHistory', getCatalogueHistory);
