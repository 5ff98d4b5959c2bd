import { describe, expect, it } from 'vitest';
import { consolidate } from './consolidate.js';
import type { Consolidation, ConsolidatedRow } from './consolidation-result.js';
import { ASKED_CATALOGUE, CONSOLIDATION_CATALOGUE as CAT } from './__fixtures__/fixture-catalogue.js';
import { findNonFinite } from './__fixtures__/find-non-finite.js';
import { ret } from './__fixtures__/make-return.js';
import type { ParkReturnValues } from './park-returns.js';

const row = (c: Consolidation, code: string): ConsolidatedRow => {
  const r = c.rows.find((x) => x.indicator === code);
  if (!r) throw new Error(`no row ${code}`);
  return r;
};
const run = (returns: ParkReturnValues[], periodDays = 365) => consolidate(CAT, '2025', returns, { periodDays });

describe('consolidate: worked examples (computed by hand)', () => {
  it.each([
    {
      name: 'sum: 营业收入 1000 + 3000 万元, 奉贤园 has no return',
      returns: [ret('jinshan', { operating_revenue: 1000 }), ret('minhang', { operating_revenue: 3000 })],
      code: 'operating_revenue',
      total: { value: 4000, numerator: null, denominator: null, contributing: ['jinshan', 'minhang'] },
      missing: ['fengxian'],
    },
    {
      // 金山 10/100 = 10%, 闵行 90/300 = 30%. Average of percentages (10 + 30) / 2 = 20% is wrong:
      // the zone spent 100 of 400 on R&D, Σ/Σ = 100 / 400 × 100 = 25%.
      name: 'ratio: R&D share is Σ研发经费 / Σ营业收入 = 25%, not the 20% average of percentages',
      returns: [ret('jinshan', { rd_expenditure: 10, operating_revenue: 100 }), ret('minhang', { rd_expenditure: 90, operating_revenue: 300 })],
      code: 'rd_share',
      total: { value: 25, numerator: 100, denominator: 400, contributing: ['jinshan', 'minhang'] },
      missing: ['fengxian'],
    },
    {
      // 金山 3650 / 365 = 10 a day, 闵行 7300 / 365 = 20 a day. Zone: 10950 / 365 = 30 a day, the days
      // counted once; Σdays per park (730) would halve it to 15.
      name: 'per-day rate: 日均新增 = Σ新增 / days of the period (once), 30 = 10 + 20',
      returns: [ret('jinshan', { new_tech_enterprises: 3650 }), ret('minhang', { new_tech_enterprises: 7300 })],
      code: 'daily_new_tech_enterprises',
      total: { value: 30, numerator: 10950, denominator: 365, contributing: ['jinshan', 'minhang'] },
      missing: ['fengxian'],
    },
    {
      // 闵行 left 营业收入 blank: it reported only one component, so it is left out of both sums:
      // 10 / 100 = 10%, not (10 + 90) / 100 = 100%.
      name: 'ratio: a park with one component blank contributes to neither sum',
      returns: [
        ret('jinshan', { rd_expenditure: 10, operating_revenue: 100 }),
        ret('minhang', { rd_expenditure: 90, operating_revenue: null }),
        ret('fengxian', { rd_expenditure: null, operating_revenue: 500 }),
      ],
      code: 'rd_share',
      total: { value: 10, numerator: 10, denominator: 100, contributing: ['jinshan'] },
      missing: ['minhang', 'fengxian'],
    },
    {
      name: 'division by zero: every park reported 0 / 0: coded, no NaN',
      returns: [ret('jinshan', { rd_expenditure: 0, operating_revenue: 0 }), ret('minhang', { rd_expenditure: 0, operating_revenue: 0 })],
      code: 'rd_share',
      total: { value: null, numerator: 0, denominator: 0, contributing: ['jinshan', 'minhang'], reason: 'division_by_zero' },
      missing: ['fengxian'],
    },
    {
      name: "none: a share of the park's own district is not added up",
      returns: [ret('jinshan', { featured_share_of_district: 70 }), ret('fengxian', { featured_share_of_district: 40 })],
      code: 'featured_share_of_district',
      total: { value: null, numerator: null, denominator: null, contributing: [], reason: 'not_additive' },
      missing: ['minhang'],
    },
    {
      name: 'no park reported: no total (blank is not 0)',
      returns: [ret('jinshan', { operating_revenue: null })],
      code: 'operating_revenue',
      total: { value: null, numerator: null, denominator: null, contributing: [], reason: 'no_contributors' },
      missing: ['jinshan', 'minhang', 'fengxian'],
    },
  ])('$name', ({ returns, code, total, missing }) => {
    const c = run(returns);
    expect(row(c, code).total).toEqual(total);
    expect(row(c, code).missing).toEqual(missing);
    expect(findNonFinite(c)).toEqual([]);
  });

  it('shows each park’s ratio with its components, and the zero-denominator cell coded', () => {
    const c = run([ret('jinshan', { rd_expenditure: 10, operating_revenue: 100 }), ret('minhang', { rd_expenditure: 0, operating_revenue: 0 })]);
    expect(row(c, 'rd_share').cells).toEqual([
      { unit: 'jinshan', value: 10, numerator: 10, denominator: 100 },
      { unit: 'minhang', value: null, numerator: 0, denominator: 0, reason: 'division_by_zero' },
      { unit: 'fengxian', value: null, numerator: null, denominator: null, reason: 'no_return' },
    ]);
    expect(row(c, 'rd_share').components).toEqual({ numerator: 'rd_expenditure', denominator: 'operating_revenue', scale: 100 });
    // 闵行 reported 0 / 0: it is not missing, and adds nothing: 10 / 100.
    expect(row(c, 'rd_share').total).toMatchObject({ value: 10, contributing: ['jinshan', 'minhang'] });
  });

  it.each([
    // 2024 is a leap year: 10980 / 366 = 30 a day; the same count over 365 days is 30.08.
    { periodDays: 366, value: 30 },
    { periodDays: 365, value: 10980 / 365 },
  ])('per-day rate over $periodDays days = $value', ({ periodDays, value }) => {
    const c = run([ret('jinshan', { new_tech_enterprises: 4000 }), ret('minhang', { new_tech_enterprises: 6980 })], periodDays);
    expect(row(c, 'daily_new_tech_enterprises').total.value).toBeCloseTo(value, 12);
    expect(row(c, 'daily_new_tech_enterprises').total.denominator).toBe(periodDays);
  });

  it('never adds figures of different definitions: 有效期内 and 累计 高新技术企业 stay apart', () => {
    const c = run([ret('jinshan', { hightech_cumulative: 500 }), ret('minhang', { hightech_valid: 1550 }), ret('fengxian', { hightech_valid: 100 })]);
    expect(row(c, 'hightech_valid').total.value).toBe(1650);
    expect(row(c, 'hightech_cumulative').total.value).toBe(500);
    expect(row(c, 'hightech_valid').distinctFrom).toEqual(['hightech_cumulative']);
  });

  it('names the versions used and the returns missing', () => {
    const c = run([ret('jinshan', { operating_revenue: 1 }, 3), ret('fengxian', { operating_revenue: 2 }, 1)]);
    expect(c.sources).toEqual([
      { park: 'jinshan', version: 3 },
      { park: 'fengxian', version: 1 },
    ]);
    expect(c.missingReturns).toEqual(['minhang']);
    expect(c.units).toEqual(['jinshan', 'minhang', 'fengxian']);
    expect(c.at).toBe('zone');
  });

  it('lists a return of a unit outside the hierarchy as ignored, never silently', () => {
    const c = run([ret('jinshan', { operating_revenue: 1 }), ret('atlantis', { operating_revenue: 1000 })]);
    expect(row(c, 'operating_revenue').total.value).toBe(1);
    expect(c.ignored).toEqual([{ park: 'atlantis', version: 1, reason: 'unknown_unit' }]);
  });

  it('says which returned (退回) versions it did not read: behind an earlier version, or behind none', () => {
    const returns = [ret('jinshan', { operating_revenue: 1000 }, 1), ret('fengxian', { operating_revenue: 2 }, 1)];
    const returned = [
      { park: 'jinshan', version: 2 },
      { park: 'minhang', version: 1 },
      { park: 'atlantis', version: 1 }, // not a unit of the hierarchy: not this consolidation's to explain
    ];
    const c = consolidate(CAT, '2025', returns, { periodDays: 365, returned });
    expect(row(c, 'operating_revenue').total.value).toBe(1002);
    expect(c.sources).toEqual([
      { park: 'jinshan', version: 1 },
      { park: 'fengxian', version: 1 },
    ]);
    expect(c.missingReturns).toEqual(['minhang']);
    expect(c.ignored).toEqual([
      { park: 'jinshan', version: 2, reason: 'returned' },
      { park: 'minhang', version: 1, reason: 'returned' },
    ]);
  });

  it('has one row per catalogue indicator, in catalogue order', () => {
    expect(run([]).rows.map((r) => r.indicator)).toEqual(CAT.indicators.map((i) => i.code));
  });
});

