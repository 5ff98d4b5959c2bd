import { contentHash } from '../hashing/content-hash.js';
import { NONE_MARKS } from '../figures/read-figure-text.js';
import { findUnit } from '../figures/units.js';
import type { Lang } from '../issues/issue.js';
import { labelOfField } from './label-of-field.js';
import type { TemplateField, TemplateModel, TemplateTarget } from './template-model.js';
import type { CellContent, CellValidation, ColumnKey, LayoutBlock, LayoutColumn, LayoutRow, TemplateLayout } from './template-layout.js';

/**
 * The columns, narrow enough to print on A4 landscape with body text of 9 pt or more (the long
 * texts wrap): 129 units of width, the code column not printed (docs/domain.md, "Workbooks").
 */
const COLUMNS: ReadonlyArray<{ key: ColumnKey; zh: string; en: string; width: number; input: boolean; hidden?: boolean }> = [
  { key: 'no', zh: '序号', en: 'No.', width: 4, input: false },
  { key: 'label', zh: '指标', en: 'Indicator', width: 19, input: false },
  { key: 'code', zh: '代码', en: 'Code', width: 18, input: false, hidden: true },
  { key: 'unit', zh: '单位', en: 'Unit', width: 8, input: false },
  { key: 'value', zh: '本期数', en: 'Value', width: 14, input: true },
  { key: 'previous', zh: '上期数', en: 'Previous', width: 14, input: false },
  { key: 'baseline', zh: '基期值', en: 'Baseline', width: 14, input: true },
  { key: 'target', zh: '目标', en: 'Target', width: 12, input: false },
  { key: 'check', zh: '校验', en: 'Check', width: 12, input: false },
  { key: 'explanation', zh: '说明', en: 'Explanation', width: 15, input: true },
  { key: 'quote', zh: '目标原文', en: 'Target source', width: 17, input: false },
];

/**
 * The sheet's layout version: part of the template version (build-template.ts), so a template
 * downloaded before the layout changed is refused as out of date rather than read at the wrong rows.
 */
export const TEMPLATE_LAYOUT_VERSION = 2;
export const TEMPLATE_HEADER_ROW = 4;
export const TEMPLATE_FIRST_DATA_ROW = 5;
export const META_SHEET_NAME = '_meta';
export const DEFINED_NAMES = { values: 'ZJ_VALUES', baselines: 'ZJ_BASELINES', explanations: 'ZJ_EXPLANATIONS' } as const;

const COMPARISON_SYMBOL = { gte: '≥', gt: '>', range: '' } as const;

export function columnLetter(key: ColumnKey): string {
  const i = COLUMNS.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`unknown column ${key}`);
  return String.fromCharCode(65 + i);
}

/**
 * "≥500家（2026年）", "1–2家（2026年）", "力争≥3000亿元（2026年）"; in English "stretch ≥3000亿元 (2026)".
 * `beforeYear` separates the figure from its year: "\n" in a narrow sheet column, so the year wraps whole.
 */
export function describeTarget(t: TemplateTarget, lang: Lang, beforeYear = ''): string {
  const unit = t.unit;
  const amount = t.comparison === 'range' ? `${t.value}–${t.valueHigh ?? t.value}${unit}` : `${COMPARISON_SYMBOL[t.comparison]}${t.value}${unit}`;
  if (lang === 'zh') return `${t.stretch ? '力争' : ''}${amount}${beforeYear}（${t.year}年）`;
  return `${t.stretch ? 'stretch ' : ''}${amount}${beforeYear || ' '}(${t.year})`;
}

function numFmtOf(field: TemplateField): string {
  if (field.valueType === 'integer') return '#,##0';
  return findUnit(field.unit)?.numFmt ?? '#,##0.00';
}

