import type { HttpRequest } from '@azure/functions';
import type { Receipt } from '@zj/shared';
import { authorizePark } from '../app/authorize.js';
import { receiptOf } from '../app/receipt-of.js';
import { submitReturn } from '../app/submit-return.js';
import { ApiError } from '../http/api-error.js';
import { readIdempotencyKey } from '../http/idempotency-key.js';
import { jsonResponse } from '../http/json-response.js';
import { parseReturnInput } from '../http/parse-return-input.js';
import { readJsonBody } from '../http/read-json-body.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';

/**
 * POST /api/returns/{park}/{period}: submit (报送). 201 with the receipt of the new version;
 * 200 with the same receipt when an Idempotency-Key replays a stored submission.
 */
export const submitReturnHandler = withApiErrors(async (request: HttpRequest) => {
  const { svc, actor, park, period } = await authorizePark(request, 'submit');
  const idempotencyKey = readIdempotencyKey(request);
  const parsed = parseReturnInput(await readJsonBody(request, svc.settings.maxBodyBytes));
  if (!parsed.ok) throw new ApiError(400, 'invalid_body', {}, parsed.issues);
  // The add-in says so (X-Client: addin); any other caller is the API. Informational only.
  const source = request.headers.get('x-client') === 'addin' ? 'addin' : 'api';
  const { version, replayed } = await submitReturn(svc, { actor, park, period, input: parsed.value, idempotencyKey, source });
  const location = `/api/returns/${park.code}/${period.code}/versions/${version.version}`;
  const body: Receipt = receiptOf(version);
  return jsonResponse(replayed ? 200 : 201, body, { location, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) });
});

export const registration = registerHttp({
  name: 'submitReturn',
  methods: ['POST'],
  route: 'returns/{park}/{period}',
  handler: submitReturnHandler,
});