describe('consolidate: misuse throws', () => {
  it.each([
    { name: 'two returns of one park', returns: [ret('jinshan', {}, 1), ret('jinshan', {}, 2)], days: 365, error: /two returns/ },
    { name: 'a return of another period', returns: [ret('jinshan', {}, 1, '2024')], days: 365, error: /period 2024/ },
    { name: 'a NaN value', returns: [ret('jinshan', { operating_revenue: Number.NaN })], days: 365, error: /non-finite/ },
    { name: 'zero days', returns: [], days: 0, error: /periodDays/ },
  ])('$name', ({ returns, days, error }) => {
    expect(() => consolidate(CAT, '2025', returns, { periodDays: days })).toThrow(error);
  });
});

describe('consolidate: 无 (declared none) is an answer: 0, not 未填报 (docs/domain.md, "Declared none (无)")', () => {
  const withNone = (park: string, values: Record<string, number | null>, declaredNone: string[]): ParkReturnValues => ({ ...ret(park, values), declaredNone });

  it('a sum: the 无 park answered 0, counts among the contributors and is not missing; a blank park still is', () => {
    const c = run([
      ret('jinshan', { operating_revenue: 1000 }),
      withNone('minhang', { operating_revenue: 0 }, ['operating_revenue']),
      ret('fengxian', { operating_revenue: null }),
    ]);
    const r = row(c, 'operating_revenue');
    expect(r.cells.map((x) => [x.unit, x.value, x.declaredNone ?? false, x.reason ?? null])).toEqual([
      ['jinshan', 1000, false, null],
      ['minhang', 0, true, null],
      ['fengxian', null, false, 'not_reported'],
    ]);
    expect(r.total).toEqual({ value: 1000, numerator: null, denominator: null, contributing: ['jinshan', 'minhang'] });
    expect(r.missing).toEqual(['fengxian']);
  });

  it('a ratio: R&D 无 with revenue 300 is 0% and its 300 stays in Σ营业收入 (10 / 400 = 2.5%, not 10 / 100 = 10%)', () => {
    const c = run([
      ret('jinshan', { rd_expenditure: 10, operating_revenue: 100 }),
      withNone('minhang', { rd_expenditure: 0, operating_revenue: 300 }, ['rd_expenditure']),
      // One component 无, the other blank: the figure is still not reported.
      withNone('fengxian', { rd_expenditure: 0, operating_revenue: null }, ['rd_expenditure']),
    ]);
    const r = row(c, 'rd_share');
    expect(r.cells.map((x) => [x.value, x.numerator, x.denominator, x.reason ?? null])).toEqual([
      [10, 10, 100, null],
      [0, 0, 300, null],
      [null, 0, null, 'missing_component'],
    ]);
    expect(r.total).toEqual({ value: 2.5, numerator: 10, denominator: 400, contributing: ['jinshan', 'minhang'] });
    expect(r.missing).toEqual(['fengxian']);
    expect(row(c, 'rd_expenditure').cells.map((x) => [x.value, x.declaredNone ?? false])).toEqual([
      [10, false],
      [0, true],
      [0, true],
    ]);
  });

  it('a version stored before 无 was kept as 0 (null, listed as declared none) is read the same: 0', () => {
    const r = row(
      run([
        ret('jinshan', { rd_expenditure: 10, operating_revenue: 100 }),
        withNone('minhang', { rd_expenditure: null, operating_revenue: 300 }, ['rd_expenditure']),
      ]),
      'rd_share',
    );
    expect(r.total).toEqual({ value: 2.5, numerator: 10, denominator: 400, contributing: ['jinshan', 'minhang'] });
  });

  it("无 in the denominator makes that park's ratio not computable (分母为0); it adds nothing to Σ", () => {
    const c = run([
      ret('jinshan', { rd_expenditure: 10, operating_revenue: 100 }),
      withNone('minhang', { rd_expenditure: 0, operating_revenue: 0 }, ['rd_expenditure', 'operating_revenue']),
    ]);
    const r = row(c, 'rd_share');
    expect(r.cells[1]).toMatchObject({ value: null, reason: 'division_by_zero' });
    expect(r.total).toMatchObject({ value: 10, numerator: 10, denominator: 100 });
  });

  it('a declaredNone code with a value other than 0 is read as the value (the value wins)', () => {
    const r = row(run([withNone('jinshan', { operating_revenue: 5 }, ['operating_revenue'])]), 'operating_revenue');
    expect(r.cells[0]).toEqual({ unit: 'jinshan', value: 5, numerator: null, denominator: null });
  });
});

