import { describe, expect, it } from 'vitest';
import { buildTemplate, type TemplateContext } from './build-template.js';
import { MINI_CATALOGUE } from './__fixtures__/mini-catalogue.js';

const P2025 = { code: '2025', year: 2025, quarter: null };
const empty: TemplateContext = { periodDays: 365, previous: null, baselines: {} };

describe('buildTemplate', () => {
  const t = buildTemplate(MINI_CATALOGUE, 'alpha', P2025, empty);
  const field = (key: string) => t.fields.find((f) => f.key === key)!;

  it('holds the park targets first, then the common set, then the components ratios need', () => {
    expect(t.fields.map((f) => [f.key, f.reasons.join('+')])).toEqual([
      ['rd_share', 'target+common'],
      ['high_tech_enterprises', 'target+common'],
      ['drug_approvals_new', 'target'],
      ['industry_scale', 'target'],
      ['operating_revenue', 'component'],
      ['rd_expenditure', 'component'],
    ]);
  });

  it('derives ratios from components and never requires them typed', () => {
    expect(field('rd_share')).toMatchObject({
      derived: true,
      required: false,
      formula: { numerator: 'rd_expenditure', denominator: 'operating_revenue', scale: 100 },
      min: 0,
      max: 100,
    });
    expect(field('operating_revenue')).toMatchObject({ derived: false, required: true });
  });

  it('converts each target into the field unit and keeps the plan wording', () => {
    expect(field('industry_scale').targets[0]).toMatchObject({ value: 180, unit: '亿元', canonicalValue: 1_800_000, quote: '产业规模达到180亿元' });
  });

  it('asks the baseline of targeted figures and of the components of targeted ratios, not of running totals', () => {
    expect(field('high_tech_enterprises').baseline).toEqual({ year: 2024, value: null });
    expect(field('operating_revenue').baseline).toEqual({ year: 2024, value: null });
    expect(field('drug_approvals_new').baseline).toEqual({ year: 2024, value: 0 });
    expect(t.rules).toContainEqual({ kind: 'baseline_required', field: 'high_tech_enterprises' });
    expect(t.rules).not.toContainEqual({ kind: 'baseline_required', field: 'drug_approvals_new' });
  });

  it('derives the rule set from the fields: part ≤ whole, ratio consistency, and in a first return temporal rules against the baseline only', () => {
    expect(t.rules).toContainEqual({ kind: 'part_le_whole', part: 'rd_expenditure', whole: 'operating_revenue', tolerance: 0.005 });
    expect(t.rules).toContainEqual({ kind: 'ratio_consistency', field: 'rd_share', tolerance: 0.05 });
    // 研发经费支出 ⊂ 营业收入 already keeps the share within 0-100%.
    expect(t.rules).not.toContainEqual({ kind: 'derived_in_range', field: 'rd_share' });
    const temporal = t.rules.filter((r) => r.kind === 'change_band' || r.kind === 'not_decreasing' || r.kind === 'magnitude_slip');
    expect(temporal).toContainEqual({ kind: 'magnitude_slip', field: 'industry_scale', factor: 10000, against: 'baseline' });
    expect(temporal.every((r) => 'against' in r && r.against === 'baseline')).toBe(true);
    const quarter = buildTemplate(MINI_CATALOGUE, 'alpha', { code: '2025Q1', year: 2025, quarter: 1 }, { ...empty, periodDays: 90 });
    expect(quarter.rules.some((r) => r.kind === 'change_band' || r.kind === 'not_decreasing' || r.kind === 'magnitude_slip')).toBe(false);
  });

  it('adds temporal rules once there is a previous period', () => {
    const withPrev = buildTemplate(
      MINI_CATALOGUE,
      'alpha',
      { code: '2026', year: 2026, quarter: null },
      {
        periodDays: 365,
        previous: { period: '2025', values: { drug_approvals_new: 9, industry_scale: 1_500_000 } },
        baselines: { high_tech_enterprises: 400 },
      },
    );
    expect(withPrev.fields.find((f) => f.key === 'drug_approvals_new')!.previous).toBe(9);
    expect(withPrev.rules).toContainEqual({ kind: 'not_decreasing', field: 'drug_approvals_new' });
    expect(withPrev.rules).toContainEqual({ kind: 'change_band', field: 'industry_scale', band: 0.5 });
    expect(withPrev.rules).toContainEqual({ kind: 'magnitude_slip', field: 'industry_scale', factor: 10000 });
    expect(withPrev.fields.find((f) => f.key === 'high_tech_enterprises')!.baseline).toEqual({ year: 2024, value: 400 });
  });

  it('does not compare a year-to-date flow of Q1 with Q4 of the year before', () => {
    const q1 = buildTemplate(
      MINI_CATALOGUE,
      'alpha',
      { code: '2026Q1', year: 2026, quarter: 1 },
      {
        periodDays: 90,
        previous: { period: '2025Q4', values: { industry_scale: 1_500_000, high_tech_enterprises: 450 } },
        baselines: {},
      },
    );
    expect(q1.rules).not.toContainEqual(expect.objectContaining({ kind: 'change_band', field: 'industry_scale' }));
    expect(q1.rules).toContainEqual(expect.objectContaining({ kind: 'change_band', field: 'high_tech_enterprises' }));
  });

  it('checks a year-to-date flow of Q2 against Q1 for a unit slip only: Q2 holds Q1, so +100% is normal', () => {
    const q2 = buildTemplate(
      MINI_CATALOGUE,
      'alpha',
      { code: '2026Q2', year: 2026, quarter: 2 },
      {
        periodDays: 181,
        previous: { period: '2026Q1', values: { industry_scale: 400_000, high_tech_enterprises: 450 } },
        baselines: {},
      },
    );
    expect(q2.rules).toContainEqual(expect.objectContaining({ kind: 'magnitude_slip', field: 'industry_scale' }));
    expect(q2.rules).not.toContainEqual(expect.objectContaining({ kind: 'change_band', field: 'industry_scale' }));
    expect(q2.rules).toContainEqual(expect.objectContaining({ kind: 'change_band', field: 'high_tech_enterprises' }));
  });

  it('uses the days of the period for a per-day rate', () => {
    const beta = buildTemplate(MINI_CATALOGUE, 'beta', { code: '2024', year: 2024, quarter: null }, { ...empty, periodDays: 366 });
    expect(beta.periodDays).toBe(366);
    expect(beta.fields.find((f) => f.key === 'new_tech_enterprises_per_day')!.formula).toEqual({
      numerator: 'new_tech_enterprises',
      denominator: 'periodDays',
      scale: 1,
    });
    // Plan 2024-2026: the baseline year is 2023, so the 2024 return asks for it.
    expect(beta.fields.find((f) => f.key === 'new_tech_enterprises')!.baseline).toEqual({ year: 2023, value: null });
  });

  it('changes its version whenever anything in it changes, and only then', () => {
    const again = buildTemplate(MINI_CATALOGUE, 'alpha', P2025, empty);
    expect(again.version).toBe(t.version);
    expect(t.version).toMatch(/^[0-9a-f]{64}$/);
    const prev = buildTemplate(MINI_CATALOGUE, 'alpha', P2025, { ...empty, previous: { period: '2024', values: { operating_revenue: 1 } } });
    expect(prev.version).not.toBe(t.version);
    const moved = structuredClone(MINI_CATALOGUE);
    moved.targets[1]!.value = 520;
    expect(buildTemplate(moved, 'alpha', P2025, empty).version).not.toBe(t.version);
    expect(buildTemplate(MINI_CATALOGUE, 'alpha', { code: '2025Q2', year: 2025, quarter: 2 }, empty).version).not.toBe(t.version);
  });

  it('treats an unknown park as misuse (the API checks the park first)', () => {
    expect(() => buildTemplate(MINI_CATALOGUE, 'nowhere', P2025, empty)).toThrow(/unknown park/);
  });
});