function validationOf(field: TemplateField, lang: Lang): CellContent & { kind: 'input' } {
  const min = field.min;
  const max = field.max;
  const bounds = min !== undefined && max !== undefined ? `${min}–${max}` : min !== undefined ? `≥${min}` : max !== undefined ? `≤${max}` : '';
  const whole = field.valueType === 'integer';
  // The parser reads 无 and figures with a unit (3.4万, 1.2亿元): the cell lets them through.
  const prompt =
    lang === 'zh'
      ? `${field.label.zh}（${field.unit}）：${whole ? '整数' : '数值'}${bounds ? `，${bounds}` : ''}。也可填“无”，或带单位的数，如3.4万、1.2亿元。`
      : `${field.label.en} (${field.unit}): ${whole ? 'a whole number' : 'a number'}${bounds ? `, ${bounds}` : ''}. 无 (none) or a figure with its unit (3.4万, 1.2亿元) is read too.`;
  const error =
    lang === 'zh'
      ? `请输入${whole ? '整数' : '数值'}${bounds ? `（${bounds}）` : ''}，单位：${field.unit}；或填“无”、带单位的数（如3.4万、1.2亿元）。`
      : `Enter ${whole ? 'a whole number' : 'a number'}${bounds ? ` (${bounds})` : ''} in ${field.unit}, or 无, or a figure with its unit (3.4万, 1.2亿元).`;
  return {
    kind: 'input',
    numFmt: numFmtOf(field),
    validation: {
      type: whole ? 'whole' : 'decimal',
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      prompt,
      error,
      allowText: true,
    },
  };
}

/**
 * The custom validation formula of an input cell, relative to `cell` (the top-left cell of the
 * range it is set on): any text passes, to be read by the validator (无, 3.4万, 1.2亿元, １２３);
 * a number must lie within the bounds, and be whole for a count. Excel, WPS and LibreOffice stop
 * anything else as it is typed (docs/domain.md, "Workbooks").
 */
export function validationFormula(v: CellValidation, cell: string): string {
  const checks = [`ISNUMBER(${cell})`];
  if (v.min !== undefined) checks.push(`${cell}>=${v.min}`);
  if (v.max !== undefined) checks.push(`${cell}<=${v.max}`);
  if (v.type === 'whole') checks.push(`${cell}=INT(${cell})`);
  // IF, not OR: OR evaluates every argument, and INT of a text is #VALUE!, which a rule reads as "stop".
  return `IF(ISTEXT(${cell}),TRUE,AND(${checks.join(',')}))`;
}

/** Excel formula of a derived field over the value cells of its components. */
function derivedFormula(field: TemplateField, rowOf: Map<string, number>, periodDays: number): string | null {
  const f = field.formula;
  if (!f) return null;
  const v = columnLetter('value');
  const ref = (part: string): string | null => {
    if (part === 'periodDays') return String(periodDays);
    const row = rowOf.get(part);
    return row === undefined ? null : `${v}${row}`;
  };
  const num = ref(f.numerator);
  const den = ref(f.denominator);
  if (num === null || den === null) return null;
  const blanks = [num, den].filter((r) => !/^\d+$/.test(r)).map((r) => `${r}=""`);
  const scale = f.scale === 1 ? '' : `*${f.scale}`;
  // 无 in a component is 0, as the validator reads it (docs/domain.md, "Declared none (无)").
  // IFERROR: other text (3.4万) leaves the ratio blank in the sheet instead of #VALUE!; the
  // validator reads that text, or reports it on its own cell.
  const [n, d] = [num, den].map(answered);
  return `IFERROR(IF(OR(${blanks.join(',') || 'FALSE'}),"",IF(${d}=0,"",${n}/${d}${scale})),"")`;
}

/**
 * The marks of 无 as the sheet finds them: "|无|不适用|-|…|" searched for "|<cell>|" (FIND is exact,
 * so N/A is listed in both cases, and the full-width forms the validator folds are listed too).
 */
const SHEET_NONE_MARKS = `|${[...new Set([...NONE_MARKS, 'N/A', 'NA', '－', '－－', '／'])].join('|')}|`;

