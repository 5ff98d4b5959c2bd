import { describe, expect, it } from 'vitest';
import type { ReturnInput } from '../api/returns.js';
import { loadCatalogue } from '../catalogue/load-catalogue.js';
import { BASELINES, FIRST_RETURN, FIRST_YEAR } from '../evaluation/__fixtures__/catalogue-figures.js';
import { periodDays, periodOf } from '../periods/periods.js';
import { buildTemplate } from '../templates/build-template.js';
import type { TemplateModel } from '../templates/template-model.js';
import { validateReturn } from './validate-return.js';

/**
 * The first return of every park of the real catalogue, validated against its real template, with
 * the plausible figures of the evaluation fixture: what a statistician expects to pass passes, and
 * what they expect to be caught (a share above 100%, a part larger than its whole in the baseline,
 * a 万元/亿元 slip against the baseline) is caught.
 */
const catalogue = loadCatalogue();
const firstTemplate = (park: string): TemplateModel => {
  const year = FIRST_YEAR[park]!;
  return buildTemplate(
    catalogue,
    park,
    { code: String(year), year, quarter: null },
    { periodDays: periodDays(periodOf(year, null)), previous: null, baselines: {} },
  );
};
const validate = (park: string, figures: Record<string, unknown> = {}, baselines: Record<string, unknown> = {}, more: Partial<ReturnInput> = {}) => {
  const t = firstTemplate(park);
  const ownBaselines = Object.fromEntries(
    t.fields.filter((f) => f.baseline?.value === null && !f.derived).map((f) => [f.key, BASELINES[park]![f.key] ?? null]),
  );
  return validateReturn(t, {
    templateVersion: t.version,
    // The template's own rows: a figure that answers two indicators (sameFigures) is typed once.
    figures: Object.fromEntries(
      Object.entries({ ...FIRST_RETURN[park], ...figures }).filter(([k]) => t.fields.some((f) => f.key === k)),
    ) as ReturnInput['figures'],
    baselines: Object.fromEntries(Object.entries({ ...ownBaselines, ...baselines }).filter(([k]) => t.fields.some((f) => f.key === k))) as NonNullable<
      ReturnInput['baselines']
    >,
    ...more,
  });
};
const codes = (r: ReturnType<typeof validateReturn>) => r.issues.map((i) => `${i.severity}:${i.code}@${i.path}`).sort();

describe('first returns of the real catalogue', () => {
  it.each(Object.keys(FIRST_RETURN))('%s: plausible figures raise no error', (park) => {
    const r = validate(park);
    expect(codes(r).filter((c) => c.startsWith('error'))).toEqual([]);
    for (const [key, value] of Object.entries(FIRST_RETURN[park]!)) expect(r.values[key], key).toBe(value);
  });

  it('computes the baseline of a 日均 rate over the days of the baseline year (2023: 365), not of the return’s year (2024: 366)', () => {
    const r = validate('fengxian');
    expect(r.derived['new_tech_enterprises_daily']!.value).toBeCloseTo(9_150 / 366, 12);
    expect(r.baselines['new_tech_enterprises_daily']).toBeCloseTo(7_300 / 365, 12);
  });

  it('refuses a share of the district above 100% (the park’s industries cannot exceed the district’s)', () => {
    const r = validate('fengxian', { featured_industries_scale: 7_500_000 });
    expect(codes(r)).toContain('error:derived_out_of_range@figures.featured_industries_district_share');
    expect(r.issues.find((i) => i.code === 'derived_out_of_range')!.message.zh).toContain('107.14%');
  });

  it('refuses a baseline share above 100% too', () => {
    const r = validate('fengxian', {}, { featured_industries_scale: 6_600_000 });
    expect(codes(r)).toContain('error:derived_out_of_range@baselines.featured_industries_district_share');
  });

  it('refuses a baseline part larger than its whole (研发经费支出 ≤ 营业收入 in the baseline year too)', () => {
    const r = validate('minhang', {}, { rd_expenditure: 95_000_000 });
    expect(codes(r)).toContain('error:part_exceeds_whole@baselines.rd_expenditure');
  });

  it('checks a part against the whole of its whole when the whole in between is declared 无', () => {
    // 高端化工新材料 ⊂ 主导及特色产业 ⊂ 营业收入: with the middle one not reported, 11,000,000 > 10,000,000 is still caught.
    const r = validate(
      'jinshan',
      { chemical_new_materials_scale: 11_000_000, leading_industries_revenue: '无' },
      {},
      {
        explanations: { 'field:leading_industries_revenue': '口径调整中' },
      },
    );
    expect(codes(r)).toContain('error:part_exceeds_whole@figures.chemical_new_materials_scale');
  });

  it('does not report a part twice when every whole is reported', () => {
    const r = validate('jinshan', { chemical_new_materials_scale: 11_000_000 });
    expect(codes(r).filter((c) => c.includes('part_exceeds_whole'))).toEqual(['error:part_exceeds_whole@figures.chemical_new_materials_scale']);
  });

  describe('the first return against its baseline (the year before, i.e. the previous year)', () => {
    it('catches a baseline typed in 亿元 in a 万元 field as a 10000× slip', () => {
      const r = validate('jinshan', {}, { chemical_new_materials_scale: 300 });
      expect(codes(r)).toContain('error:magnitude_slip_up@figures.chemical_new_materials_scale');
    });

    it('catches a figure typed in 万人 in a 人 field against its baseline', () => {
      const r = validate('minhang', { leading_industries_talent: 3 });
      expect(codes(r)).toContain('error:magnitude_slip_down@figures.leading_industries_talent');
    });

    it('refuses a running total (累计) below its baseline', () => {
      const r = validate('minhang', { fund_scale_cumulative: 2_400_000 });
      expect(codes(r)).toContain('error:cumulative_decreased@figures.fund_scale_cumulative');
    });

    it('warns on a change beyond ±50% from the baseline', () => {
      const r = validate('jinqiao', { pct_applications: 700 });
      expect(codes(r)).toContain('warning:change_beyond_band@figures.pct_applications');
      expect(r.issues.find((i) => i.code === 'change_beyond_band')!.message.zh).toContain('基期');
    });

    it('does not compare a quarter with the annual baseline', () => {
      const t = buildTemplate(catalogue, 'minhang', { code: '2025Q1', year: 2025, quarter: 1 }, { periodDays: 90, previous: null, baselines: {} });
      expect(t.rules.filter((r) => r.kind === 'magnitude_slip' || r.kind === 'change_band' || r.kind === 'not_decreasing')).toEqual([]);
    });
  });

  it('refuses a typed share that Excel handed over as a fraction (0.068 for 6.8%)', () => {
    const r = validate('minhang', { rd_share: 0.068 });
    expect(codes(r)).toContain('error:ratio_inconsistent@figures.rd_share');
    expect(r.acceptable).toBe(false);
  });
});
