import type { HttpRequest } from '@azure/functions';
import { evaluateYear, rankParks } from '@zj/shared';
import { authorize } from '../app/authorize.js';
import { readEvaluationInput } from '../app/read-evaluation-input.js';
import { resolveYear } from '../app/resolve-scope.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';
import { writeEvaluationWorkbook } from '../workbooks/write-evaluation-workbook.js';
import { xlsxResponse } from '../workbooks/xlsx-response.js';

/** GET /api/evaluation/{year}.xlsx: the annual evaluation workbook (年度评估), with a chart per park. */
export const getEvaluationXlsx = withApiErrors(async (request: HttpRequest) => {
  const { svc } = await authorize(request, 'read_zone');
  const year = resolveYear(request.params.year ?? '');
  const { history, returned, baselines } = await readEvaluationInput(svc, year);
  const body = await writeEvaluationWorkbook({
    catalogue: svc.catalogue,
    evaluation: evaluateYear(svc.catalogue, year, history, { baselines, returned }),
    rankings: rankParks(svc.catalogue, year, history),
    generatedAt: svc.now().toISOString(),
  });
  return xlsxResponse(body, `evaluation-${year}.xlsx`, `${svc.catalogue.zone.name.zh}-${year}-年度评估.xlsx`);
});

export const registration = registerHttp({
  name: 'getEvaluationXlsx',
  methods: ['GET'],
  route: 'evaluation/{year}.xlsx',
  handler: getEvaluationXlsx,
});
