import { receiptOf } from '@zj/shared/api';
import { submitReturn } from '../app/submit-return.js';
import { readIdempotencyKey } from '../http/idempotency-key.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/**
 * POST /api/returns/{park}/{period}: submit (报送). 201 with the receipt of the new version;
 * 200 with the same receipt when an Idempotency-Key replays a stored submission.
 */
export const submitReturnHandler = routeHandler('submitReturn', 'submit', async ({ request, svc, actor, park, period, body }) => {
  const idempotencyKey = readIdempotencyKey(request);
  // The add-in says so (X-Client: addin); any other caller is the API. Informational only.
  const source = request.headers.get('x-client') === 'addin' ? 'addin' : 'api';
  const { version, replayed } = await submitReturn(svc, { actor, park, period, input: body, idempotencyKey, source });
  const headers = { location: `/api/returns/${park.code}/${period.code}/versions/${version.version}`, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) };
  return replayed ? { status: 200, body: receiptOf(version), headers } : { status: 201, body: receiptOf(version), headers };
});

export const registration = registerRoute('submitReturn', submitReturnHandler);
