import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNonFinite } from '../consolidation/__fixtures__/find-non-finite.js';
import { EVALUATION_CATALOGUE as CAT } from './__fixtures__/evaluation-catalogue.js';
import { computeExpected } from './progress.js';
import { evaluateTarget } from './evaluate-target.js';
import { EVALUATION_STATUSES } from './status.js';

const anyFigure = fc.option(fc.oneof(fc.constant(0), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -10, max: 10_000 })), {
  nil: null,
  freq: 5,
});
const codes = CAT.indicators.map((i) => i.code);
const figures = fc.dictionary(fc.constantFrom(...codes), anyFigure);

describe('evaluation properties', () => {
  it('never lets NaN or Infinity out, and the status is always one of the six, consistent with the figures', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CAT.targets),
        fc.record({
          value: fc.oneof(fc.constant(0), fc.double({ min: -1e12, max: 1e12, noNaN: true })),
          comparison: fc.constantFrom('gte' as const, 'gt' as const, 'range' as const),
          year: fc.integer({ min: 2025, max: 2030 }),
        }),
        fc.integer({ min: 2020, max: 2032 }),
        fc.option(figures, { nil: null }),
        fc.option(figures, { nil: null }),
        (base, over, year, values, baselines) => {
          const target = { ...base, ...over, valueHigh: over.comparison === 'range' ? over.value + 1 : undefined };
          const indicator = CAT.indicators.find((i) => i.code === target.indicator)!;
          const park = CAT.parks.find((p) => p.code === target.park)!;
          const yearReturn = values && { park: park.code, period: String(year), version: 1, values };
          const e = evaluateTarget({ target, indicator, park, year, yearReturn, baselines });
          expect(findNonFinite(e)).toEqual([]);
          expect(EVALUATION_STATUSES).toContain(e.status);
          if (e.actual.value === null) expect(['not_reported', 'cannot_judge']).toContain(e.status);
          if (e.completion.completed) expect(['completed', 'ahead']).toContain(e.status);
          if (e.status === 'ahead') expect(year).toBeLessThan(target.year);
          if (e.status === 'cannot_judge' && e.actual.value !== null) expect(e.expected.value).toBeNull();
          if (e.growthNeeded.value !== null) expect(e.completion.completed).toBe(false);
        },
      ),
    );
  });

  it('puts the expected value between the baseline and the target, monotone in the year', () => {
    const amount = fc.double({ min: -1e12, max: 1e12, noNaN: true });
    fc.assert(
      fc.property(
        amount,
        amount,
        fc.integer({ min: 2015, max: 2030 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: -3, max: 10 }),
        (baseline, target, baselineYear, span, offset) => {
          const targetYear = baselineYear + span;
          const at = (year: number) => computeExpected({ baseline, baselineYear, target, targetYear, year }).value!;
          const year = baselineYear + offset;
          const [lo, hi] = [Math.min(baseline, target), Math.max(baseline, target)];
          const slack = 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi));
          expect(at(year)).toBeGreaterThanOrEqual(lo - slack);
          expect(at(year)).toBeLessThanOrEqual(hi + slack);
          // moving one year on moves towards the target, never back
          const step = (at(year + 1) - at(year)) * Math.sign(target - baseline);
          expect(step).toBeGreaterThanOrEqual(-slack);
          expect(at(targetYear)).toBe(target);
          expect(at(baselineYear)).toBeCloseTo(baseline, 6);
        },
      ),
    );
  });
});
