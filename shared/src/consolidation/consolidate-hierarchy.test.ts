import { describe, expect, it } from 'vitest';
import { consolidate, consolidateHierarchy } from './consolidate.js';
import { HIERARCHY_CATALOGUE as CAT } from './__fixtures__/fixture-catalogue.js';
import { ret } from './__fixtures__/make-return.js';

// zone → 金山园, 闵行园 (→ 北区, 南区), 奉贤园. 闵行园 is consolidated from its sub-parks.
const returns = [
  ret('jinshan', { operating_revenue: 1000, rd_expenditure: 60 }),
  ret('minhang_north', { operating_revenue: 100, rd_expenditure: 8 }, 2),
  ret('minhang_south', { operating_revenue: 300, rd_expenditure: 12 }),
  // 闵行园 also sent its own figure: counting it too would count 闵行 twice.
  ret('minhang', { operating_revenue: 400, rd_expenditure: 20 }),
];

describe('consolidation at any org unit of the hierarchy', () => {
  it('at the zone, reads the reporting units (parks without sub-parks, and sub-parks)', () => {
    const c = consolidate(CAT, '2025', returns, { periodDays: 365 });
    expect(c.units).toEqual(['jinshan', 'minhang_north', 'minhang_south', 'fengxian']);
    const revenue = c.rows.find((r) => r.indicator === 'operating_revenue');
    // 1000 + 100 + 300 = 1400, not + 400 again
    expect(revenue?.total.value).toBe(1400);
    expect(c.ignored).toEqual([{ park: 'minhang', version: 1, reason: 'not_reporting_unit' }]);
  });

  it('at a park with sub-parks: 闵行园 = 北区 + 南区; R&D share (8 + 12) / (100 + 300) = 5%', () => {
    const c = consolidate(CAT, '2025', returns, { periodDays: 365, at: 'minhang' });
    expect(c.units).toEqual(['minhang_north', 'minhang_south']);
    expect(c.rows.find((r) => r.indicator === 'operating_revenue')?.total.value).toBe(400);
    expect(c.rows.find((r) => r.indicator === 'rd_share')?.total).toEqual({
      value: 5,
      numerator: 20,
      denominator: 400,
      contributing: ['minhang_north', 'minhang_south'],
    });
    expect(c.sources).toEqual([
      { park: 'minhang_north', version: 2 },
      { park: 'minhang_south', version: 1 },
    ]);
    expect(c.missingReturns).toEqual([]);
  });

  it('consolidates every unit that has sub-units, and the levels agree', () => {
    const all = consolidateHierarchy(CAT, '2025', returns, { periodDays: 365 });
    expect(all.map((c) => c.at)).toEqual(['zone', 'minhang']);
    const zone = all[0]!.rows.find((r) => r.indicator === 'rd_share')!.total;
    // (60 + 8 + 12) / (1000 + 100 + 300) × 100 = 80 / 1400 × 100
    expect(zone.value).toBeCloseTo((80 / 1400) * 100, 12);
  });

  it('works over any hierarchy passed in, not only the catalogue’s', () => {
    const units = [
      { code: 'root', parent: null },
      { code: 'a', parent: 'root' },
      { code: 'jinshan', parent: 'a' },
      { code: 'fengxian', parent: 'a' },
      { code: 'minhang', parent: 'root' },
    ];
    const c = consolidate(CAT, '2025', [ret('jinshan', { operating_revenue: 1 }), ret('fengxian', { operating_revenue: 2 })], {
      periodDays: 365,
      units,
      at: 'a',
    });
    expect(c.rows.find((r) => r.indicator === 'operating_revenue')?.total.value).toBe(3);
  });

  it.each([
    {
      name: 'a cycle',
      units: [
        { code: 'zone', parent: null },
        { code: 'a', parent: 'b' },
        { code: 'b', parent: 'a' },
      ],
      error: /cycle/,
    },
    {
      name: 'an unknown parent',
      units: [
        { code: 'zone', parent: null },
        { code: 'a', parent: 'nowhere' },
      ],
      error: /unknown parent/,
    },
    {
      name: 'a duplicate',
      units: [
        { code: 'zone', parent: null },
        { code: 'zone', parent: null },
      ],
      error: /twice/,
    },
    { name: 'no root', units: [{ code: 'a', parent: 'a' }], error: /no root/ },
  ])('refuses a hierarchy with $name', ({ units, error }) => {
    expect(() => consolidate(CAT, '2025', [], { periodDays: 365, units })).toThrow(error);
  });

  it('refuses an unknown org unit to consolidate at', () => {
    expect(() => consolidate(CAT, '2025', [], { periodDays: 365, at: 'nowhere' })).toThrow(/unknown org unit/);
  });
});
