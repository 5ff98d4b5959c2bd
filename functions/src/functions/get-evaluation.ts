import type { HttpRequest } from '@azure/functions';
import { evaluateYear } from '@zj/shared';
import { authorize } from '../app/authorize.js';
import { readEvaluationInput } from '../app/read-evaluation-input.js';
import { resolveYear } from '../app/resolve-scope.js';
import { jsonResponse } from '../http/json-response.js';
import { NOT_A_FILE, registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';

/**
 * GET /api/evaluation/{year}: every target's annual evaluation (年度评估) of each park's latest
 * accepted annual return, naming the versions read and those a reviewer returned (退回).
 */
export const getEvaluation = withApiErrors(async (request: HttpRequest) => {
  const { svc } = await authorize(request, 'read_zone');
  const year = resolveYear(request.params.year ?? '');
  const { history, returned, baselines } = await readEvaluationInput(svc, year);
  return jsonResponse(200, evaluateYear(svc.catalogue, year, history, { baselines, returned }));
});

export const registration = registerHttp({
  name: 'getEvaluation',
  methods: ['GET'],
  route: `evaluation/{year:${NOT_A_FILE}}`,
  handler: getEvaluation,
});
