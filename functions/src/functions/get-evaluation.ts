import { evaluateYear } from '@zj/shared';
import { readEvaluationInput } from '../app/read-evaluation-input.js';
import { resolveYear } from '../app/resolve-scope.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/**
 * GET /api/evaluation/{year}: every target's annual evaluation (年度评估) of each park's latest
 * accepted annual return, naming the versions read and those a reviewer returned (退回).
 */
export const getEvaluation = routeHandler('getEvaluation', 'read_zone', async ({ svc, params }) => {
  const year = resolveYear(params.year);
  const { history, returned, baselines } = await readEvaluationInput(svc, year);
  return { status: 200, body: evaluateYear(svc.catalogue, year, history, { baselines, returned }) };
});

export const registration = registerRoute('getEvaluation', getEvaluation);
