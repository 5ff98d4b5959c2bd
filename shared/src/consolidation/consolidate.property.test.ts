import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consolidate } from './consolidate.js';
import { CONSOLIDATION_CATALOGUE as CAT } from './__fixtures__/fixture-catalogue.js';
import { findNonFinite } from './__fixtures__/find-non-finite.js';
import { ret } from './__fixtures__/make-return.js';
import type { ParkReturnValues } from './park-returns.js';

const unitsOf = (n: number) => [{ code: 'zone', parent: null }, ...Array.from({ length: n }, (_, i) => ({ code: `p${i}`, parent: 'zone' }))];
const total = (returns: ParkReturnValues[], code: string, n: number, periodDays = 365) =>
  consolidate(CAT, '2025', returns, { periodDays, units: unitsOf(n) }).rows.find((r) => r.indicator === code)!.total;

const amount = fc.double({ min: -1e12, max: 1e12, noNaN: true });
const blankOr = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });

describe('consolidation properties', () => {
  it('a sum is the sum of the parts, whatever the order the returns arrive in', () => {
    fc.assert(
      fc.property(
        fc.array(blankOr(amount), { minLength: 1, maxLength: 8 }).chain((values) =>
          fc.tuple(
            fc.constant(values),
            fc.shuffledSubarray(
              values.map((_, i) => i),
              { minLength: values.length },
            ),
          ),
        ),
        ([values, order]) => {
          const returns = values.map((v, i) => ret(`p${i}`, { operating_revenue: v }));
          const shuffled = order.map((i) => returns[i]!);
          const reported = values.filter((v): v is number => v !== null);
          const t = total(returns, 'operating_revenue', values.length);
          expect(t.value).toBe(reported.length === 0 ? null : reported.reduce((a, b) => a + b, 0));
          expect(t.contributing).toHaveLength(reported.length);
          expect(total(shuffled, 'operating_revenue', values.length)).toEqual(t);
        },
      ),
    );
  });

  it('Σnumerator / Σdenominator lies between the smallest and the largest park ratio', () => {
    const park = fc
      .double({ min: 1e-3, max: 1e9, noNaN: true })
      .chain((den) => fc.record({ den: fc.constant(den), num: fc.double({ min: 0, max: den, noNaN: true }) }));
    fc.assert(
      fc.property(fc.array(park, { minLength: 1, maxLength: 8 }), (parks) => {
        const returns = parks.map((p, i) => ret(`p${i}`, { rd_expenditure: p.num, operating_revenue: p.den }));
        const ratios = parks.map((p) => (p.num / p.den) * 100);
        const t = total(returns, 'rd_share', parks.length);
        const slack = 1e-9 * Math.max(1, ...ratios);
        expect(t.value).not.toBeNull();
        expect(t.value!).toBeGreaterThanOrEqual(Math.min(...ratios) - slack);
        expect(t.value!).toBeLessThanOrEqual(Math.max(...ratios) + slack);
      }),
    );
  });

  it('a per-day rate of the zone is the sum of the parks’ per-day rates (days counted once)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(365, 366, 90, 92), (counts, days) => {
        const returns = counts.map((n, i) => ret(`p${i}`, { new_tech_enterprises: n }));
        const t = total(returns, 'daily_new_tech_enterprises', counts.length, days);
        const sumOfRates = counts.reduce((a, n) => a + n / days, 0);
        expect(t.denominator).toBe(days);
        expect(t.value!).toBeCloseTo(sumOfRates, 6);
      }),
    );
  });

  it('never lets NaN or Infinity out, whatever the figures (zeros, blanks, huge numbers)', () => {
    const any = blankOr(fc.oneof(fc.constant(0), fc.double({ noNaN: true, noDefaultInfinity: true })));
    const values = fc.record({
      operating_revenue: any,
      rd_expenditure: any,
      new_tech_enterprises: any,
      featured_share_of_district: any,
    });
    fc.assert(
      fc.property(fc.array(values, { minLength: 0, maxLength: 6 }), (parks) => {
        const returns = parks.map((v, i) => ret(`p${i}`, v));
        const c = consolidate(CAT, '2025', returns, { periodDays: 365, units: unitsOf(Math.max(parks.length, 1)) });
        expect(findNonFinite(c)).toEqual([]);
      }),
    );
  });
});
