import type { HttpRequest } from '@azure/functions';
import { authorize } from '../app/authorize.js';
import { jsonResponse } from '../http/json-response.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';

/** GET /api/catalogue: parks, indicators, targets (with their quotes) and wordings. */
export const getCatalogue = withApiErrors(async (request: HttpRequest) => {
  const { svc } = await authorize(request, 'read_reference');
  return jsonResponse(200, svc.catalogue);
});

export const registration = registerHttp({ name: 'getCatalogue', methods: ['GET'], route: 'catalogue', handler: getCatalogue });
