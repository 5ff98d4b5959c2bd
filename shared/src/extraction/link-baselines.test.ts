import { describe, expect, it } from 'vitest';
import { linkBaseline, type PastFigure } from './link-baselines.js';

const target = (indicator: string, over: Partial<Parameters<typeof linkBaseline>[0]> = {}) => ({
  value: 600,
  unit: '家',
  unitCode: '家',
  indicator,
  sentence: 5,
  paragraph: 3,
  row: null,
  group: null,
  kind: 'count' as const,
  ...over,
});
const past = (indicator: string, value: number, year: number | null, over: Partial<PastFigure> = {}): PastFigure => ({
  value,
  unit: '家',
  unitCode: '家',
  indicator,
  year,
  quote: `${indicator}${value}家`,
  offset: 0,
  sentence: 1,
  paragraph: 1,
  row: null,
  group: null,
  ...over,
});

describe('linkBaseline', () => {
  it('offers the past figure of the same indicator, the latest year first', () => {
    const b = linkBaseline(target('高新技术企业'), [past('高新技术企业', 420, 2023), past('高新技术企业', 380, 2022), past('专精特新企业', 90, 2024)]);
    expect([b?.value, b?.year, b?.beside]).toEqual([420, 2023, 'text']);
  });

  it('prefers the nearest: the same sentence, then the paragraph, then the text', () => {
    const b = linkBaseline(target('研发投入强度', { unit: '%', unitCode: '%', kind: 'share' }), [
      past('研发投入强度', 3.2, 2023, { unit: '%', unitCode: '%' }),
      past('研发投入强度', 3.5, null, { unit: '%', unitCode: '%', sentence: 5, paragraph: 3 }),
    ]);
    expect([b?.value, b?.beside]).toEqual([3.5, 'sentence']);
  });

  it('needs the same dimension, the same grade and the same increment', () => {
    expect(linkBaseline(target('高新技术企业'), [past('高新技术企业', 420, 2023, { unit: '亿元', unitCode: '亿元' })])).toBeNull();
    expect(linkBaseline(target('百亿级企业'), [past('企业', 3200, 2023)])).toBeNull();
    expect(linkBaseline(target('新增市级研发机构'), [past('市级研发机构', 45, 2024)])).toBeNull();
    expect(linkBaseline(target('新增高新技术企业'), [past('新增高新技术企业', 410, 2024)])?.value).toBe(410);
  });

  it('pairs the figures of two lists of the same size by place', () => {
    const group = (index: number, indicator: string) => ({ id: 1, index, size: 3, indicator });
    const pasts = [4100, 620, 1850].map((v, i) =>
      past('三大主导产业营收', v, 2023, { unit: '亿元', unitCode: '亿元', group: { ...group(i, '三大主导产业营收'), id: 0 } }),
    );
    const b = linkBaseline(
      target('生物医药', { unit: '亿元', unitCode: '亿元', kind: 'amount', group: group(1, '电子信息、生物医药、数字经济三大主导产业营收') }),
      pasts,
    );
    expect(b?.value).toBe(620);
  });

  it('gives a growth rate only the past rate of its own table row', () => {
    const rate = { unit: '%', unitCode: '%', kind: 'growth' as const };
    expect(linkBaseline(target('营收增长', rate), [past('营收增长', 9.2, 2024, { unit: '%', unitCode: '%' })])).toBeNull();
    expect(linkBaseline(target('能耗下降', { ...rate, row: 7 }), [past('能耗下降', 3.2, 2024, { unit: '%', unitCode: '%', row: 7 })])?.beside).toBe('table');
  });
});
