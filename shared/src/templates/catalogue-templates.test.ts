import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load-catalogue.js';
import { validateReturn } from '../rules/validate-return.js';
import { buildTemplate } from './build-template.js';
import { layoutTemplate } from './layout-template.js';

const catalogue = loadCatalogue();
const common = catalogue.indicators.filter((i) => i.common).map((i) => i.code);

describe.each(catalogue.parks.map((p) => [p.name.zh, p.code] as const))('the real template of %s', (_name, park) => {
  const t = buildTemplate(catalogue, park, { code: '2025', year: 2025, quarter: null }, { periodDays: 365, previous: null, baselines: {} });
  const keys = new Set(t.fields.map((f) => f.key));

  it('holds every target of the park and the whole common set', () => {
    for (const target of catalogue.targets.filter((x) => x.park === park)) expect(keys).toContain(target.indicator);
    for (const code of common) expect(keys).toContain(code);
  });

  it('holds the components of every ratio and rate, and a formula for each', () => {
    const layout = layoutTemplate(t, 'zh');
    for (const f of t.fields.filter((x) => x.derived)) {
      for (const part of [f.formula!.numerator, f.formula!.denominator]) if (part !== 'periodDays') expect(keys).toContain(part);
      expect(layout.rows.find((r) => r.fieldKey === f.key)!.cells.value!.kind).toBe('formula');
    }
  });

  it('refuses an empty return with one coded error per required figure, in both languages', () => {
    const r = validateReturn(t, { templateVersion: t.version, figures: {} });
    const required = t.fields.filter((f) => f.required).length;
    expect(r.issues.filter((i) => i.code === 'value_missing')).toHaveLength(required);
    expect(r.acceptable).toBe(false);
  });
});
