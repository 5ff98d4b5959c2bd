import { describe, expect, it } from 'vitest';
import {
  computeDueDate,
  hasPeriodBegun,
  parsePeriod,
  periodDays,
  periodEnd,
  periodOf,
  periodOrder,
  periodStart,
  previousPeriod,
  reportingDays,
  type Period,
} from './periods.js';

const p = (code: string): Period => {
  const r = parsePeriod(code);
  if (!r.ok) throw new Error(`test fixture ${code} is not a period`);
  return r.period;
};

describe('parsePeriod', () => {
  it.each<[unknown, Period]>([
    ['2025', { code: '2025', year: 2025, quarter: null, kind: 'annual' }],
    ['2025Q3', { code: '2025Q3', year: 2025, quarter: 3, kind: 'quarterly' }],
    ['2025q1', { code: '2025Q1', year: 2025, quarter: 1, kind: 'quarterly' }],
    [' 2024Q4 ', { code: '2024Q4', year: 2024, quarter: 4, kind: 'quarterly' }],
    ['２０２５Ｑ２', { code: '2025Q2', year: 2025, quarter: 2, kind: 'quarterly' }],
    ['\u30002026\u3000', { code: '2026', year: 2026, quarter: null, kind: 'annual' }],
    [2025, { code: '2025', year: 2025, quarter: null, kind: 'annual' }],
  ])('%j', (raw, period) => {
    expect(parsePeriod(raw)).toEqual({ ok: true, period });
  });

  it.each<[unknown, string]>([
    ['', 'period_invalid'],
    ['2025Q0', 'period_invalid'],
    ['2025Q5', 'period_invalid'],
    ['2025-Q3', 'period_invalid'],
    ['2025年', 'period_invalid'],
    ['25', 'period_invalid'],
    ['20250', 'period_invalid'],
    ['Q3', 'period_invalid'],
    [2025.5, 'period_invalid'],
    [null, 'period_invalid'],
    [undefined, 'period_invalid'],
    [{}, 'period_invalid'],
    ['1999', 'period_year_out_of_range'],
    ['2100Q1', 'period_year_out_of_range'],
  ])('refuses %j: %s', (raw, code) => {
    const r = parsePeriod(raw, 'return.period');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue).toMatchObject({ code, severity: 'error', path: 'return.period' });
  });

  it('tells the statistician the two forms it accepts', () => {
    const r = parsePeriod('2025年三季度');
    expect(!r.ok && r.issue.message.zh).toContain('2025Q3');
    expect(!r.ok && r.issue.message.en).toContain("'2025年三季度'");
  });
});

describe('periodDays', () => {
  it.each([
    ['2025', 365],
    ['2024', 366],
    ['2000', 366],
    ['2025Q1', 90],
    ['2024Q1', 91],
    ['2025Q2', 91],
    ['2025Q3', 92],
    ['2025Q4', 92],
    ['2024Q4', 92],
  ])('%s has %i days', (code, days) => expect(periodDays(p(code))).toBe(days));

  it('2100 is not a leap year (century rule)', () => {
    expect(periodDays(periodOf(2100, null))).toBe(365);
    expect(periodDays(periodOf(2100, 1))).toBe(90);
  });
});

describe('previousPeriod, periodStart, periodEnd', () => {
  it.each([
    ['2025', '2024'],
    ['2025Q1', '2024Q4'],
    ['2025Q2', '2025Q1'],
    ['2025Q3', '2025Q2'],
    ['2025Q4', '2025Q3'],
  ])('before %s comes %s', (code, before) => expect(previousPeriod(p(code))).toEqual(p(before)));

  it.each([
    ['2025', '2025-01-01', '2025-12-31'],
    ['2025Q1', '2025-01-01', '2025-03-31'],
    ['2025Q2', '2025-04-01', '2025-06-30'],
    ['2025Q3', '2025-07-01', '2025-09-30'],
    ['2025Q4', '2025-10-01', '2025-12-31'],
  ])('%s runs from %s to %s', (code, start, end) => {
    expect(periodStart(p(code))).toBe(start);
    expect(periodEnd(p(code))).toBe(end);
  });
});

describe('reportingDays: flows are reported year-to-date (本年累计)', () => {
  it.each([
    [2025, null, 365],
    [2024, null, 366],
    [2025, 1, 90],
    [2024, 1, 91],
    [2025, 2, 181],
    [2025, 3, 273],
    [2025, 4, 365],
    [2024, 4, 366],
  ] as const)('%i Q%s covers %i days', (year, quarter, days) => {
    expect(reportingDays(periodOf(year, quarter))).toBe(days);
  });
});

describe('periodOrder: periods sorted by when they end', () => {
  it('orders quarters, then the year after its fourth quarter, then the next year', () => {
    const codes = ['2026Q1', '2025', '2025Q4', '2024', '2025Q1', '2025Q3', '2025Q2'];
    expect(
      codes
        .map(p)
        .sort((a, b) => periodOrder(a) - periodOrder(b))
        .map((x) => x.code),
    ).toEqual(['2024', '2025Q1', '2025Q2', '2025Q3', '2025Q4', '2025', '2026Q1']);
  });
});

describe('computeDueDate: the end of the last day on time, China Standard Time', () => {
  it.each([
    ['2025Q1', 0, '2025-03-31T15:59:59.999Z'],
    ['2025Q1', 15, '2025-04-15T15:59:59.999Z'],
    ['2025', 31, '2026-01-31T15:59:59.999Z'],
    ['2024Q4', 1, '2025-01-01T15:59:59.999Z'],
  ])('%s with %i days allowed is due %s', (code, days, due) => {
    expect(computeDueDate(p(code), days).toISOString()).toBe(due);
  });
});

describe('hasPeriodBegun: from the first day, 00:00 China Standard Time', () => {
  it.each([
    ['2026Q2', '2026-03-31T15:59:59.999Z', false],
    ['2026Q2', '2026-03-31T16:00:00.000Z', true],
    ['2026', '2025-12-31T15:59:59.999Z', false],
    ['2026', '2025-12-31T16:00:00.000Z', true],
    ['2025Q4', '2026-12-04T00:00:00.000Z', true],
    ['2099Q4', '2026-12-04T00:00:00.000Z', false],
  ])('%s at %s: %s', (code, now, begun) => {
    expect(hasPeriodBegun(p(code), new Date(now))).toBe(begun);
  });
});
