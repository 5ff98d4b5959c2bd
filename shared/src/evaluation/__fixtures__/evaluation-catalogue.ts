import { catalogueSchema, type Catalogue } from '../../catalogue/catalogue-schema.js';

/**
 * A small hand-made catalogue for the evaluation tests, independent of seeds/catalogue. Targets
 * follow the seed plans' wording (quotes abridged); 青浦园's 1-2家 range target is invented to
 * exercise range comparisons.
 */
const park = (code: string, zh: string, startYear: number, draft = false) => ({
  code,
  name: { zh, en: code },
  district: { zh, en: code },
  planTitle: `张江高新区${zh}改革创新发展行动方案(${startYear}-2026年)`,
  documentNumber: null,
  issuedOn: null,
  plan: { startYear, endYear: 2026 },
  draft,
  seedFile: '000_88a8e4ba83d6a044.txt',
});

const indicator = (code: string, zh: string, unit: string, measure: string, rest: Record<string, unknown> = {}) => ({
  code,
  name: { zh, en: code },
  definition: { zh, en: code },
  unit,
  measure,
  valueType: 'decimal',
  consolidation: 'sum',
  ...rest,
});

const share = (numerator: string, denominator: string) => ({
  consolidation: 'ratio',
  components: { numerator: { indicator: numerator }, denominator: { indicator: denominator }, scale: 100 },
});

const target = (
  park: string,
  ind: string,
  value: number,
  unit: string,
  quote: string,
  rest: Record<string, unknown> = {},
) => ({
  id: `${park}.${ind}.2026`,
  park,
  indicator: ind,
  value,
  unit,
  unitCode: unit,
  comparison: 'gte',
  stretch: false,
  year: 2026,
  quote,
  ...rest,
});

export const EVALUATION_CATALOGUE: Catalogue = catalogueSchema.parse({
  zone: { code: 'zone', name: { zh: '张江高新区', en: 'Zhangjiang High-tech Zone' }, form: { number: '张江高新统1表', authority: { zh: '张江高新区管理委员会', en: 'Zhangjiang High-tech Zone Administrative Committee' } } },
  parks: [
    park('jinshan', '金山园', 2025),
    park('minhang', '闵行园', 2025),
    park('fengxian', '奉贤园', 2024, true),
    park('jinqiao', '金桥园', 2025),
    park('qingpu', '青浦园', 2025),
  ],
  indicators: [
    indicator('operating_revenue', '营业收入', '万元', 'flow', { common: true }),
    indicator('rd_expenditure', '研发经费支出', '万元', 'flow', { partOf: 'operating_revenue' }),
    indicator('rd_share', '研发经费支出占营业收入比重', '%', 'ratio', { ...share('rd_expenditure', 'operating_revenue'), common: true }),
    indicator('leading_industry_revenue', '主导产业营收', '万元', 'flow', { partOf: 'operating_revenue' }),
    indicator('leading_share', '主导产业营收占比', '%', 'ratio', share('leading_industry_revenue', 'operating_revenue')),
    indicator('hightech_cumulative', '高新技术企业数量(累计)', '家', 'level', { valueType: 'integer' }),
    indicator('pct_applications', 'PCT专利年申请量', '件', 'flow', { valueType: 'integer', common: true }),
    indicator('drug_approvals_new', '新增药品注册批件', '个', 'cumulative', { valueType: 'integer' }),
    indicator('industry_scale', '产业规模', '万元', 'flow'),
    indicator('talent_leading', '三大先导产业人才', '人', 'level', { valueType: 'integer', common: true }),
    indicator('incubators_hq', '高质量孵化器', '家', 'level', { valueType: 'integer', common: true }),
    indicator('unicorns', '“独角兽”“隐形冠军”企业', '家', 'level', { valueType: 'integer', common: true }),
    indicator('new_tech_enterprises', '新增科技企业数', '家', 'flow', { valueType: 'integer' }),
    indicator('daily_new_tech_enterprises', '日均新增科技企业', '家/日', 'rate', {
      consolidation: 'ratio',
      components: { numerator: { indicator: 'new_tech_enterprises' }, denominator: { periodDays: true }, scale: 1 },
    }),
  ],
  targets: [
    target('jinshan', 'hightech_cumulative', 500, '家', '高新技术企业数量(累计)达到 500 家'),
    target('jinshan', 'pct_applications', 55, '件', 'PCT 专利年申请量达到 55 件'),
    target('jinshan', 'drug_approvals_new', 21, '个', '新增21个药品注册批件'),
    target('jinshan', 'leading_share', 60, '%', '主导优势及特色产业营收占比超过 60%', { comparison: 'gt', stretch: true }),
    target('jinshan', 'industry_scale', 180, '亿元', '产业规模达到180亿元'),
    target('minhang', 'rd_share', 6.8, '%', '园区企业研发经费支出占营业收入比重达到6.8%'),
    target('minhang', 'talent_leading', 3.4, '万', '三大先导产业人才达到3.4万人', { unitCode: '万人' }),
    target('minhang', 'incubators_hq', 2, '家', '园区高质量孵化器达到2家'),
    target('fengxian', 'daily_new_tech_enterprises', 30, '家', '日均新增科技企业30家', { unitCode: '家/日' }),
    target('fengxian', 'unicorns', 2, '家', '“独角兽”“隐形冠军”企业超过2家', { comparison: 'gt' }),
    target('jinqiao', 'incubators_hq', 1, '家', '力争建成1家高质量孵化器', { stretch: true }),
    target('qingpu', 'incubators_hq', 1, '家', '引育市级高质量(培育)孵化器1-2家', { comparison: 'range', valueHigh: 2 }),
  ],
  wordings: [],
});
