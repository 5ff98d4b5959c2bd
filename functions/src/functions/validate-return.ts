import type { HttpRequest } from '@azure/functions';
import { validateReturn, type ValidateResponse } from '@zj/shared';
import { authorizePark } from '../app/authorize.js';
import { loadTemplate } from '../app/load-template.js';
import { ApiError } from '../http/api-error.js';
import { jsonResponse } from '../http/json-response.js';
import { parseReturnInput } from '../http/parse-return-input.js';
import { readJsonBody } from '../http/read-json-body.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';

/**
 * POST /api/returns/{park}/{period}/validate: figures in, issues out, nothing stored. Validates
 * against the server's current template and says whether the client's template is stale and
 * whether the period is locked, so the client learns before submitting.
 */
export const validateReturnHandler = withApiErrors(async (request: HttpRequest) => {
  const { svc, park, period } = await authorizePark(request, 'validate');
  const parsed = parseReturnInput(await readJsonBody(request, svc.settings.maxBodyBytes));
  if (!parsed.ok) throw new ApiError(400, 'invalid_body', {}, parsed.issues);
  const [template, lock] = await Promise.all([loadTemplate(svc, park, period), svc.store.readLock(period.code)]);
  const result = validateReturn(template, parsed.value);
  const body: ValidateResponse = {
    templateVersion: template.version,
    stale: parsed.value.templateVersion !== template.version,
    locked: lock?.locked ?? false,
    ...result,
  };
  return jsonResponse(200, body);
});

export const registration = registerHttp({
  name: 'validateReturn',
  methods: ['POST'],
  route: 'returns/{park}/{period}/validate',
  handler: validateReturnHandler,
});
