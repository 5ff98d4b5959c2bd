import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuantities } from './find-quantities.js';
import { parseChineseNumber } from './parse-chinese-number.js';

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['三百二十', 320],
    ['一千零五', 1005],
    ['千', 1000],
    ['百', 100],
    ['一万二千', 12000],
    ['三百万', 3_000_000],
    ['一亿五千万', 150_000_000],
    ['万', 10000],
    ['六点五', 6.5],
    ['四十五', 45],
    ['零', 0],
  ])('%s → %d', (written, value) => {
    expect(parseChineseNumber(written)).toBe(value);
  });

  it.each([[''], ['二三'], ['点五'], ['一点'], ['一点二点三'], ['家'], ['五A']])('%s is not a numeral', (written) => {
    expect(parseChineseNumber(written)).toBeNull();
  });
});

const DIGIT = '零一二三四五六七八九';

/** An integer below 10^12 in Chinese numerals as plans write them: 一万零五百, 三亿二千万, 一百一十. */
function toChinese(n: number): string {
  if (n === 0) return '零';
  const section = (x: number): string => {
    let out = '';
    let zero = false;
    for (const [unit, size] of [
      ['千', 1000],
      ['百', 100],
      ['十', 10],
      ['', 1],
    ] as const) {
      const d = Math.floor(x / size) % 10;
      if (d === 0) {
        zero = out !== '';
        continue;
      }
      out += (zero ? '零' : '') + DIGIT[d] + unit;
      zero = false;
    }
    return out;
  };
  const parts: [number, string][] = [
    [Math.floor(n / 1e8), '亿'],
    [Math.floor(n / 1e4) % 1e4, '万'],
    [n % 1e4, ''],
  ];
  let out = '';
  let gap = false;
  for (const [value, unit] of parts) {
    if (value === 0) {
      gap = out !== '';
      continue;
    }
    out += (gap || (out !== '' && value < 1000) ? '零' : '') + section(value) + unit;
    gap = false;
  }
  return out;
}

describe('parseChineseNumber properties', () => {
  it('reads back every integer written in Chinese numerals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_999 }), (n) => {
        expect(parseChineseNumber(toChinese(n))).toBe(n);
      }),
    );
  });

  it('reads a decimal with 点', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 9 }), (whole, tenth) => {
        expect(parseChineseNumber(`${toChinese(whole)}点${DIGIT[tenth]}`)).toBe(whole + tenth / 10);
      }),
    );
  });

  it('reads tenths (六成) and doublings (翻两番) as figures with their reading', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), (n) => {
        const [tenths] = findQuantities(`占比超过${toChinese(n)}成。`);
        expect([tenths?.value, tenths?.unit, tenths?.reading]).toEqual([n * 10, '%', `${toChinese(n)}成 = ${n * 10}%`]);
      }),
    );
    for (const [written, times] of [
      ['翻一番', 2],
      ['翻两番', 4],
      ['翻三番', 8],
      ['翻番', 2],
    ] as const) {
      expect(findQuantities(`营收${written}。`).map((q) => [q.value, q.unit])).toEqual([[times, '倍']]);
    }
  });
});
