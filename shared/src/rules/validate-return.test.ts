import { describe, expect, it } from 'vitest';
import type { ReturnInput } from '../api/returns.js';
import { buildTemplate } from '../templates/build-template.js';
import { MINI_CATALOGUE } from '../templates/__fixtures__/mini-catalogue.js';
import { issueKey } from './issue-key.js';
import { validateReturn } from './validate-return.js';
import { CHANGE_FLOOR } from './derive-rules.js';

const first = buildTemplate(MINI_CATALOGUE, 'alpha', { code: '2025', year: 2025, quarter: null }, { periodDays: 365, previous: null, baselines: {} });
const second = buildTemplate(
  MINI_CATALOGUE,
  'alpha',
  { code: '2026', year: 2026, quarter: null },
  {
    periodDays: 365,
    previous: {
      period: '2025',
      values: { high_tech_enterprises: 450, drug_approvals_new: 9, industry_scale: 1_500_000, operating_revenue: 2_000_000, rd_expenditure: 120_000 },
    },
    baselines: { high_tech_enterprises: 400, operating_revenue: 1_800_000, rd_expenditure: 100_000, industry_scale: 1_200_000 },
  },
);

const good2025: ReturnInput['figures'] = {
  high_tech_enterprises: 450,
  drug_approvals_new: '9',
  industry_scale: '150亿', // read as 1 500 000 万元
  operating_revenue: '2,000,000',
  rd_expenditure: 120000,
};
const goodBaselines = { high_tech_enterprises: '400家', operating_revenue: 1_800_000, rd_expenditure: 100_000, industry_scale: 1_200_000 };
const good2026: ReturnInput['figures'] = {
  high_tech_enterprises: 480,
  drug_approvals_new: 15,
  industry_scale: 1_700_000,
  operating_revenue: 2_200_000,
  rd_expenditure: 140_000,
};

const v1 = (figures: ReturnInput['figures'], more: Partial<ReturnInput> = {}) =>
  validateReturn(first, { templateVersion: first.version, figures, baselines: goodBaselines, ...more });
const v2 = (figures: ReturnInput['figures'], more: Partial<ReturnInput> = {}) => validateReturn(second, { templateVersion: second.version, figures, ...more });
const codes = (r: ReturnType<typeof validateReturn>) => r.issues.map((i) => `${i.severity}:${i.code}@${i.path}`).sort();