// docs/domain.md, "Blank, not applicable, not reported" and "Consolidation".
describe('consolidate: an indicator a park was never asked for is 不适用, not missing', () => {
  const c = consolidate(
    ASKED_CATALOGUE,
    '2025',
    [ret('jinshan', { hightech_cumulative: 480, hightech_valid: 300 }), ret('minhang', { hightech_valid: 1_200 })],
    { periodDays: 365 },
  );

  it('marks the parks not asked not_applicable, lists only the parks asked, and misses none of the others', () => {
    const r = row(c, 'hightech_cumulative');
    expect(r.cells.map((x) => x.reason ?? null)).toEqual([null, 'not_applicable', 'not_applicable']);
    expect(r.asked).toEqual(['jinshan']);
    expect(r.missing).toEqual([]);
    expect(r.total).toMatchObject({ value: 480, contributing: ['jinshan'] });
  });

  it('counts only the parks asked for a common figure: 奉贤园 has no return, so 2 of 3', () => {
    const r = row(c, 'hightech_valid');
    expect(r.asked).toEqual(['jinshan', 'minhang', 'fengxian']);
    expect(r.total).toMatchObject({ value: 1_500, contributing: ['jinshan', 'minhang'] });
    expect(r.missing).toEqual(['fengxian']);
  });

  it('asks nobody for an indicator no park has a target on, in the common set or as a component', () => {
    expect(row(c, 'daily_new_tech_enterprises').asked).toEqual([]);
    expect(row(c, 'daily_new_tech_enterprises').cells.every((x) => x.reason === 'not_applicable')).toBe(true);
  });
});
