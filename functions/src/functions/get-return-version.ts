import type { HttpRequest } from '@azure/functions';
import { authorizePark } from '../app/authorize.js';
import { ApiError } from '../http/api-error.js';
import { jsonResponse } from '../http/json-response.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';

/** GET /api/returns/{park}/{period}/versions/{version}: one stored version, exactly as stored. */
export const getReturnVersion = withApiErrors(async (request: HttpRequest) => {
  const { svc, park, period } = await authorizePark(request, 'read_park');
  const raw = request.params.version ?? '';
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw new ApiError(400, 'invalid_version', { version: raw });
  const version = await svc.store.readVersion(park.code, period.code, Number(raw));
  if (!version) throw new ApiError(404, 'version_not_found', { park: park.name, period: period.code, version: raw });
  return jsonResponse(200, version);
});

export const registration = registerHttp({
  name: 'getReturnVersion',
  methods: ['GET'],
  route: 'returns/{park}/{period}/versions/{version}',
  handler: getReturnVersion,
});
