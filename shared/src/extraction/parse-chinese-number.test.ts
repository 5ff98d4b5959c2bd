import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from './parse-chinese-number.js';

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1], ['两', 2], ['十', 10], ['十五', 15], ['二十', 20], ['三百二十', 320], ['一千零五', 1005], ['千', 1000],
    ['百', 100], ['一万二千', 12000], ['三百万', 3_000_000], ['一亿五千万', 150_000_000], ['万', 10000], ['六点五', 6.5],
    ['四十五', 45], ['零', 0],
  ])('%s → %d', (written, value) => {
    expect(parseChineseNumber(written)).toBe(value);
  });

  it.each([[''], ['二三'], ['点五'], ['一点'], ['一点二点三'], ['家'], ['五A']])('%s is not a numeral', (written) => {
    expect(parseChineseNumber(written)).toBeNull();
  });
});
