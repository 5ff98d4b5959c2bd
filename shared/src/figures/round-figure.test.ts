import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundDecimals, roundFigure } from './round-figure.js';

describe('roundDecimals', () => {
  it('rounds half away from zero as ROUND does, on the decimal reading', () => {
    expect(roundDecimals(1.005, 2)).toBe(1.01);
    expect(roundDecimals(-1.005, 2)).toBe(-1.01);
    expect(roundDecimals(0.0705612829, 3)).toBe(0.071);
    expect(roundDecimals(2.5, 0)).toBe(3);
  });

  it('never gives −0: a share that moved by −3.4e-9 points moved by 0.00', () => {
    expect(Object.is(roundDecimals(-3.4e-9, 2), 0)).toBe(true);
    expect(Object.is(roundDecimals(-0, 3), 0)).toBe(true);
  });

  it('stays within half a unit of the last decimal, and keeps figures already that precise', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const r = roundDecimals(x, d);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 / 10 ** d + Math.abs(x) * 1e-14);
        expect(roundDecimals(r, d)).toBe(r);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e8, max: 1e8 }), fc.integer({ min: 0, max: 4 }), (n, d) => {
        expect(roundDecimals(n / 10 ** d, d)).toBe(roundFigure(n / 10 ** d));
      }),
    );
  });
});
