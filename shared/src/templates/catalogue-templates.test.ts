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

  // One figure, several names: a code answered by another row counts as held.
  const answered = new Set([...keys, ...t.fields.flatMap((f) => (f.sameAs ?? []).map((a) => a.indicator))]);

  it('holds every target of the park and the whole common set', () => {
    for (const target of catalogue.targets.filter((x) => x.park === park)) expect(answered).toContain(target.indicator);
    for (const code of common) expect(answered).toContain(code);
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

describe('奉贤园 reports its 三大特色产业 once: they are its 主导及特色产业 (sameFigures)', () => {
  const t = buildTemplate(catalogue, 'fengxian', { code: '2024', year: 2024, quarter: null }, { periodDays: 366, previous: null, baselines: {} });
  const layout = layoutTemplate(t, 'zh');
  const row = (key: string) => layout.rows.find((r) => r.fieldKey === key);

  it('has one row, saying it answers both, and the share’s formula reads that row', () => {
    expect(row('leading_industries_revenue')).toBeUndefined();
    expect(row('featured_industries_scale')!.cells.label).toEqual({ kind: 'text', text: '三大特色产业总规模（即主导及特色产业营收）' });
    const share = t.fields.find((f) => f.key === 'leading_industries_revenue_share')!;
    expect(share.formula).toMatchObject({ numerator: 'featured_industries_scale', denominator: 'operating_revenue' });
  });

  it('stores the figure (and a 无) under both codes, and computes the share from it', () => {
    const figures = Object.fromEntries(t.fields.filter((f) => !f.derived).map((f) => [f.key, 100]));
    const r = validateReturn(t, { templateVersion: t.version, figures: { ...figures, operating_revenue: 1000, featured_industries_scale: 400 } });
    expect(r.values).toMatchObject({ featured_industries_scale: 400, leading_industries_revenue: 400 });
    expect(r.derived['leading_industries_revenue_share']!.value).toBe(40);
    const none = validateReturn(t, { templateVersion: t.version, figures: { ...figures, featured_industries_scale: '无' } });
    expect(none.declaredNone).toEqual(expect.arrayContaining(['featured_industries_scale', 'leading_industries_revenue']));
    expect(none.values['leading_industries_revenue']).toBe(0);
  });
});

describe('what the real template tells a statistician to report for running totals', () => {
  const label = (park: string, key: string, lang: 'zh' | 'en' = 'zh') => {
    const t = buildTemplate(catalogue, park, { code: '2025', year: 2025, quarter: null }, { periodDays: 365, previous: null, baselines: {} });
    const cell = layoutTemplate(t, lang).rows.find((r) => r.fieldKey === key)!.cells.label!;
    return cell.kind === 'text' ? cell.text : '';
  };

  it('says a total since the plan started is one, with its start year (签约投资额 has no 累计 in its name)', () => {
    expect(label('jinshan', 'biomedicine_signed_investment')).toBe('生物医药产业项目签约投资额（自2025年起累计）');
    expect(label('jinqiao', 'new_industrial_space', 'en')).toBe('New industrial carrier space (total since 2025)');
  });

  it('says a running total counted from before the plan is the period-end total', () => {
    expect(label('jinshan', 'hnte_cumulative')).toContain('期末累计总数');
    expect(label('minhang', 'fund_scale_cumulative')).toContain('期末累计总数');
    expect(label('minhang', 'hnte_valid')).toBe('有效期内高新技术企业数');
  });

  it('does not tell the statistician to count every 累计 figure from the plan start', () => {
    const t = buildTemplate(catalogue, 'jinshan', { code: '2025', year: 2025, quarter: null }, { periodDays: 365, previous: null, baselines: {} });
    const text = layoutTemplate(t, 'zh').instructions.join('\n');
    expect(text).not.toContain('“累计”类指标填写自行动方案起始年以来的累计数');
    expect(text).toContain('含方案起始前');
  });
});
