import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTemplate } from '../templates/build-template.js';
import { MINI_CATALOGUE } from '../templates/__fixtures__/mini-catalogue.js';
import { computeDerived } from './compute-derived.js';
import { validateReturn } from './validate-return.js';

const template = buildTemplate(
  MINI_CATALOGUE,
  'alpha',
  { code: '2026', year: 2026, quarter: null },
  {
    periodDays: 365,
    previous: {
      period: '2025',
      values: { high_tech_enterprises: 450, drug_approvals_new: 9, industry_scale: 1_500_000, operating_revenue: 2_000_000, rd_expenditure: 120_000 },
    },
    baselines: {},
  },
);
const keys = template.fields.map((f) => f.key);
const cell = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null), fc.constantFrom('无', '—', '', '3.4万', '1.2亿元', '１２３', '12%'));
const figures = fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string()), cell);
const finiteOrNull = (v: number | null) => v === null || Number.isFinite(v);

describe('validateReturn properties', () => {
  it('never throws, never lets NaN or Infinity out, and is acceptable exactly when nothing blocks', () => {
    fc.assert(
      fc.property(figures, figures, fc.dictionary(fc.string(), fc.string()), (figs, base, explanations) => {
        const r = validateReturn(template, { templateVersion: template.version, figures: figs, baselines: base, explanations });
        expect(Object.values(r.values).every(finiteOrNull)).toBe(true);
        expect(Object.values(r.baselines).every(finiteOrNull)).toBe(true);
        expect(Object.values(r.derived).every((d) => finiteOrNull(d.value))).toBe(true);
        expect(r.errorCount + r.warningCount).toBe(r.issues.length);
        expect(r.acceptable).toBe(r.errorCount === 0 && r.unexplained.length === 0);
        for (const i of r.issues) expect(i.message.zh.length > 0 && i.message.en.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses each non-blank explanation keyed to neither an issue of this validation nor a field, and nothing else', () => {
    fc.assert(
      fc.property(
        figures,
        fc.dictionary(
          fc.oneof(fc.string(), fc.constantFrom(...keys.map((k) => `field:${k}`), 'field:x', 'change_beyond_band@figures.industry_scale')),
          fc.string(),
        ),
        (figs, explanations) => {
          const r = validateReturn(template, { templateVersion: template.version, figures: figs, explanations });
          const issueKeys = new Set(r.issues.filter((i) => i.code !== 'explanation_unmatched').map((i) => `${i.code}@${i.path}`));
          const unmatched = Object.entries(explanations)
            .filter(([key, text]) => text.trim() !== '' && !(key.startsWith('field:') ? keys.includes(key.slice(6)) : issueKeys.has(key)))
            .map(([key]) => `explanations.${key}`);
          expect(
            r.issues
              .filter((i) => i.code === 'explanation_unmatched')
              .map((i) => i.path)
              .sort(),
          ).toEqual(unmatched.sort());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same input gives the same issues', () => {
    fc.assert(
      fc.property(figures, (figs) => {
        const input = { templateVersion: template.version, figures: figs };
        expect(validateReturn(template, input)).toEqual(validateReturn(template, input));
      }),
      { numRuns: 100 },
    );
  });
});

describe('computeDerived properties', () => {
  it('is numerator/denominator × scale, or a coded null', () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e12 })),
        fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e12 })),
        (num, den) => {
          const d = computeDerived(template.fields, { rd_expenditure: num, operating_revenue: den }, 365).rd_share!;
          if (num === null || den === null) expect(d).toMatchObject({ value: null, reason: 'missing_component' });
          else if (!Number.isFinite((num / den) * 100)) expect(d).toMatchObject({ value: null, reason: 'division_by_zero' });
          else {
            expect(d.value).toBeCloseTo((num / den) * 100, 6);
            expect(Number.isFinite(d.value)).toBe(true);
          }
        },
      ),
    );
  });
});
