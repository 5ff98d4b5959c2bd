import { evaluateYear, type YearEvaluation } from '@zj/shared';
import { cachedBuild, jsonFormat } from '../app/cached-build.js';
import { readEvaluationInput, readEvaluationSources } from '../app/read-evaluation-input.js';
import { resolveYear } from '../app/resolve-scope.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

const EVALUATION_JSON = jsonFormat<YearEvaluation>();

/**
 * GET /api/evaluation/{year}: every target's annual evaluation (年度评估) of each park's latest
 * accepted annual return, naming the versions read and those a reviewer returned (退回). Served
 * from cache while none of the rows it is built from (each park's head of the year and of its
 * baseline year, and its baselines row) has moved and the catalogue version is the same
 * (app/cached-build.ts): then it reads their ETags only.
 */
export const getEvaluation = routeHandler('getEvaluation', 'read_zone', async ({ svc, params }) => {
  const year = resolveYear(params.year);
  const body = await cachedBuild(svc, `evaluation-${year}`, EVALUATION_JSON, { year, sources: await readEvaluationSources(svc, year) }, async () => {
    const { history, returned, baselines, sources } = await readEvaluationInput(svc, year);
    return { sources: { year, sources }, value: evaluateYear(svc.catalogue, year, history, { baselines, returned }) };
  });
  return { status: 200, body };
});

export const registration = registerRoute('getEvaluation', getEvaluation);
