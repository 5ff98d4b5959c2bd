import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../index.js';
import { FIRST_RETURN, FIRST_YEAR } from '../evaluation/__fixtures__/catalogue-figures.js';
import { assertOrgTree, computeOrgUnits, computeReportingUnits } from './org-units.js';
import { consolidateHierarchy } from './consolidate.js';
import { findNonFinite } from './__fixtures__/find-non-finite.js';
import { ret } from './__fixtures__/make-return.js';

// The real catalogue (seeds/catalogue), as it stands: these hold for any well-formed catalogue.
const catalogue = loadCatalogue();

describe('consolidation of the real catalogue', () => {
  it('has a well-formed org-unit hierarchy under the zone', () => {
    const units = computeOrgUnits(catalogue);
    expect(() => assertOrgTree(units)).not.toThrow();
    expect(computeReportingUnits(units, 'zone').length).toBeLessThanOrEqual(catalogue.parks.length);
  });

  it('declares components, of known indicators, for every ratio consolidated as a ratio', () => {
    const codes = new Set(catalogue.indicators.map((i) => i.code));
    for (const i of catalogue.indicators.filter((x) => x.consolidation === 'ratio')) {
      expect(i.components, i.code).toBeDefined();
      for (const ref of [i.components!.numerator, i.components!.denominator]) {
        if ('indicator' in ref) expect(codes.has(ref.indicator), `${i.code} → ${ref.indicator}`).toBe(true);
      }
    }
  });

  it('consolidates no returns and every park reporting 1 everywhere without NaN, at every level', () => {
    const ones = Object.fromEntries(catalogue.indicators.map((i) => [i.code, 1]));
    const returns = catalogue.parks.map((p) => ret(p.code, ones));
    for (const rs of [[], returns]) {
      for (const c of consolidateHierarchy(catalogue, '2025', rs, { periodDays: 365 })) {
        expect(findNonFinite(c)).toEqual([]);
        expect(c.rows).toHaveLength(catalogue.indicators.length);
      }
    }
  });
});

describe('consolidating the real catalogue (computed by hand)', () => {
  const returns = [
    ret('jinshan', {
      rd_expenditure: 10,
      operating_revenue: 100,
      hnte_valid: 300,
      hnte_cumulative: 480,
      featured_industries_scale: 70,
      district_featured_industries_scale: 100,
    }),
    ret('minhang', { rd_expenditure: 90, operating_revenue: 300, hnte_valid: 1500 }),
  ];
  const [zone] = consolidateHierarchy(catalogue, '2025', returns, { periodDays: 365 });
  const total = (code: string) => zone!.rows.find((r) => r.indicator === code)!.total;

  it('R&D share is (10 + 90) / (100 + 300) = 25%, not the 20% average of 10% and 30%', () => {
    expect(total('rd_share')).toMatchObject({ value: 25, numerator: 100, denominator: 400 });
  });

  it('keeps 有效期内 (1800) and 累计 (480) high-tech enterprises apart', () => {
    expect(total('hnte_valid').value).toBe(1800);
    expect(total('hnte_cumulative').value).toBe(480);
  });

  it('does not add up a share of a park’s own district; a park not asked for it is 不适用', () => {
    const row = zone!.rows.find((r) => r.indicator === 'featured_industries_district_share')!;
    expect(row.total).toMatchObject({ value: null, reason: 'not_additive' });
    expect(row.asked).toEqual(['fengxian']);
    expect(row.cells[0]).toMatchObject({ unit: 'jinshan', value: null, reason: 'not_applicable' });
  });

  it('gives no zone total to what is a different thing in each park: 主导及特色产业营收 and its share', () => {
    for (const code of ['leading_industries_revenue', 'leading_industries_revenue_share']) {
      expect(zone!.rows.find((r) => r.indicator === code)!.total).toMatchObject({ value: null, reason: 'not_additive' });
    }
  });
});

describe('consolidating the plausible first returns of every park (computed by hand)', () => {
  // The 2025 returns of the four parks whose plans start in 2025 (奉贤园's first return is 2024).
  const parks2025 = Object.keys(FIRST_RETURN).filter((p) => FIRST_YEAR[p] === 2025);
  const [zone] = consolidateHierarchy(
    catalogue,
    '2025',
    parks2025.map((p) => ret(p, FIRST_RETURN[p]!)),
    { periodDays: 365 },
  );
  const row = (code: string) => zone!.rows.find((r) => r.indicator === code)!;

  it('R&D share is Σ研发经费 / Σ营业收入 over the parks that reported both', () => {
    // (560,000 + 6,800,000 + 1,500,000 + 150,000) / (10,000,000 + 100,000,000 + 30,000,000 + 5,000,000)
    expect(row('rd_share').total.numerator).toBe(9_010_000);
    expect(row('rd_share').total.denominator).toBe(145_000_000);
    expect(row('rd_share').total.value).toBeCloseTo((9_010_000 / 145_000_000) * 100, 12);
  });

  it('leading-industry revenue share: each park’s own industries over its revenue, with its components, and no zone total', () => {
    const r = row('leading_industries_revenue_share');
    expect(r.total).toMatchObject({ value: null, reason: 'not_additive' });
    expect(r.cells.find((c) => c.unit === 'qingpu')).toMatchObject({ numerator: 3_300_000, denominator: 5_000_000, value: 66 });
  });

  it('labour productivity is Σ增加值 / Σ从业人员 (万元/人), here 闵行园 alone', () => {
    expect(row('labour_productivity').total).toMatchObject({ value: 50, numerator: 5_000_000, denominator: 100_000, contributing: ['minhang'] });
  });

  it('never adds incubators, talent or enterprises of different definitions', () => {
    // 市级高质量: 闵行园 1 + 金桥园 1; 金山园's 国家级或高质量 and 青浦园's (培育) stay in their own rows.
    expect(row('hq_incubators').total.value).toBe(2);
    expect(row('incubators_national_or_hq').total).toMatchObject({ value: 0, contributing: ['jinshan'] });
    expect(row('hq_incubators_cultivating').total).toMatchObject({ value: 0, contributing: ['qingpu'] });
    expect(row('hnte_valid').total.value).toBe(300 + 1_400 + 900 + 200);
    expect(row('hnte_cumulative').total).toMatchObject({ value: 440, contributing: ['jinshan'] });
    expect(row('leading_industries_talent').total.value).toBe(14_800 + 30_000 + 60_000 + 3_000);
    expect(row('hq_incubators').distinctFrom).toEqual(['hq_incubators_cultivating', 'incubators_national_or_hq', 'incubators_upgraded']);
  });

  it('divides a 日均 rate by the days of the year once (2024: 366), not once per park', () => {
    const returns2024 = [ret('fengxian', FIRST_RETURN['fengxian']!, 1, '2024')];
    const [zone2024] = consolidateHierarchy(catalogue, '2024', returns2024, { periodDays: 366 });
    const daily = zone2024!.rows.find((r) => r.indicator === 'new_tech_enterprises_daily')!;
    expect(daily.total).toMatchObject({ value: 25, numerator: 9_150, denominator: 366 });
    expect(daily.cells.find((c) => c.unit === 'fengxian')!.value).toBe(25);
    // Only 奉贤园 is asked for it: the others are 不适用, not missing.
    expect(daily.asked).toEqual(['fengxian']);
    expect(daily.missing).toEqual([]);
    // A share of a district total and the district total itself are never added up.
    for (const code of ['featured_industries_district_share', 'district_featured_industries_scale']) {
      expect(zone2024!.rows.find((r) => r.indicator === code)!.total).toMatchObject({ value: null, reason: 'not_additive' });
    }
  });
});