describe('validateReturn', () => {
  it('accepts a clean first return and reads every figure into the field unit', () => {
    const r = v1(good2025);
    expect(codes(r)).toEqual([]);
    expect(r.acceptable).toBe(true);
    expect(r.values).toMatchObject({ industry_scale: 1_500_000, operating_revenue: 2_000_000, drug_approvals_new: 9 });
    expect(r.derived.rd_share).toEqual({ value: 6, numerator: 120_000, denominator: 2_000_000 });
    expect(r.baselines).toMatchObject({ high_tech_enterprises: 400, drug_approvals_new: 0 });
    expect(r.baselines.rd_share).toBeCloseTo((100_000 / 1_800_000) * 100, 10);
  });

  it.each<[string, ReturnInput['figures'], string[]]>([
    ['a word in a number cell', { ...good2025, high_tech_enterprises: '约450' }, ['error:figure_approximate@figures.high_tech_enterprises']],
    ['a fraction of an enterprise', { ...good2025, high_tech_enterprises: 450.5 }, ['error:figure_not_integer@figures.high_tech_enterprises']],
    ['a blank required figure', { ...good2025, operating_revenue: '' }, ['error:value_missing@figures.operating_revenue']],
    ['无 in a required figure', { ...good2025, drug_approvals_new: '无' }, ['warning:value_declared_none@figures.drug_approvals_new']],
    // The first return is also compared with its baseline (2024: 100,000万元): +1900% needs a word.
    [
      'a part larger than its whole',
      { ...good2025, rd_expenditure: 2_000_001 },
      ['error:part_exceeds_whole@figures.rd_expenditure', 'warning:change_beyond_band@figures.rd_expenditure'],
    ],
    ['a typed ratio that disagrees with its parts', { ...good2025, rd_share: '6.5%' }, ['error:ratio_inconsistent@figures.rd_share']],
    ['a typed ratio that agrees within rounding', { ...good2025, rd_share: 6.04 }, []],
    ['a field that is not on the template', { ...good2025, unicorns: 3 }, ['error:field_unknown@figures.unicorns']],
    [
      'a zero denominator',
      { ...good2025, operating_revenue: 0, rd_expenditure: 0 },
      [
        'warning:ratio_denominator_zero@figures.rd_share',
        'warning:change_beyond_band@figures.operating_revenue',
        'warning:change_beyond_band@figures.rd_expenditure',
      ],
    ],
  ])('flags %s', (_name, figures, expected) => {
    expect(codes(v1(figures))).toEqual(expected.sort());
  });

  it('reads 无 as 0 and keeps which figures were declared none, apart from blanks (docs/domain.md, "Declared none (无)")', () => {
    const r = v1({ ...good2025, drug_approvals_new: '无', industry_scale: 'N/A', operating_revenue: '' });
    expect(r.declaredNone.sort()).toEqual(['drug_approvals_new', 'industry_scale']);
    expect(r.values).toMatchObject({ drug_approvals_new: 0, industry_scale: 0, operating_revenue: null });
    expect(v1(good2025).declaredNone).toEqual([]);
  });

  it('computes a ratio whose numerator is 无 as 0%, its denominator counted', () => {
    const r = v1({ ...good2025, rd_expenditure: '无' });
    expect(r.derived.rd_share).toEqual({ value: 0, numerator: 0, denominator: 2_000_000 });
  });

  it('reads a baseline typed 无 as 0', () => {
    const r = v1(good2025, { baselines: { ...goodBaselines, rd_expenditure: '无' } });
    expect(r.baselines.rd_expenditure).toBe(0);
    expect(r.baselines.rd_share).toBe(0);
  });

  it('asks for the baseline with the first return', () => {
    const r = v1(good2025, { baselines: { operating_revenue: 1_800_000, rd_expenditure: 100_000 } });
    expect(codes(r)).toEqual(['error:baseline_missing@baselines.high_tech_enterprises', 'error:baseline_missing@baselines.industry_scale']);
    expect(r.issues[0]!.message.zh).toContain('2024年');
  });

  it('collects every issue, not only the first', () => {
    const r = v1({ high_tech_enterprises: 'abc', drug_approvals_new: -1, industry_scale: '5件', operating_revenue: '', rd_expenditure: 1 });
    expect(r.errorCount).toBe(4);
    expect(r.acceptable).toBe(false);
  });

  describe('against the previous period', () => {
    it('accepts ordinary growth', () => {
      expect(codes(v2(good2026))).toEqual([]);
    });
    it('refuses a running total that falls', () => {
      expect(codes(v2({ ...good2026, drug_approvals_new: 8 }))).toEqual(['error:cumulative_decreased@figures.drug_approvals_new']);
    });
    it('catches a 万元/亿元 slip as one error, not also as a large change', () => {
      const r = v2({ ...good2026, industry_scale: 170 }); // 170 typed meaning 亿元 in a 万元 field
      expect(codes(r)).toEqual(['error:magnitude_slip_down@figures.industry_scale']);
      expect(r.issues[0]!.message.zh).toContain('万元/亿元');
    });
    it('warns on a change beyond ±50% and accepts it once explained', () => {
      const jump = { ...good2026, industry_scale: 2_400_000 };
      const r = v2(jump);
      expect(codes(r)).toEqual(['warning:change_beyond_band@figures.industry_scale']);
      expect(r.acceptable).toBe(false);
      expect(r.unexplained).toEqual(['change_beyond_band@figures.industry_scale']);
      expect(r.issues[0]!.message.en).toContain('+60%');
      const key = issueKey(r.issues[0]!);
      expect(v2(jump, { explanations: { [key]: '新项目投产' } }).acceptable).toBe(true);
      expect(v2(jump, { explanations: { 'field:industry_scale': '新项目投产' } }).acceptable).toBe(true);
      expect(v2(jump, { explanations: { [key]: '   ' } }).acceptable).toBe(false);
    });
    it('refuses an explanation keyed to no issue and no indicator, and keeps a row’s note', () => {
      const jump = { ...good2026, industry_scale: 2_400_000 };
      const key = issueKey(v2(jump).issues[0]!);
      const r = v2(jump, {
        explanations: {
          [key]: '新项目投产',
          'field:operating_revenue': '含新设企业', // a row's 说明 without a warning: the row's note
          'change_beyond_band@figures.operating_revenue': '旧提示的说明', // a warning this validation does not raise
          'field:no_such_indicator': '说明',
          note: '备注',
          'value_missing@figures.rd_expenditure': '  ', // blank: nothing to keep, nothing to refuse
        },
      });
      expect(codes(r)).toEqual([
        'error:explanation_unmatched@explanations.change_beyond_band@figures.operating_revenue',
        'error:explanation_unmatched@explanations.field:no_such_indicator',
        'error:explanation_unmatched@explanations.note',
        'warning:change_beyond_band@figures.industry_scale',
      ]);
      expect(r.acceptable).toBe(false);
      expect(r.issues.find((i) => i.path === 'explanations.note')!.message.zh).toContain('「note」');
      expect(v2(jump, { explanations: { [key]: '新项目投产', 'field:operating_revenue': '含新设企业' } }).acceptable).toBe(true);
    });
    it('lets a small count move by up to CHANGE_FLOOR without a word (1→2 is +100% and ordinary), but not 6→12', () => {
      const small = buildTemplate(
        MINI_CATALOGUE,
        'alpha',
        { code: '2026', year: 2026, quarter: null },
        {
          periodDays: 365,
          previous: {
            period: '2025',
            values: { high_tech_enterprises: 1, drug_approvals_new: 9, industry_scale: 3, operating_revenue: 2_000_000, rd_expenditure: 120_000 },
          },
          baselines: { high_tech_enterprises: 1, operating_revenue: 1_800_000, rd_expenditure: 100_000, industry_scale: 3 },
        },
      );
      const v = (figures: ReturnInput['figures']) => validateReturn(small, { templateVersion: small.version, figures });
      const base = { ...good2026, high_tech_enterprises: 1, industry_scale: 3 };
      expect(CHANGE_FLOOR).toBe(5);
      expect(codes(v({ ...base, high_tech_enterprises: 2 }))).toEqual([]);
      expect(codes(v({ ...base, high_tech_enterprises: 6 }))).toEqual([]); // +5: at the floor
      expect(codes(v({ ...base, high_tech_enterprises: 7 }))).toEqual(['warning:change_beyond_band@figures.high_tech_enterprises']); // +6
      // An amount has no floor: 3 → 5 万元 is +67% and needs a word.
      expect(codes(v({ ...base, industry_scale: 5 }))).toEqual(['warning:change_beyond_band@figures.industry_scale']);
    });
    it('keeps the floor for counts only: the rule names it for integer fields', () => {
      const bands = second.rules.filter((r) => r.kind === 'change_band');
      const integer = new Set(second.fields.filter((f) => f.valueType === 'integer').map((f) => f.key));
      expect(bands.length).toBeGreaterThan(0);
      for (const r of bands) expect(r.floor, r.field).toBe(integer.has(r.field) ? CHANGE_FLOOR : undefined);
    });
    it('does not ask for a baseline it already has', () => {
      expect(second.rules.filter((r) => r.kind === 'baseline_required')).toEqual([]);
    });
  });

  it('gives every message in Chinese and English with the numbers that failed', () => {
    const r = v1({ ...good2025, rd_expenditure: 2_500_000 });
    expect(r.issues[0]!.message.zh).toBe('「研发经费支出」2500000万元 大于「营业收入」2000000万元，分项不能大于总量。');
    expect(r.issues[0]!.message.en).toContain('"R&D expenditure" 2500000 10k yuan is larger than "Operating revenue" 2000000 10k yuan');
  });
});
