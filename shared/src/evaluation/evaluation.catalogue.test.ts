import { describe, expect, it } from 'vitest';
import { findNonFinite } from '../consolidation/__fixtures__/find-non-finite.js';
import { loadCatalogue } from '../index.js';
import { computeCanonicalTarget } from './compute-canonical-target.js';
import { evaluateYear } from './evaluate-year.js';
import { rankParks } from './rank-parks.js';

// The real catalogue (seeds/catalogue), as it stands: these hold for any well-formed catalogue.
const catalogue = loadCatalogue();
const indicatorOf = (code: string) => catalogue.indicators.find((i) => i.code === code);

describe('evaluation of the real catalogue', () => {
  it('can state every target in its indicator’s canonical unit', () => {
    for (const t of catalogue.targets) {
      const indicator = indicatorOf(t.indicator);
      expect(indicator, t.id).toBeDefined();
      expect(() => computeCanonicalTarget(t, indicator!), t.id).not.toThrow();
    }
  });

  it('gives a range target a high end above its low end', () => {
    for (const t of catalogue.targets.filter((x) => x.comparison === 'range')) {
      expect(t.valueHigh, t.id).toBeGreaterThan(t.value);
    }
  });

  it('with no returns, reports every started target as 未报送 and never NaN', () => {
    for (const year of [2024, 2025, 2026]) {
      const y = evaluateYear(catalogue, year, [], { baselines: {} });
      expect(y.evaluations.every((e) => e.status === 'not_reported')).toBe(true);
      expect(findNonFinite(y)).toEqual([]);
      const started = catalogue.targets.filter((t) => catalogue.parks.find((p) => p.code === t.park)!.plan.startYear <= year);
      expect(y.evaluations).toHaveLength(started.length);
    }
  });

  it('with every figure and baseline reported as 1, evaluates every target without NaN', () => {
    const ones = Object.fromEntries(catalogue.indicators.map((i) => [i.code, 1]));
    const history = catalogue.parks.map((p) => ({ park: p.code, period: '2025', version: 1, values: ones }));
    const baselines = Object.fromEntries(catalogue.parks.map((p) => [p.code, ones]));
    const y = evaluateYear(catalogue, 2025, history, { baselines });
    expect(findNonFinite(y)).toEqual([]);
    expect(y.evaluations.every((e) => e.actual.value !== null)).toBe(true);
    expect(findNonFinite(rankParks(catalogue, 2025, history))).toEqual([]);
  });

  it('flags the targets of draft plans', () => {
    const y = evaluateYear(catalogue, 2026, [], { baselines: {} });
    for (const e of y.evaluations) expect(e.draftPlan).toBe(catalogue.parks.find((p) => p.code === e.park)!.draft);
  });
});
