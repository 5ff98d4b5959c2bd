import { evaluateYear, type YearEvaluation } from '@zj/shared';
import { cachedBuild, jsonFormat } from '../app/cached-build.js';
import { evaluationStamps, readEvaluationInput, readEvaluationSources } from '../app/read-evaluation-input.js';
import { resolveYear } from '../app/resolve-scope.js';
import { EncodedJson } from '../http/json-response.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

const EVALUATION_JSON = jsonFormat<YearEvaluation>();

/**
 * GET /api/evaluation/{year}: every target's annual evaluation (年度评估) of each park's latest
 * accepted annual return, naming the versions read and those a reviewer returned (退回). Served
 * from cache while none of the rows it is built from (each park's head of the year and of its
 * baseline year, and its baselines row) has moved and the catalogue version is the same
 * (app/cached-build.ts): then it reads the change stamps of those rows (one call), and their
 * ETags (one query a park) only when the stamps moved or were checked longer ago than the trust
 * window. Sent as the JSON it was kept as.
 */
export const getEvaluation = routeHandler('getEvaluation', 'read_zone', async ({ svc, params }) => {
  const year = resolveYear(params.year);
  const bytes = await cachedBuild(svc, {
    kind: `evaluation-${year}`,
    format: EVALUATION_JSON,
    stamps: evaluationStamps(svc, year),
    context: { year },
    probe: () => readEvaluationSources(svc, year),
    build: async () => {
      const { history, returned, baselines, sources } = await readEvaluationInput(svc, year);
      return { sources, value: evaluateYear(svc.catalogue, year, history, { baselines, returned }) };
    },
  });
  // The answer as it was kept: its JSON, never parsed and encoded again.
  return { status: 200, body: new EncodedJson<YearEvaluation>(bytes) };
});

export const registration = registerRoute('getEvaluation', getEvaluation);
