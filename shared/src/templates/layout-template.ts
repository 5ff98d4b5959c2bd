import { contentHash } from '../hashing/content-hash.js';
import { NONE_MARKS } from '../figures/read-figure-text.js';
import { findUnit } from '../figures/units.js';
import type { Lang } from '../issues/issue.js';
import { labelOfField } from './label-of-field.js';
import type { TemplateField, TemplateModel, TemplateTarget } from './template-model.js';
import type { CellContent, ColumnKey, LayoutColumn, LayoutRow, TemplateLayout } from './template-layout.js';

const COLUMNS: ReadonlyArray<{ key: ColumnKey; zh: string; en: string; width: number; input: boolean }> = [
  { key: 'no', zh: '序号', en: 'No.', width: 6, input: false },
  { key: 'label', zh: '指标', en: 'Indicator', width: 34, input: false },
  { key: 'code', zh: '代码', en: 'Code', width: 18, input: false },
  { key: 'unit', zh: '单位', en: 'Unit', width: 10, input: false },
  { key: 'value', zh: '本期数', en: 'Value', width: 16, input: true },
  { key: 'previous', zh: '上期数', en: 'Previous', width: 16, input: false },
  { key: 'baseline', zh: '基期值', en: 'Baseline', width: 16, input: true },
  { key: 'target', zh: '目标', en: 'Target', width: 22, input: false },
  { key: 'check', zh: '校验', en: 'Check', width: 30, input: false },
  { key: 'explanation', zh: '说明', en: 'Explanation', width: 36, input: true },
  { key: 'quote', zh: '目标原文', en: 'Target source', width: 60, input: false },
];

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

/** "≥500家 (2026)", "1–2家 (2026)", "力争 ≥3000亿元 (2026)". */
export function describeTarget(t: TemplateTarget, lang: Lang): string {
  const unit = t.unit;
  const amount =
    t.comparison === 'range' ? `${t.value}–${t.valueHigh ?? t.value}${unit}` : `${COMPARISON_SYMBOL[t.comparison]}${t.value}${unit}`;
  const stretch = t.stretch ? (lang === 'zh' ? '力争 ' : 'stretch ') : '';
  return `${stretch}${amount} (${t.year})`;
}

function numFmtOf(field: TemplateField): string {
  if (field.valueType === 'integer') return '#,##0';
  return findUnit(field.unit)?.numFmt ?? '#,##0.00';
}

function validationOf(field: TemplateField, lang: Lang): CellContent & { kind: 'input' } {
  const min = field.min;
  const max = field.max;
  const bounds =
    min !== undefined && max !== undefined ? `${min}–${max}` : min !== undefined ? `≥${min}` : max !== undefined ? `≤${max}` : '';
  const whole = field.valueType === 'integer';
  const prompt =
    lang === 'zh'
      ? `${field.label.zh}（${field.unit}）：${whole ? '整数' : '数值'}${bounds ? `，${bounds}` : ''}`
      : `${field.label.en} (${field.unit}): ${whole ? 'a whole number' : 'a number'}${bounds ? `, ${bounds}` : ''}`;
  const error =
    lang === 'zh'
      ? `请输入${whole ? '整数' : '数值'}${bounds ? `（${bounds}）` : ''}，单位：${field.unit}`
      : `Enter ${whole ? 'a whole number' : 'a number'}${bounds ? ` (${bounds})` : ''} in ${field.unit}`;
  return {
    kind: 'input',
    numFmt: numFmtOf(field),
    validation: { type: whole ? 'whole' : 'decimal', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), prompt, error },
  };
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
      target: field.targets.length ? { kind: 'text', text: field.targets.map((t) => describeTarget(t, lang)).join('；') } : { kind: 'empty' },
      check: { kind: 'empty' },
      explanation: { kind: 'input', numFmt: '@', validation: null },
      quote: field.targets.length ? { kind: 'text', text: field.targets.map((t) => t.quote).join('；') } : { kind: 'empty' },
    };
    return { row, fieldKey: field.key, cells };
  });
  const last = TEMPLATE_FIRST_DATA_ROW + Math.max(template.fields.length, 1) - 1;
  const range = (key: ColumnKey) => `'${sheetName}'!$${columnLetter(key)}$${TEMPLATE_FIRST_DATA_ROW}:$${columnLetter(key)}$${last}`;
  const fieldKeys = template.fields.map((f) => f.key).join(',');
  const metaCore = { park: template.park, period: template.period, templateVersion: template.version, fields: fieldKeys };
  return {
    lang,
    sheetName,
    metaSheetName: META_SHEET_NAME,
    title:
      lang === 'zh'
        ? `张江高新区${template.parkName.zh} ${template.period} 指标填报表`
        : `Zhangjiang High-tech Zone — ${name} — indicator return ${template.period}`,
    subtitle:
      lang === 'zh'
        ? `请在黄色单元格填写本期数；比例类指标由公式计算。模板版本 ${template.version.slice(0, 12)}`
        : `Fill the yellow cells; ratios are computed by formula. Template version ${template.version.slice(0, 12)}`,
    headerRow: TEMPLATE_HEADER_ROW,
    firstDataRow: TEMPLATE_FIRST_DATA_ROW,
    lastDataRow: last,
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

const INSTRUCTIONS_ZH = [
  '填报说明',
  '1. 只在黄色单元格（本期数、基期值、说明）中填写；其他单元格已锁定。',
  '2. 金额单位以“单位”列为准（1亿元 = 10000万元）；人数填“人”，不要填“万人”。',
  '3. 比例类指标（占比、比重、人均、日均）由其分子、分母自动计算，请填写分子和分母。',
  '4. 空白表示未填报，0 表示确实为零；不适用请在“说明”中注明。',
  '5. 累计类指标按“指标”列的说明填写：“自某年起累计”的填写自该年以来的累计数；“期末累计总数”的填写期末累计总数（含方案起始前）。累计数不得小于上期。',
  '6. 校验提示为“警告”的，请在“说明”列写明原因后再提交。',
  '7. 首次填报时请同时填写基期值（行动方案起始前一年的数值）。',
  '8. 请勿修改、删除或重命名工作表，不要插入或删除行。',
  '9. 季报中当年发生的流量指标（营业收入、当年申请量、新增数等）填写本年1月1日至本季度末的累计数（如第三季度填1-9月）。',
];
const INSTRUCTIONS_EN = [
  'Instructions',
  '1. Fill only the yellow cells (value, baseline, explanation); the other cells are locked.',
  '2. Amounts are in the unit of the Unit column (1 亿元 = 10,000 万元); people in persons, not 万人.',
  '3. Ratios (shares, per capita, per day) are computed from their numerator and denominator: fill those.',
  '4. A blank cell means not reported; 0 means zero. Explain anything not applicable in the Explanation column.',
  '5. Running totals (累计) follow their label: “total since <year>” is the total since that year; “running total at period end” includes the years before the plan. Neither may fall from the last period.',
  '6. Warnings need an explanation in the Explanation column before you submit.',
  '7. With the first return, also report the baseline (the value of the year before the plan started).',
  '8. Do not rename, delete or reorder sheets, and do not insert or delete rows.',
  '9. In a quarterly return, flows of the year (revenue, applications of the year, new counts) are year-to-date: January 1 to the end of the quarter (Q3: January–September).',
];
