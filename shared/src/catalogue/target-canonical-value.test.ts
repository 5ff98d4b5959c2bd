import { describe, expect, it } from 'vitest';
import type { Catalogue, Target } from './catalogue-schema.js';
import { loadCatalogue } from './load-catalogue.js';
import { targetCanonicalValue } from './target-canonical-value.js';

const catalogue = loadCatalogue();
const target = (id: string): Target => {
  const found = catalogue.targets.find((t) => t.id === id);
  if (found === undefined) throw new Error(`no target ${id}`);
  return found;
};

describe('targetCanonicalValue', () => {
  it.each([
    // 3.4万人 is 34000人 (闵行园 goal 三大先导产业人才).
    ['minhang.leading_industries_talent.2026', 34000, '人'],
    // "6万" with no measure word, read as 万人 (奉贤园).
    ['fengxian.featured_industries_talent.2026', 60000, '人'],
    // 370亿元 in the canonical 万元 (金山园 task 3).
    ['jinshan.chemical_new_materials_scale.2026', 3_700_000, '万元'],
    // "3000亿" written without 元 (金桥园).
    ['jinqiao.leading_industries_scale.2026', 30_000_000, '万元'],
    // 千亿级 = 1000亿元 (奉贤园).
    ['fengxian.operating_revenue.2026', 10_000_000, '万元'],
    ['jinqiao.new_industrial_space.2026', 2_000_000, '平方米'],
    ['minhang.labour_productivity.2026', 53.3, '万元/人'],
    ['minhang.rd_share.2026', 6.8, '%'],
    ['fengxian.new_tech_enterprises_daily.2026', 30, '家/日'],
  ])('%s → %d %s', (id, value, unit) => {
    expect(targetCanonicalValue(target(id), catalogue)).toEqual({ value, unit });
  });

  it('converts both ends of a range', () => {
    const range: Target = { ...target('minhang.hq_incubators.2026'), value: 1, valueHigh: 2, comparison: 'range' };
    expect(targetCanonicalValue(range, catalogue)).toEqual({
      value: 1,
      valueHigh: 2,
      unit: '家',
    });
  });

  it('removes floating-point noise from the conversion', () => {
    const t: Target = { ...target('minhang.fund_scale_cumulative.2026'), value: 1.1 };
    expect(targetCanonicalValue(t, catalogue).value).toBe(11000);
  });

  it.each([
    ['an unknown indicator', { indicator: 'no_such_indicator' }],
    ['a unit of another dimension', { unitCode: '家' }],
    ['an unknown unit', { unitCode: '吨' }],
  ])('throws on a catalogue fault: %s', (_label, change) => {
    const broken: Target = { ...target('minhang.fund_scale_cumulative.2026'), ...change };
    const cat: Catalogue = catalogue;
    expect(() => targetCanonicalValue(broken, cat)).toThrow(/minhang\.fund_scale_cumulative\.2026/);
  });
});
