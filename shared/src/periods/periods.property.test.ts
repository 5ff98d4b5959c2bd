import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriod, PERIOD_MAX_YEAR, PERIOD_MIN_YEAR, periodDays, periodEnd, periodOf, periodStart, previousPeriod, type Quarter } from './periods.js';

const year = fc.integer({ min: PERIOD_MIN_YEAR + 1, max: PERIOD_MAX_YEAR });
const quarter = fc.constantFrom<Quarter | null>(null, 1, 2, 3, 4);
const period = fc.tuple(year, quarter).map(([y, q]) => periodOf(y, q));
const DAY = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('period properties', () => {
  it('the code parses back to the same period', () => {
    fc.assert(
      fc.property(period, (p) => {
        expect(parsePeriod(p.code)).toEqual({ ok: true, period: p });
      }),
    );
  });

  it('days agree with the calendar: end − start + 1', () => {
    fc.assert(
      fc.property(period, (p) => {
        expect((utc(periodEnd(p)) - utc(periodStart(p))) / DAY + 1).toBe(periodDays(p));
      }),
    );
  });

  it('the four quarters add up to the year', () => {
    fc.assert(
      fc.property(year, (y) => {
        const quarters = ([1, 2, 3, 4] as const).map((q) => periodDays(periodOf(y, q)));
        expect(quarters.reduce((a, b) => a + b, 0)).toBe(periodDays(periodOf(y, null)));
      }),
    );
  });

  it('the previous period ends the day before this one starts, and is of the same kind', () => {
    fc.assert(
      fc.property(period, (p) => {
        const before = previousPeriod(p);
        expect(before.kind).toBe(p.kind);
        expect(utc(periodStart(p)) - utc(periodEnd(before))).toBe(DAY);
      }),
    );
  });

  it('never throws for any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.anything()), (raw) => {
        const r = parsePeriod(raw);
        if (r.ok) expect(r.period.year).toBeGreaterThanOrEqual(PERIOD_MIN_YEAR);
      }),
    );
  });
});
