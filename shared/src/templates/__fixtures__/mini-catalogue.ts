import { catalogueSchema, type Catalogue } from '../../catalogue/catalogue-schema.js';

const L = (zh: string, en: string) => ({ zh, en });

/** A small hand-made catalogue: one park of each situation the rules must handle. */
export const MINI_CATALOGUE: Catalogue = catalogueSchema.parse({
  zone: { code: 'zone', name: L('张江高新区', 'Zhangjiang High-tech Zone'), form: { number: '张江高新统1表', authority: { zh: '张江高新区管理委员会', en: 'Zhangjiang High-tech Zone Administrative Committee' } } },
  parks: [
    {
      code: 'alpha',
      name: L('甲园', 'Alpha Park'),
      district: L('甲区', 'Alpha District'),
      planTitle: '甲园行动方案',
      documentNumber: '甲府发〔2025〕1号',
      issuedOn: '2025-01-01',
      plan: { startYear: 2025, endYear: 2026 },
      draft: false,
      seedFile: '000_aaaa.txt',
    },
    {
      code: 'beta',
      name: L('乙园', 'Beta Park'),
      district: L('乙区', 'Beta District'),
      planTitle: '乙园行动方案（征求意见稿）',
      documentNumber: null,
      issuedOn: null,
      plan: { startYear: 2024, endYear: 2026 },
      draft: true,
      seedFile: '001_bbbb.txt',
    },
  ],
  indicators: [
    { code: 'operating_revenue', name: L('营业收入', 'Operating revenue'), definition: L('园区企业营业收入', 'Revenue of park enterprises'), unit: '万元', measure: 'flow', valueType: 'decimal', consolidation: 'sum' },
    { code: 'rd_expenditure', name: L('研发经费支出', 'R&D expenditure'), definition: L('企业研发经费支出', 'R&D spending'), unit: '万元', measure: 'flow', valueType: 'decimal', consolidation: 'sum', partOf: 'operating_revenue' },
    {
      code: 'rd_share',
      name: L('研发经费支出占营业收入比重', 'R&D share of revenue'),
      definition: L('研发经费支出/营业收入', 'R&D expenditure / revenue'),
      unit: '%', measure: 'ratio', valueType: 'decimal', consolidation: 'ratio', common: true,
      components: { numerator: { indicator: 'rd_expenditure' }, denominator: { indicator: 'operating_revenue' }, scale: 100 },
      range: { min: 0, max: 100 },
    },
    { code: 'high_tech_enterprises', name: L('有效期内高新技术企业', 'Valid high-tech enterprises'), definition: L('期末数', 'At period end'), unit: '家', measure: 'level', valueType: 'integer', consolidation: 'sum', common: true },
    { code: 'drug_approvals_new', name: L('新增药品注册批件', 'New drug registration approvals'), definition: L('自方案起累计', 'Since plan start'), unit: '个', measure: 'cumulative', valueType: 'integer', consolidation: 'sum' },
    { code: 'industry_scale', name: L('产业规模', 'Industry scale'), definition: L('当年', 'Of the year'), unit: '万元', measure: 'flow', valueType: 'decimal', consolidation: 'sum' },
    { code: 'new_tech_enterprises', name: L('新增科技企业数', 'New tech enterprises'), definition: L('当年新增', 'New in the period'), unit: '家', measure: 'flow', valueType: 'integer', consolidation: 'sum' },
    {
      code: 'new_tech_enterprises_per_day',
      name: L('日均新增科技企业', 'New tech enterprises per day'),
      definition: L('新增科技企业数/天数', 'New tech enterprises / days'),
      unit: '家/日', measure: 'rate', valueType: 'decimal', consolidation: 'ratio',
      components: { numerator: { indicator: 'new_tech_enterprises' }, denominator: { periodDays: true }, scale: 1 },
    },
  ],
  targets: [
    { id: 'alpha.rd_share.2026', park: 'alpha', indicator: 'rd_share', value: 6.8, unit: '%', unitCode: '%', comparison: 'gte', stretch: false, year: 2026, quote: '研发经费支出占营业收入比重达到6.8%' },
    { id: 'alpha.high_tech_enterprises.2026', park: 'alpha', indicator: 'high_tech_enterprises', value: 500, unit: '家', unitCode: '家', comparison: 'gte', stretch: false, year: 2026, quote: '高新技术企业达到500家' },
    { id: 'alpha.drug_approvals_new.2026', park: 'alpha', indicator: 'drug_approvals_new', value: 21, unit: '个', unitCode: '个', comparison: 'gte', stretch: false, year: 2026, quote: '新增21个药品注册批件' },
    { id: 'alpha.industry_scale.2026', park: 'alpha', indicator: 'industry_scale', value: 180, unit: '亿元', unitCode: '亿元', comparison: 'gte', stretch: false, year: 2026, quote: '产业规模达到180亿元' },
    { id: 'beta.new_tech_enterprises_per_day.2026', park: 'beta', indicator: 'new_tech_enterprises_per_day', value: 30, unit: '家', unitCode: '家/日', comparison: 'gte', stretch: false, year: 2026, quote: '日均新增科技企业30家' },
  ],
  wordings: [],
});
