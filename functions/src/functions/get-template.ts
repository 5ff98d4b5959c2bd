import type { HttpRequest } from '@azure/functions';
import { authorizePark } from '../app/authorize.js';
import { loadTemplate } from '../app/load-template.js';
import { jsonResponse } from '../http/json-response.js';
import { NOT_A_FILE, registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';

/** GET /api/templates/{park}/{period}: the template model; `version` (also the ETag) is its hash. */
export const getTemplate = withApiErrors(async (request: HttpRequest) => {
  const { svc, park, period } = await authorizePark(request, 'read_park');
  const template = await loadTemplate(svc, park, period);
  return jsonResponse(200, template, { etag: `"${template.version}"` });
});

export const registration = registerHttp({
  name: 'getTemplate',
  methods: ['GET'],
  route: `templates/{park}/{period:${NOT_A_FILE}}`,
  handler: getTemplate,
});
