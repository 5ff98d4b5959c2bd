import { describe, expect, it } from 'vitest';
import { inferUnitCode } from './infer-unit-code.js';

describe('inferUnitCode', () => {
  it.each([
    ['亿元', '产业规模', '亿元'],
    ['亿', '总营收', '亿元'],
    ['万', '三大特色产业人才规模', '万人'],
    ['万', '基金规模', '万元'],
    ['万', '某某', null],
    ['万人', '人才', '万人'],
    ['万名', '引进人才', '万人'],
    ['家', '日均新增科技企业', '家/日'],
    ['家', '高新技术企业', '家'],
    ['%', '占比', '%'],
    ['万平方米', '产业空间', '万平方米'],
    ['亩', '产业用地', null],
  ])('%s for %s → %s', (unit, indicator, code) => {
    expect(inferUnitCode(unit, indicator)).toBe(code);
  });
});
