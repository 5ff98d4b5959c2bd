import type { HttpRequest } from '@azure/functions';
import type { ReturnDraft } from '@zj/shared';
import { authorizePark } from '../app/authorize.js';
import { ApiError } from '../http/api-error.js';
import { jsonResponse } from '../http/json-response.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';

/** GET /api/returns/{park}/{period}/draft: the newest server draft (草稿), or 404 draft_not_found. */
export const getDraft = withApiErrors(async (request: HttpRequest) => {
  const { svc, park, period } = await authorizePark(request, 'read_park');
  const draft = await svc.store.readLatestDraft(park.code, period.code);
  if (!draft) throw new ApiError(404, 'draft_not_found', { park: park.name, period: period.code });
  const body: ReturnDraft = draft;
  return jsonResponse(200, body);
});

export const registration = registerHttp({ name: 'getDraft', methods: ['GET'], route: 'returns/{park}/{period}/draft', handler: getDraft });