/** A component reference read as the validator reads it: 0 where 无 (or —, /, 不适用, N/A) is typed. */
function answered(ref: string): string {
  if (/^\d+$/.test(ref)) return ref;
  return `IF(ISNUMBER(FIND("|"&${ref}&"|","${SHEET_NONE_MARKS}")),0,${ref})`;
}

export function layoutTemplate(template: TemplateModel, lang: Lang): TemplateLayout {
  const name = lang === 'zh' ? template.parkName.zh : template.parkName.en;
  const sheetName = lang === 'zh' ? '填报表' : 'Return';
  const columns: LayoutColumn[] = COLUMNS.map((c) => ({
    key: c.key,
    letter: columnLetter(c.key),
    header: lang === 'zh' ? c.zh : c.en,
    width: c.width,
    input: c.input,
    ...(c.hidden ? { hidden: true } : {}),
  }));
  const rowOf = new Map(template.fields.map((f, i) => [f.key, TEMPLATE_FIRST_DATA_ROW + i]));
  const rows: LayoutRow[] = template.fields.map((field, i) => {
    const row = TEMPLATE_FIRST_DATA_ROW + i;
    const numFmt = numFmtOf(field);
    const formula = field.derived ? derivedFormula(field, rowOf, template.periodDays) : null;
    const cells: Partial<Record<ColumnKey, CellContent>> = {
      no: { kind: 'number', value: i + 1, numFmt: '0' },
      label: { kind: 'text', text: labelOfField(field, lang) },
      code: { kind: 'text', text: field.key },
      unit: { kind: 'text', text: field.unit },
      value: formula !== null ? { kind: 'formula', formula, numFmt } : validationOf(field, lang),
      previous: field.previous === null ? { kind: 'empty' } : { kind: 'number', value: field.previous, numFmt },
      baseline:
        field.baseline === null
          ? { kind: 'empty' }
          : field.baseline.value !== null
            ? { kind: 'number', value: field.baseline.value, numFmt }
            : field.derived && formula !== null
              ? { kind: 'empty' }
              : validationOf(field, lang),
      target: field.targets.length
        ? { kind: 'text', text: field.targets.map((t) => describeTarget(t, lang, '\n')).join(lang === 'zh' ? '；\n' : ';\n') }
        : { kind: 'empty' },
      check: { kind: 'empty' },
      explanation: { kind: 'input', numFmt: '@', validation: null },
      quote: field.targets.length ? { kind: 'text', text: field.targets.map((t) => t.quote).join('；') } : { kind: 'empty' },
    };
    return { row, fieldKey: field.key, cells };
  });
  const last = TEMPLATE_FIRST_DATA_ROW + Math.max(template.fields.length, 1) - 1;
  const title = lang === 'zh' ? `${template.form.zone.zh}${template.parkName.zh}主要指标统计表` : `${template.form.zone.en}, ${name}: main indicators`;
  const subtitle =
    lang === 'zh'
      ? `注：请在黄色单元格填写本期数、基期值和说明；比例类指标由公式计算，不必填写。可填“无”，或带单位的数（如3.4万、1.2亿元）。模板版本 ${template.version.slice(0, 12)}。`
      : `Note: fill the yellow cells (value, baseline, explanation); ratios are computed by formula. 无 (none) and figures with a unit (3.4万, 1.2亿元) are read too. Template version ${template.version.slice(0, 12)}.`;
  const blocks = formalBlocks(template, lang, title, subtitle, last);
  const range = (key: ColumnKey) => `'${sheetName}'!$${columnLetter(key)}$${TEMPLATE_FIRST_DATA_ROW}:$${columnLetter(key)}$${last}`;
  const fieldKeys = template.fields.map((f) => f.key).join(',');
  const metaCore = { park: template.park, period: template.period, templateVersion: template.version, fields: fieldKeys };
  return {
    lang,
    sheetName,
    metaSheetName: META_SHEET_NAME,
    title,
    subtitle,
    headerRow: TEMPLATE_HEADER_ROW,
    firstDataRow: TEMPLATE_FIRST_DATA_ROW,
    lastDataRow: last,
    lastRow: Math.max(...blocks.map((b) => Number(/\d+$/.exec(b.address)![0]))),
    blocks,
    columns,
    rows,
    names: [
      { name: DEFINED_NAMES.values, ref: range('value') },
      { name: DEFINED_NAMES.baselines, ref: range('baseline') },
      { name: DEFINED_NAMES.explanations, ref: range('explanation') },
    ],
    meta: [
      ['park', template.park],
      ['period', template.period],
      ['templateVersion', template.version],
      ['fields', fieldKeys],
      ['hash', contentHash(metaCore)],
    ],
    instructionsSheetName: lang === 'zh' ? '填报说明' : 'Instructions',
    instructions: lang === 'zh' ? INSTRUCTIONS_ZH : INSTRUCTIONS_EN,
  };
}

