import type { HttpRequest } from '@azure/functions';
import type { ParksResponse } from '@zj/shared';
import { authorize } from '../app/authorize.js';
import { jsonResponse } from '../http/json-response.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';

/** GET /api/parks: the parks of the zone, as the catalogue has them. */
export const getParks = withApiErrors(async (request: HttpRequest) => {
  const { svc } = await authorize(request, 'read_reference');
  const body: ParksResponse = { zone: svc.catalogue.zone, parks: svc.catalogue.parks };
  return jsonResponse(200, body);
});

export const registration = registerHttp({ name: 'getParks', methods: ['GET'], route: 'parks', handler: getParks });
