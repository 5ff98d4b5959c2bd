import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertValue } from './convert-value.js';
import { UNITS } from './units.js';

const sameDimension = fc
  .constantFrom(...UNITS)
  .chain((a) => fc.constantFrom(...UNITS.filter((u) => u.dimension === a.dimension)).map((b) => [a.code, b.code] as const));
// Figures are neither astronomically large nor subnormal; in between, conversion is exact to 15 digits.
const figure = fc.oneof(fc.constant(0), fc.double({ min: 1e-200, max: 1e200, noNaN: true }), fc.double({ min: -1e200, max: -1e-200, noNaN: true }));

describe('convertValue properties', () => {
  it('there and back returns the value, to 15 significant digits', () => {
    fc.assert(
      fc.property(figure, sameDimension, (n, [a, b]) => {
        const there = convertValue(n, a, b);
        const back = there.ok ? convertValue(there.value, b, a) : there;
        expect(back.ok).toBe(true);
        if (back.ok) expect(Math.abs(back.value - n)).toBeLessThanOrEqual(Math.abs(n) * 1e-14);
      }),
    );
  });

  it('never returns NaN or Infinity, for any number and any unit', () => {
    const unit = fc.oneof(fc.constantFrom(...UNITS.map((u) => u.code)), fc.string());
    fc.assert(
      fc.property(fc.double(), unit, unit, (n, a, b) => {
        const r = convertValue(n, a, b);
        if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
      }),
    );
  });

  it('refuses every pair of different dimensions', () => {
    const otherDimension = fc
      .constantFrom(...UNITS)
      .chain((a) => fc.constantFrom(...UNITS.filter((u) => u.dimension !== a.dimension)).map((b) => [a.code, b.code] as const));
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), otherDimension, (n, [a, b]) => {
        const r = convertValue(n, a, b);
        expect(!r.ok && r.issue.code).toBe('figure_convert_dimension_mismatch');
      }),
    );
  });
});