/** "2025年（年报）", "2025年1-9月（季报）": the period as the return's heading states it. */
function periodText(code: string, lang: Lang): string {
  const m = /^(\d{4})(?:Q([1-4]))?$/.exec(code);
  if (!m) return code;
  if (lang === 'en')
    return m[2] === undefined
      ? `${m[1]} (annual)`
      : `${m[1]} January–${['March', 'June', 'September', 'December'][Number(m[2]) - 1]} (quarterly, year to date)`;
  return m[2] === undefined ? `${m[1]}年（年报）` : `${m[1]}年1-${Number(m[2]) * 3}月（季报）`;
}

/**
 * The cells that make the sheet a formal statistical return (docs/domain.md, "Workbooks"): the
 * title; 填报单位（盖章） and 报告期 on the left, 表号 and 制表机关 on the right; and under the
 * table 单位负责人, 统计负责人, 填表人, 联系电话 and 报出日期, each beside a cell to fill in, then
 * the note on how to fill the sheet.
 */
function formalBlocks(template: TemplateModel, lang: Lang, title: string, subtitle: string, lastDataRow: number): LayoutBlock[] {
  const zh = lang === 'zh';
  const L = (key: ColumnKey) => columnLetter(key);
  const left = (row: number) => `${L('no')}${row}:${L('previous')}${row}`;
  const right = (row: number) => `${L('baseline')}${row}:${L('quote')}${row}`;
  const text = (address: string, value: string, style: LayoutBlock['style'] = {}, merge?: string): LayoutBlock => ({
    address,
    ...(merge ? { merge } : {}),
    content: { kind: 'text', text: value },
    style,
  });
  const input = (address: string, merge?: string): LayoutBlock => ({ address, ...(merge ? { merge } : {}), content: { kind: 'input' } });
  const s1 = lastDataRow + 2;
  const s2 = lastDataRow + 3;
  const label = (address: string, value: string) => text(address, value, { align: 'right' });
  return [
    text(`${L('no')}1`, title, { bold: true, size: 16, align: 'center', height: 28 }, `${L('no')}1:${L('quote')}1`),
    text(`${L('no')}2`, zh ? `填报单位（盖章）：${template.parkName.zh}` : `Reporting unit (seal): ${template.parkName.en}`, {}, left(2)),
    text(`${L('baseline')}2`, zh ? `表　　号：${template.form.number}` : `Form No.: ${template.form.number}`, {}, right(2)),
    text(
      `${L('no')}3`,
      zh ? `报告期：${periodText(template.period, lang)}　　计量单位：见“单位”栏` : `Period: ${periodText(template.period, lang)}   Units: see the Unit column`,
      {},
      left(3),
    ),
    text(`${L('baseline')}3`, zh ? `制表机关：${template.form.authority.zh}` : `Issued by: ${template.form.authority.en}`, {}, right(3)),
    label(`${L('label')}${s1}`, zh ? '单位负责人：' : 'Head of unit:'),
    input(`${L('unit')}${s1}`, `${L('unit')}${s1}:${L('value')}${s1}`),
    label(`${L('previous')}${s1}`, zh ? '统计负责人：' : 'Head of statistics:'),
    input(`${L('baseline')}${s1}`),
    label(`${L('target')}${s1}`, zh ? '填表人：' : 'Filled in by:'),
    input(`${L('check')}${s1}`, `${L('check')}${s1}:${L('explanation')}${s1}`),
    label(`${L('label')}${s2}`, zh ? '联系电话：' : 'Phone:'),
    input(`${L('unit')}${s2}`, `${L('unit')}${s2}:${L('value')}${s2}`),
    label(`${L('previous')}${s2}`, zh ? '报出日期：' : 'Date reported:'),
    input(`${L('baseline')}${s2}`),
    text(`${L('no')}${s2 + 2}`, subtitle, { wrap: true, muted: true, height: 32 }, `${L('no')}${s2 + 2}:${L('quote')}${s2 + 2}`),
  ];
}

