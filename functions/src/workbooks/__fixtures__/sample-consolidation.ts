import { consolidate, loadCatalogue, type Catalogue } from '@zj/shared';
import type { ConsolidatedWorkbookInput } from '../write-consolidated-workbook.js';
import { makeSampleHistory } from './sample-versions.js';

/** The 2025 consolidation of the five parks' 示例数据, 青浦园 not having reported. */
export function sampleConsolidationInput(catalogue: Catalogue = loadCatalogue()): ConsolidatedWorkbookInput {
  const history = makeSampleHistory(catalogue, [2024, 2025], { skip: [['qingpu', 2025]] });
  const of = (period: string) => history.returns.filter((r) => r.period === period);
  return {
    catalogue,
    consolidation: consolidate(catalogue, '2025', of('2025'), { periodDays: 365 }),
    lastYear: consolidate(catalogue, '2024', of('2024'), { periodDays: 366 }),
    versions: history.versions.filter((v) => v.period === '2025'),
    // As the heads would say of this history: one version a park, none of them returned (a
    // returned version with nothing accepted before it would leave the park out of the totals).
    states: { jinshan: 'approved', minhang: 'submitted', fengxian: 'submitted', jinqiao: 'submitted', qingpu: 'late' },
    generatedAt: '2026-02-01T08:00:00.000Z',
  };
}
