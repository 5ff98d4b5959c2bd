import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../index.js';
import { assertOrgTree } from './assert-org-tree.js';
import { consolidateHierarchy } from './consolidate-hierarchy.js';
import { computeOrgUnits } from './compute-org-units.js';
import { computeReportingUnits } from './compute-reporting-units.js';
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
    ret('jinshan', { rd_expenditure: 10, operating_revenue: 100, hnte_valid: 300, hnte_cumulative: 480, featured_industries_scale: 70, district_featured_industries_scale: 100 }),
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

  it('does not add up a share of each park’s own district, but shows each park’s share from its parts', () => {
    const row = zone!.rows.find((r) => r.indicator === 'featured_industries_district_share')!;
    expect(row.total).toMatchObject({ value: null, reason: 'not_additive' });
    // 70 / 100 × 100 = 70%
    expect(row.cells[0]).toEqual({ unit: 'jinshan', value: 70, numerator: 70, denominator: 100 });
  });
});
