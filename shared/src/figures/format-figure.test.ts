import { describe, expect, it } from 'vitest';
import { formatFigure, type FormatFigureOptions } from './format-figure.js';
import type { Lang } from '../issues/issue.js';

describe('formatFigure', () => {
  it.each<[number | null, string, Lang, FormatFigureOptions, string]>([
    [12000, '万元', 'zh', {}, '12,000万元'],
    [1234567.8, '万元', 'zh', {}, '1,234,567.8万元'],
    [34000, '人', 'zh', {}, '34,000人'],
    [500, '家', 'zh', {}, '500家'],
    [12.5, '%', 'zh', {}, '12.5%'],
    [0.1 + 0.2, '万元', 'zh', {}, '0.3万元'],
    [0.05, '亿元', 'zh', {}, '0.05亿元'],
    [1e-8, '亿元', 'zh', {}, '0.00000001亿元'],
    [1e21, '元', 'zh', {}, '1,000,000,000,000,000,000,000元'],
    [-1234.5, '万元', 'zh', {}, '-1,234.5万元'],
    [-0, '万元', 'zh', {}, '0万元'],
    [999, '家', 'zh', {}, '999家'],
    [1000, '家', 'zh', {}, '1,000家'],
    [12000, '万元', 'en', {}, '12,000 10k yuan'],
    [34000, '人', 'en', {}, '34,000 persons'],
    [1, '家', 'en', {}, '1 enterprise'],
    [1, '人', 'en', {}, '1 person'],
    [1, '家/日', 'en', {}, '1 enterprise per day'],
    [0, '家', 'en', {}, '0 enterprises'],
    [1.5, '件', 'en', {}, '1.5 pieces'],
    [1, '万元', 'en', {}, '1 10k yuan'],
    [12.5, '%', 'en', {}, '12.5%'],
    [12000, '万元', 'zh', { decimals: 2 }, '12,000.00万元'],
    [1.005, '万元', 'zh', { decimals: 2 }, '1.01万元'],
    [999.995, '万元', 'zh', { decimals: 2 }, '1,000.00万元'],
    [-0.001, '万元', 'zh', { decimals: 2 }, '0.00万元'],
    [2.5, '家', 'zh', { decimals: 0 }, '3家'],
    [1234.5, '万元', 'zh', { withUnit: false }, '1,234.5'],
    [null, '万元', 'zh', {}, ''],
  ])('%s %s (%s, %o) → %s', (value, unit, lang, options, want) => {
    expect(formatFigure(value, unit, lang, options)).toBe(want);
  });

  it('refuses to print NaN or Infinity: a figure never holds one', () => {
    expect(() => formatFigure(Number.NaN, '万元', 'zh')).toThrow(RangeError);
    expect(() => formatFigure(Number.POSITIVE_INFINITY, '万元', 'zh')).toThrow(RangeError);
  });

  it('refuses a nonsensical number of decimals', () => {
    expect(() => formatFigure(1, '万元', 'zh', { decimals: -1 })).toThrow(RangeError);
    expect(() => formatFigure(1, '万元', 'zh', { decimals: 1.5 })).toThrow(RangeError);
  });
});
