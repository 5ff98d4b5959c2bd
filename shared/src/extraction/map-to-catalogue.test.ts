import { describe, expect, it } from 'vitest';
import { catalogueSchema, type Catalogue } from '../catalogue/catalogue-schema.js';
import { MAP_THRESHOLD, mapToCatalogue } from './map-to-catalogue.js';

const indicator = (code: string, zh: string, unit: string) => ({
  code,
  name: { zh, en: code },
  definition: { zh, en: code },
  unit,
  measure: 'level' as const,
  valueType: 'integer' as const,
  consolidation: 'sum' as const,
});

/** A made-up catalogue: the mapper knows only names, wordings and units, never these codes. */
const catalogue: Catalogue = catalogueSchema.parse({
  zone: {
    code: 'zone',
    name: { zh: '张江高新区', en: 'Zhangjiang' },
    form: { number: '张江高新统1表', authority: { zh: '张江高新区管理委员会', en: 'Zhangjiang High-tech Zone Administrative Committee' } },
  },
  parks: [],
  indicators: [
    indicator('hte_valid', '有效期内高新技术企业数', '家'),
    indicator('pct', '当年PCT专利申请量', '件'),
    indicator('rd_share', '企业研发经费支出占营业收入比重', '%'),
    indicator('talent', '三大先导产业人才数', '人'),
    indicator('revenue', '营业收入', '万元'),
  ],
  targets: [],
  wordings: [
    { park: 'a', wording: 'PCT 专利年申请量', indicator: 'pct' },
    { park: 'b', wording: '园区产业规模', indicator: 'revenue' },
  ],
});

describe('mapToCatalogue', () => {
  it.each([
    ['有效期内高新技术企业', '家', 'hte_valid'],
    ['PCT专利申请量', '件', 'pct'],
    ['PCT专利年申请量', '件', 'pct'],
    ['研发经费支出占营业收入比重', '%', 'rd_share'],
    ['研发经费占营收的比重', '%', 'rd_share'],
    ['三大先导产业人才', '万人', 'talent'],
    ['产业规模', '亿元', 'revenue'],
  ])('%s (%s) → %s', (phrase, unit, code) => {
    const m = mapToCatalogue(phrase, unit, catalogue);
    expect(m.mappedIndicator).toBe(code);
    expect(m.mappingScore).toBeGreaterThanOrEqual(MAP_THRESHOLD);
    expect(m.mappingScore).toBeLessThanOrEqual(1);
  });

  it('maps to nothing rather than to a poor guess', () => {
    expect(mapToCatalogue('人才公寓', '套', catalogue).mappedIndicator).toBeNull();
    expect(mapToCatalogue('', '家', catalogue)).toEqual({ mappedIndicator: null, mappingScore: 0 });
  });

  it('weakens a match whose unit is of another dimension', () => {
    const same = mapToCatalogue('高新技术企业', '家', catalogue).mappingScore;
    const other = mapToCatalogue('高新技术企业', '件', catalogue).mappingScore;
    expect(other).toBeLessThan(same);
  });

  it('maps nothing without a catalogue', () => {
    expect(mapToCatalogue('有效期内高新技术企业', '家', undefined)).toEqual({ mappedIndicator: null, mappingScore: 0 });
  });
});
