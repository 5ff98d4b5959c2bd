import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFigure } from './format-figure.js';
import { parseFigure } from './parse-figure.js';
import { roundFigure } from './round-figure.js';
import { UNITS } from './units.js';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e14, max: 1e14 });
const unit = fc.constantFrom(...UNITS.map((u) => u.code));
const read = (text: string, unitCode: string) => {
  const r = parseFigure(text, { unit: unitCode, valueType: 'decimal' }, 'p');
  return r.kind === 'value' ? r.value : r.kind;
};

describe('formatFigure properties', () => {
  it('the zh form, with or without the unit, reads back to the same value', () => {
    fc.assert(
      fc.property(finite, unit, (n, u) => {
        expect(read(formatFigure(n, u, 'zh'), u)).toBe(roundFigure(n));
        expect(read(formatFigure(n, u, 'zh', { withUnit: false }), u)).toBe(roundFigure(n));
      }),
    );
  });

  it('never shows exponent form, NaN or more than three digits between separators', () => {
    fc.assert(
      fc.property(finite, unit, fc.constantFrom('zh' as const, 'en' as const), (n, u, lang) => {
        const text = formatFigure(n, u, lang, { withUnit: false });
        expect(text).toMatch(/^-?\d{1,3}(,\d{3})*(\.\d+)?$/);
      }),
    );
  });

  it('with fixed decimals, reads back within half a unit of the last decimal', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 6 }), (n, d) => {
        const back = read(formatFigure(n, '万元', 'zh', { decimals: d }), '万元');
        expect(typeof back).toBe('number');
        expect(Math.abs((back as number) - n)).toBeLessThanOrEqual(0.5 * 10 ** -d + Math.abs(n) * 1e-14);
      }),
    );
  });

  it('blank formats as "" and reads back as blank', () => {
    expect(read(formatFigure(null, '家', 'zh'), '家')).toBe('blank');
  });
});