const INSTRUCTIONS_ZH = [
  '填报说明',
  '1. 只在黄色单元格（本期数、基期值、说明）中填写；其他单元格已锁定。',
  '2. 数值以“单位”列的单位填写（1亿元 = 10000万元，1万人 = 10000人）；带其他单位填写的，系统按本行单位换算。',
  '3. 比例类指标（占比、比重、人均、日均）由其分子、分母自动计算，请填写分子和分母。',
  '4. 空白表示未填报，0 表示确实为零；确实没有的可填“无”（按0计），并在“说明”中写明原因。数值也可带单位填写，如“3.4万”“1.2亿元”，系统按本行单位换算。',
  '5. 累计类指标按“指标”列的说明填写：“自某年起累计”的填写自该年以来的累计数；“期末累计总数”的填写期末累计总数（含方案起始前）。累计数不得小于上期。',
  '6. 校验提示为“警告”的，请在“说明”列写明原因后再提交。',
  '7. 首次填报时请同时填写基期值（行动方案起始前一年的数值）。',
  '8. 请勿修改、删除或重命名工作表，不要插入或删除行。',
  '9. 季报中当年发生的流量指标（营业收入、当年申请量、新增数等）填写本年1月1日至本季度末的累计数（如第三季度填1-9月）。',
  '10. 表尾请填写单位负责人、统计负责人、填表人、联系电话和报出日期；打印后加盖填报单位公章。',
];
const INSTRUCTIONS_EN = [
  'Instructions',
  '1. Fill only the yellow cells (value, baseline, explanation); the other cells are locked.',
  '2. Figures are in the unit of the Unit column (1 亿元 = 10,000 万元, 1 万人 = 10,000 persons); a figure typed with another unit is converted to the row’s unit.',
  '3. Ratios (shares, per capita, per day) are computed from their numerator and denominator: fill those.',
  '4. A blank cell means not reported; 0 means zero. Type 无 where there is none (read as 0) and say why in the Explanation column. A figure may carry its unit (3.4万, 1.2亿元): it is converted to the row’s unit.',
  '5. Running totals (累计) follow their label: “total since <year>” is the total since that year; “running total at period end” includes the years before the plan. Neither may fall from the last period.',
  '6. Warnings need an explanation in the Explanation column before you submit.',
  '7. With the first return, also report the baseline (the value of the year before the plan started).',
  '8. Do not rename, delete or reorder sheets, and do not insert or delete rows.',
  '9. In a quarterly return, flows of the year (revenue, applications of the year, new counts) are year-to-date: January 1 to the end of the quarter (Q3: January–September).',
  '10. Below the table, fill in the head of the unit, the head of statistics, who filled it in, a phone number and the date reported; stamp the printed return with the unit’s seal.',
];
