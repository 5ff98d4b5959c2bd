import { catalogueSchema, type Catalogue } from '../../catalogue/catalogue-schema.js';

/**
 * A small hand-made catalogue for consolidation tests, independent of seeds/catalogue. Parks carry
 * the real names; the hierarchy adds two invented sub-parks under 闵行园 to exercise org units
 * with sub-units. Indicators cover every consolidation kind and both component kinds.
 */
const park = (code: string, zh: string, parent = 'zone') => ({
  code,
  name: { zh, en: code },
  district: { zh: zh, en: code },
  planTitle: `张江高新区${zh}改革创新发展行动方案(2025-2026年)`,
  documentNumber: null,
  issuedOn: null,
  plan: { startYear: 2025, endYear: 2026 },
  draft: false,
  seedFile: '000_88a8e4ba83d6a044.txt',
  parent,
});

const indicator = (code: string, zh: string, unit: string, rest: Record<string, unknown>) => ({
  code,
  name: { zh, en: code },
  definition: { zh, en: code },
  unit,
  measure: 'flow',
  valueType: 'decimal',
  consolidation: 'sum',
  ...rest,
});

function target(park: string, indicator: string) {
  return { id: `${park}.${indicator}.2026`, park, indicator, value: 1, unit: '家', unitCode: '家', comparison: 'gte', stretch: false, year: 2026, quote: '达到1家' };
}

export const CONSOLIDATION_CATALOGUE: Catalogue = catalogueSchema.parse({
  zone: { code: 'zone', name: { zh: '张江高新区', en: 'Zhangjiang High-tech Zone' }, form: { number: '张江高新统1表', authority: { zh: '张江高新区管理委员会', en: 'Zhangjiang High-tech Zone Administrative Committee' } } },
  parks: [park('jinshan', '金山园'), park('minhang', '闵行园'), park('fengxian', '奉贤园')],
  indicators: [
    indicator('operating_revenue', '营业收入', '万元', { common: true }),
    indicator('rd_expenditure', '研发经费支出', '万元', { partOf: 'operating_revenue' }),
    indicator('rd_share', '研发经费支出占营业收入比重', '%', {
      measure: 'ratio',
      consolidation: 'ratio',
      common: true,
      components: { numerator: { indicator: 'rd_expenditure' }, denominator: { indicator: 'operating_revenue' }, scale: 100 },
    }),
    indicator('hightech_valid', '有效期内高新技术企业', '家', {
      measure: 'level',
      valueType: 'integer',
      common: true,
      distinctFrom: [{ indicator: 'hightech_cumulative', reason: { zh: '口径不同', en: 'another definition' } }],
    }),
    indicator('hightech_cumulative', '高新技术企业数量(累计)', '家', {
      measure: 'level',
      valueType: 'integer',
      distinctFrom: [{ indicator: 'hightech_valid', reason: { zh: '口径不同', en: 'another definition' } }],
    }),
    indicator('new_tech_enterprises', '新增科技企业数', '家', { valueType: 'integer' }),
    indicator('daily_new_tech_enterprises', '日均新增科技企业', '家/日', {
      measure: 'rate',
      consolidation: 'ratio',
      components: { numerator: { indicator: 'new_tech_enterprises' }, denominator: { periodDays: true }, scale: 1 },
    }),
    indicator('featured_share_of_district', '三大特色产业总规模占全区比重', '%', { measure: 'ratio', consolidation: 'none' }),
  ],
  // Every park is asked for every indicator (a target on each one that is not in the common set
  // or a component), so these tests see figures, not 不适用; ASKED_CATALOGUE narrows that down.
  targets: ['jinshan', 'minhang', 'fengxian'].flatMap((park) =>
    ['hightech_cumulative', 'daily_new_tech_enterprises', 'featured_share_of_district'].map((indicator) => target(park, indicator)),
  ),
  wordings: [],
});

/**
 * The same indicators where only 金山园 has a target on 高新技术企业数量(累计): the other parks are not
 * asked for it (不适用), and nobody is asked for 日均新增 or the district share.
 */
export const ASKED_CATALOGUE: Catalogue = catalogueSchema.parse({ ...CONSOLIDATION_CATALOGUE, targets: [target('jinshan', 'hightech_cumulative')] });

/** The same indicators over a deeper hierarchy: 闵行园 split into two invented sub-parks. */
export const HIERARCHY_CATALOGUE: Catalogue = catalogueSchema.parse({
  ...CONSOLIDATION_CATALOGUE,
  targets: ['jinshan', 'minhang_north', 'minhang_south', 'fengxian'].flatMap((park) =>
    ['hightech_cumulative', 'daily_new_tech_enterprises', 'featured_share_of_district'].map((indicator) => target(park, indicator)),
  ),
  parks: [
    park('jinshan', '金山园'),
    park('minhang', '闵行园'),
    park('minhang_north', '闵行园北区', 'minhang'),
    park('minhang_south', '闵行园南区', 'minhang'),
    park('fengxian', '奉贤园'),
  ],
});
