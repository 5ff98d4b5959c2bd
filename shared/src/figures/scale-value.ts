import { roundFigure } from './round-figure.js';

/**
 * value × ratio, for the unit ratios of units.ts (powers of ten: 10000, 0.0001, 1e-8).
 * A ratio below 1 is applied as a division by its exact inverse, because 0.0001 has no exact
 * binary form while 10000 has: 12345 / 10000 is the double nearest 1.2345, whereas
 * 12345 × 0.0001 is 1.2345000000000002. The result is rounded by `roundFigure`; it may be
 * ±Infinity when the value overflows, which the callers refuse.
 */
export function scaleValue(value: number, ratio: number): number {
  const r = roundFigure(ratio);
  const scaled = r >= 1 ? value * r : value / roundFigure(1 / r);
  return Number.isFinite(scaled) ? roundFigure(scaled) : scaled;
}
