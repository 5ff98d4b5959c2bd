import { evaluateYear, rankParks } from '@zj/shared';
import { cachedBuild, XLSX_FORMAT } from '../app/cached-build.js';
import { evaluationStamps, readEvaluationInput, readEvaluationSources } from '../app/read-evaluation-input.js';
import { resolveYear } from '../app/resolve-scope.js';
import { attachment, registerRoute, routeHandler } from '../http/route-handler.js';
import { writeEvaluationWorkbook } from '../workbooks/write-evaluation-workbook.js';

/**
 * GET /api/evaluation/{year}.xlsx: the annual evaluation workbook (年度评估), with a chart per
 * park; served from cache while none of the rows it was built from has moved (app/cached-build.ts).
 */
export const getEvaluationXlsx = routeHandler('getEvaluationXlsx', 'read_zone', async ({ svc, params }) => {
  const year = resolveYear(params.year);
  const body = await cachedBuild(svc, {
    kind: `evaluation-${year}`,
    format: XLSX_FORMAT,
    stamps: evaluationStamps(svc, year),
    context: { year },
    probe: () => readEvaluationSources(svc, year),
    build: async () => {
      const { history, returned, baselines, sources } = await readEvaluationInput(svc, year);
      const value = await writeEvaluationWorkbook({
        catalogue: svc.catalogue,
        evaluation: evaluateYear(svc.catalogue, year, history, { baselines, returned }),
        rankings: rankParks(svc.catalogue, year, history),
        generatedAt: svc.now().toISOString(),
      });
      return { sources, value };
    },
  });
  return { status: 200, body, headers: attachment(`evaluation-${year}.xlsx`, `${svc.catalogue.zone.name.zh}-${year}-年度评估.xlsx`) };
});

export const registration = registerRoute('getEvaluationXlsx', getEvaluationXlsx);
