import { evaluateYear, loadCatalogue, rankParks, type Catalogue } from '@zj/shared';
import type { EvaluationWorkbookInput } from '../write-evaluation-workbook.js';
import { makeSampleHistory } from './sample-versions.js';

/** The 2025 evaluation of the five parks' 示例数据 (baselines reported with the first return). */
export function sampleEvaluationInput(catalogue: Catalogue = loadCatalogue(), year = 2025): EvaluationWorkbookInput {
  const history = makeSampleHistory(catalogue, [year - 1, year], { skip: [['qingpu', year]] });
  const baselines = Object.fromEntries(
    catalogue.parks.map((p) => [p.code, Object.assign({}, ...history.versions.filter((v) => v.park === p.code).map((v) => v.baselines)) as Record<string, number | null>]),
  );
  return {
    catalogue,
    evaluation: evaluateYear(catalogue, year, history.returns, { baselines }),
    rankings: rankParks(catalogue, year, history.returns),
    generatedAt: '2026-02-01T08:00:00.000Z',
  };
}
