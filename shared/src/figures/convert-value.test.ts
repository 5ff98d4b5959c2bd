import { describe, expect, it } from 'vitest';
import { convertValue } from './convert-value.js';

describe('convertValue', () => {
  it.each([
    [1, '亿元', '万元', 10000],
    [1.2, '亿元', '万元', 12000],
    [500, '万元', '亿元', 0.05],
    [12345, '元', '万元', 1.2345],
    [1, '元', '亿元', 1e-8],
    [3.4, '万人', '人', 34000],
    [34000, '人', '万人', 3.4],
    [200, '万平方米', '平方米', 2000000],
    [0.1 + 0.2, '万元', '万元', 0.3],
    [-5, '亿元', '万元', -50000],
    [0, '亿元', '元', 0],
  ])('%s %s → %s %s', (value, from, to, want) => {
    expect(convertValue(value, from, to)).toEqual({ ok: true, value: want });
  });

  it.each([
    [5, '家', '件', 'figure_convert_dimension_mismatch'],
    [5, '%', '万元', 'figure_convert_dimension_mismatch'],
    [5, '万元/人', '万元', 'figure_convert_dimension_mismatch'],
    [5, 'kg', '万元', 'figure_convert_unknown_unit'],
    [5, '万元', 'kg', 'figure_convert_unknown_unit'],
    [Number.NaN, '亿元', '万元', 'figure_convert_not_finite'],
    [Number.POSITIVE_INFINITY, '亿元', '万元', 'figure_convert_not_finite'],
    [Number.MAX_VALUE, '亿元', '元', 'figure_convert_not_finite'],
  ])('refuses %s %s → %s: %s', (value, from, to, code) => {
    const result = convertValue(value, from, to, 'figures.x');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue).toMatchObject({ code, severity: 'error', path: 'figures.x' });
  });

  it('names both units when the dimensions differ', () => {
    const result = convertValue(5, '家', '件');
    expect(!result.ok && result.issue.message.zh).toBe('5家不能换算为件：两者不是同一种量。');
  });
});
