import type { HttpRequest } from '@azure/functions';
import type { DraftReceipt } from '@zj/shared';
import { authorizePark } from '../app/authorize.js';
import { saveDraft } from '../app/save-draft.js';
import { ApiError } from '../http/api-error.js';
import { jsonResponse } from '../http/json-response.js';
import { parseReturnInput } from '../http/parse-return-input.js';
import { readJsonBody } from '../http/read-json-body.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';

/**
 * PUT /api/returns/{park}/{period}/draft: keep the sheet's figures as a server draft (草稿), body
 * as for a submission, checked for shape and types only. Each save is a new draft record (none
 * is overwritten) and never a version. 200 with when and what was saved; 423 when locked.
 */
export const saveDraftHandler = withApiErrors(async (request: HttpRequest) => {
  const { svc, actor, park, period } = await authorizePark(request, 'save_draft');
  const parsed = parseReturnInput(await readJsonBody(request, svc.settings.maxBodyBytes));
  if (!parsed.ok) throw new ApiError(400, 'invalid_body', {}, parsed.issues);
  const draft = await saveDraft(svc, { actor, park, period, input: parsed.value });
  const body: DraftReceipt = { savedAt: draft.savedAt, contentHash: draft.contentHash };
  return jsonResponse(200, body, { location: `/api/returns/${park.code}/${period.code}/draft` });
});

export const registration = registerHttp({
  name: 'saveDraft',
  methods: ['PUT'],
  route: 'returns/{park}/{period}/draft',
  handler: saveDraftHandler,
});
