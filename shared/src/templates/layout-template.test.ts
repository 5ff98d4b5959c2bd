import { describe, expect, it } from 'vitest';
import { validateReturn } from '../rules/validate-return.js';
import { buildTemplate } from './build-template.js';
import { columnLetter, describeTarget, layoutTemplate, validationFormula } from './layout-template.js';
import { readTemplateCells, type CellValue } from './read-template-cells.js';
import { MINI_CATALOGUE } from './__fixtures__/mini-catalogue.js';

const template = buildTemplate(MINI_CATALOGUE, 'alpha', { code: '2025', year: 2025, quarter: null }, { periodDays: 365, previous: null, baselines: {} });

describe('layoutTemplate', () => {
  const zh = layoutTemplate(template, 'zh');
  const rowOf = (key: string) => zh.rows.find((r) => r.fieldKey === key)!;

  it('puts one row per field under the header, in template order', () => {
    expect(zh.rows.map((r) => r.fieldKey)).toEqual(template.fields.map((f) => f.key));
    expect(zh.rows[0]!.row).toBe(zh.firstDataRow);
    expect(zh.lastDataRow).toBe(zh.firstDataRow + template.fields.length - 1);
    expect(zh.columns.map((c) => c.header)).toEqual(['序号', '指标', '代码', '单位', '本期数', '上期数', '基期值', '目标', '校验', '说明', '目标原文']);
  });

  it('writes a ratio as a live formula over its components, blank-safe, zero-safe, 无 read as 0', () => {
    const rev = rowOf('operating_revenue').row;
    const rd = rowOf('rd_expenditure').row;
    const none = (ref: string) => `IF(ISNUMBER(FIND("|"&${ref}&"|","|-|--|—|——|–|――|―|/|无|不适用|n/a|na|N/A|NA|－|－－|／|")),0,${ref})`;
    expect(rowOf('rd_share').cells.value).toEqual({
      kind: 'formula',
      formula: `IFERROR(IF(OR(E${rd}="",E${rev}=""),"",IF(${none(`E${rev}`)}=0,"",${none(`E${rd}`)}/${none(`E${rev}`)}*100)),"")`,
      numFmt: '0.00',
    });
  });

  it('marks input cells with whole-number or decimal validation and the unit number format', () => {
    expect(rowOf('high_tech_enterprises').cells.value).toMatchObject({ kind: 'input', numFmt: '#,##0', validation: { type: 'whole', min: 0 } });
    expect(rowOf('operating_revenue').cells.value).toMatchObject({ kind: 'input', numFmt: '#,##0.00', validation: { type: 'decimal', min: 0 } });
    expect(rowOf('high_tech_enterprises').cells.baseline).toMatchObject({ kind: 'input' });
    expect(rowOf('drug_approvals_new').cells.baseline).toEqual({ kind: 'number', value: 0, numFmt: '#,##0' });
  });

  it('shows each target in its own unit with the plan wording', () => {
    // The year on a line of its own: in the narrow 目标 column a wrapped "（2026年" would leave "）" alone.
    expect(rowOf('industry_scale').cells.target).toEqual({ kind: 'text', text: '≥180亿元\n（2026年）' });
    expect(rowOf('industry_scale').cells.quote).toEqual({ kind: 'text', text: '产业规模达到180亿元' });
    expect(describeTarget({ ...template.fields[0]!.targets[0]!, comparison: 'range', value: 1, valueHigh: 2, unit: '家', stretch: true }, 'zh')).toBe(
      '力争1–2家（2026年）',
    );
  });

  it('names the input ranges and carries park, period, version and a hash in _meta', () => {
    const last = zh.lastDataRow;
    expect(zh.names).toContainEqual({ name: 'ZJ_VALUES', ref: `'填报表'!$E$5:$E$${last}` });
    expect(Object.fromEntries(zh.meta)).toMatchObject({ park: 'alpha', period: '2025', templateVersion: template.version });
    expect(Object.fromEntries(zh.meta).hash).toMatch(/^[0-9a-f]{64}$/);
    expect(layoutTemplate(template, 'en').meta).toEqual(zh.meta);
  });

  it('reads a filled sheet back into a return the validator accepts', () => {
    const cells = new Map<string, CellValue>();
    const put = (key: string, col: 'value' | 'baseline' | 'explanation', v: CellValue) => cells.set(`${columnLetter(col)}${rowOf(key).row}`, v);
    put('high_tech_enterprises', 'value', 450);
    put('high_tech_enterprises', 'baseline', 400);
    put('drug_approvals_new', 'value', 9);
    put('industry_scale', 'value', '150亿');
    put('industry_scale', 'baseline', 1_200_000);
    put('operating_revenue', 'value', 2_000_000);
    put('operating_revenue', 'baseline', 1_800_000);
    put('rd_expenditure', 'value', 120_000);
    put('rd_expenditure', 'baseline', 100_000);
    put('rd_share', 'value', 6); // the formula's cached result
    put('industry_scale', 'explanation', '  新项目投产 ');
    const input = readTemplateCells(zh, template.version, (a) => cells.get(a));
    expect(input.figures.industry_scale).toBe('150亿');
    expect(input.explanations).toEqual({ 'field:industry_scale': '新项目投产' });
    const result = validateReturn(template, input);
    expect(result.issues).toEqual([]);
    expect(result.values.industry_scale).toBe(1_500_000);
  });

  // docs/domain.md, "Workbooks": a formal statistical return.
  it('heads the sheet as a formal return: 表号, 制表机关, 填报单位（盖章）, 报告期', () => {
    const texts = zh.blocks.flatMap((b) => (b.content.kind === 'text' ? [b.content.text] : []));
    expect(texts).toContain('张江高新区甲园主要指标统计表');
    expect(texts).toContain('表　　号：张江高新统1表');
    expect(texts).toContain('制表机关：张江高新区管理委员会');
    expect(texts).toContain('填报单位（盖章）：甲园');
    expect(texts.some((t) => t.startsWith('报告期：2025年'))).toBe(true);
    expect(zh.headerRow).toBe(4);
  });

  it('ends it with 单位负责人, 统计负责人, 填表人, 联系电话 and 报出日期, each with a cell to fill in', () => {
    const labels = ['单位负责人：', '统计负责人：', '填表人：', '联系电话：', '报出日期：'];
    for (const label of labels) {
      const at = zh.blocks.findIndex((b) => b.content.kind === 'text' && b.content.text === label);
      expect(at, label).toBeGreaterThanOrEqual(0);
      expect(zh.blocks[at + 1]!.content.kind, label).toBe('input');
      expect(Number(/\d+$/.exec(zh.blocks[at]!.address)![0])).toBeGreaterThan(zh.lastDataRow);
    }
    expect(zh.lastRow).toBeGreaterThan(zh.lastDataRow + 2);
  });

  it('keeps the code column, which programs read back, out of print', () => {
    expect(zh.columns.find((c) => c.key === 'code')!.hidden).toBe(true);
    expect(zh.columns.filter((c) => c.hidden)).toHaveLength(1);
  });

  // docs/domain.md, "Workbooks": the template accepts what the parser accepts.
  it('lets text through the cells’ validation (无, 3.4万, 1.2亿元) and stops only numbers out of bounds', () => {
    const v = rowOf('high_tech_enterprises').cells.value as { kind: 'input'; validation: { allowText?: boolean; prompt: string } };
    expect(v.validation.allowText).toBe(true);
    expect(v.validation.prompt).toContain('无');
    expect(validationFormula(v.validation as never, 'E7')).toBe('IF(ISTEXT(E7),TRUE,AND(ISNUMBER(E7),E7>=0,E7=INT(E7)))');
    const share = { type: 'decimal', min: 0, max: 100, prompt: '', error: '', allowText: true } as const;
    expect(validationFormula(share, 'E9')).toBe('IF(ISTEXT(E9),TRUE,AND(ISNUMBER(E9),E9>=0,E9<=100))');
  });
});

describe('buildTemplate: ratio rows show their 上期数', () => {
  it('computes last period’s ratio from last period’s components', () => {
    const t = buildTemplate(
      MINI_CATALOGUE,
      'alpha',
      { code: '2026', year: 2026, quarter: null },
      {
        periodDays: 365,
        previous: { period: '2025', values: { operating_revenue: 2_000_000, rd_expenditure: 120_000 } },
        baselines: {},
      },
    );
    expect(t.fields.find((f) => f.key === 'rd_share')!.previous).toBe(6);
    expect(layoutTemplate(t, 'zh').rows.find((r) => r.fieldKey === 'rd_share')!.cells.previous).toEqual({ kind: 'number', value: 6, numFmt: '0.00' });
  });

  it('divides a 日均 rate by the days of the previous period (2024: 366)', () => {
    const t = buildTemplate(
      MINI_CATALOGUE,
      'beta',
      { code: '2025', year: 2025, quarter: null },
      {
        periodDays: 365,
        previous: { period: '2024', values: { new_tech_enterprises: 7_320 } },
        baselines: {},
      },
    );
    expect(t.fields.find((f) => f.key === 'new_tech_enterprises_per_day')!.previous).toBe(20);
  });
});
