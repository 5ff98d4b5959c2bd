import type { CellValue as ExcelCellValue } from 'exceljs';
import {
  contentHash,
  layoutTemplate,
  makeIssue,
  readTemplateCells,
  type CellValue,
  type Issue,
  type Lang,
  type ReturnInput,
  type TemplateLayout,
  type TemplateModel,
} from '@zj/shared';
import { checkXlsxZip } from './check-xlsx-zip.js';
import { UPLOAD_LIMITS, type UploadLimits } from './upload-limits.js';
import { loadExcelJs } from './load-exceljs.js';

export type ReadTemplateResult = { ok: true; input: ReturnInput; meta: Record<string, string> } | { ok: false; issues: Issue[] };

export interface ReadTemplateOptions {
  lang?: Lang;
  limits?: UploadLimits;
  /** Display name of a park code for messages (金山园 for jinshan); the code itself by default. */
  parkName?: (code: string) => string;
}

/**
 * Reads an uploaded template workbook into a ReturnInput for validateReturn, or says every
 * reason it cannot: not a safe .xlsx (checked before unzipping; an .xls, .et or .ods is told
 * apart, with how to save it as .xlsx), no or tampered `_meta`, another park or period, an
 * out-of-date template version, a renamed sheet, a column inserted or deleted, rows sorted,
 * inserted or deleted. `template` is the current template of the park and period the upload is for.
 *
 * The `_meta` hash is SHA-256 over park, period, template version and fields, computed as
 * layoutTemplate does: it catches a hand-edited `_meta` (the add-in writes the same), not a
 * forger, which authentication and the template version check are there for.
 */
export async function readTemplateWorkbook(bytes: Uint8Array, template: TemplateModel, options: ReadTemplateOptions = {}): Promise<ReadTemplateResult> {
  const ExcelJS = await loadExcelJs();
  const zip = await checkXlsxZip(bytes, options.limits ?? UPLOAD_LIMITS);
  if (!zip.ok) return { ok: false, issues: [zip.issue] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, issues: [makeIssue('upload_corrupt', 'error', 'file')] };
  }
  const layout = layoutTemplate(template, options.lang ?? 'zh');
  const name = options.parkName ?? ((code: string) => code);

  const metaSheet = wb.getWorksheet(layout.metaSheetName);
  if (!metaSheet) return { ok: false, issues: [makeIssue('upload_meta_missing', 'error', 'meta')] };
  const meta: Record<string, string> = {};
  metaSheet.eachRow((row) => {
    const key = text(row.getCell(1).value);
    if (key) meta[key] = text(row.getCell(2).value);
  });
  const issues: Issue[] = [];
  const core = { park: meta.park ?? '', period: meta.period ?? '', templateVersion: meta.templateVersion ?? '', fields: meta.fields ?? '' };
  if (!meta.hash || contentHash(core) !== meta.hash) {
    return { ok: false, issues: [makeIssue('upload_meta_tampered', 'error', 'meta.hash')] };
  }
  if (core.park !== template.park) issues.push(makeIssue('upload_wrong_park', 'error', 'meta.park', { found: name(core.park), expected: name(template.park) }));
  if (core.period !== template.period) issues.push(makeIssue('upload_wrong_period', 'error', 'meta.period', { found: core.period, expected: template.period }));
  if (issues.length === 0 && core.templateVersion !== template.version) {
    issues.push(
      makeIssue('upload_template_outdated', 'error', 'meta.templateVersion', {
        found: core.templateVersion.slice(0, 12),
        expected: template.version.slice(0, 12),
      }),
    );
  }
  if (issues.length > 0) return { ok: false, issues };

  const sheet = wb.getWorksheet(layout.sheetName);
  if (!sheet) return { ok: false, issues: [makeIssue('upload_sheet_missing', 'error', 'sheet', { sheet: layout.sheetName })] };
  // Columns first: a column inserted moves every code, and would read as every row moved.
  const columns = checkColumns(layout, (address) => text(sheet.getCell(address).value));
  if (columns.length > 0) return { ok: false, issues: columns };
  const codeColumn = layout.columns.find((c) => c.key === 'code')!.letter;
  const rows = checkRows(layout, template, (row) => text(sheet.getCell(`${codeColumn}${row}`).value));
  if (rows.length > 0) return { ok: false, issues: rows };

  // The template's own formula cells (ratios and rates computed from their components).
  const valueColumn = layout.columns.find((c) => c.key === 'value')!.letter;
  const formulaCells = new Set(layout.rows.filter((r) => r.cells.value?.kind === 'formula').map((r) => `${valueColumn}${r.row}`));
  const input = readTemplateCells(layout, core.templateVersion, (address) => {
    const cell = sheet.getCell(address);
    if (cell.type !== ExcelJS.ValueType.Formula) return cellValue(cell.value);
    // A formula's cached result from the model: exceljs's `value` getter drops a result of 0.
    const result = (cell.model as { result?: ExcelCellValue }).result ?? null;
    // The template's formula showing an error (#VALUE! when a component was typed as "100亿",
    // which the rules read but the sheet cannot divide) is no figure anyone typed: blank, so the
    // rules compute the ratio from its components.
    if (formulaCells.has(address) && isErrorValue(result)) return null;
    return cellValue(result);
  });
  return { ok: true, input, meta };
}

function isErrorValue(v: ExcelCellValue): boolean {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** A cell as the rules read it: formulas give their cached result, rich text its text, errors their code. */
function cellValue(v: ExcelCellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellValue((v as { result?: ExcelCellValue }).result ?? null);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('error' in v) return String(v.error);
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

function text(v: ExcelCellValue): string {
  const c = cellValue(v);
  return c === null || c === undefined ? '' : String(c).trim();
}

/**
 * The header row as written: a column inserted (the headers from there on moved right), a column
 * deleted (they moved left), or a header changed, each said once, with the column's letter.
 */
export function checkColumns(layout: TemplateLayout, cell: (address: string) => string): Issue[] {
  const expected = layout.columns.map((c) => c.header);
  const found = Array.from({ length: expected.length + 3 }, (_, i) => cell(`${columnName(i)}${layout.headerRow}`));
  const first = expected.findIndex((header, i) => found[i] !== header);
  if (first < 0) return [];
  const rest = (from: number, shift: number) => expected.slice(from).every((header, i) => found[from + i + shift] === header);
  for (let shift = 1; shift <= 3; shift++) {
    if (rest(first, shift))
      return [makeIssue('upload_column_inserted', 'error', `column.${columnName(first)}`, { column: columnName(first), expected: expected[first]! })];
  }
  if (first + 1 < expected.length && expected.slice(first + 1).every((header, i) => found[first + i] === header)) {
    return [makeIssue('upload_column_deleted', 'error', `column.${columnName(first)}`, { column: columnName(first), expected: expected[first]! })];
  }
  return [
    makeIssue('upload_header_changed', 'error', `row.${layout.headerRow}`, {
      row: layout.headerRow,
      column: columnName(first),
      expected: expected[first]!,
      found: found[first] ?? '',
    }),
  ];
}

/**
 * The field codes down the code column, against the template's: rows sorted (every code there,
 * in another order), rows inserted (codes pushed down from a row on), rows deleted (a code gone),
 * each said once in words a statistician can act on; anything else row by row.
 */
export function checkRows(layout: TemplateLayout, template: TemplateModel, codeAt: (row: number) => string): Issue[] {
  const expected = layout.rows.map((r) => r.fieldKey);
  const last = layout.firstDataRow + expected.length - 1;
  const found: string[] = [];
  for (let row = layout.firstDataRow; row <= last + 50; row++) found.push(codeAt(row));
  const within = found.slice(0, expected.length);
  if (within.every((code, i) => code === expected[i])) return [];
  const known = new Set(expected);
  const present = found.filter((code) => known.has(code));
  const label = (key: string) => template.fields.find((f) => f.key === key)?.label ?? { zh: key, en: key };
  const firstMismatch = within.findIndex((code, i) => code !== expected[i]);
  const rowAt = (i: number) => layout.firstDataRow + i;
  if (present.length === expected.length && new Set(present).size === expected.length) {
    // Every code is there, in the template's order but further down: rows were inserted.
    const inOrder = present.every((code, i) => code === expected[i]);
    if (inOrder) return [makeIssue('upload_rows_inserted', 'error', `row.${rowAt(firstMismatch)}`, { row: rowAt(firstMismatch) })];
    return [makeIssue('upload_rows_sorted', 'error', `row.${rowAt(firstMismatch)}`, {})];
  }
  const missing = expected.filter((code) => !present.includes(code));
  if (missing.length > 0 && present.every((code, i) => code === expected.filter((c) => !missing.includes(c))[i])) {
    return missing.map((key) => {
      const row = rowAt(expected.indexOf(key));
      return makeIssue('upload_rows_deleted', 'error', `row.${row}`, { row, indicator: label(key).zh, indicatorEn: label(key).en });
    });
  }
  return expected.flatMap((key, i) =>
    within[i] === key ? [] : [makeIssue('upload_layout_changed', 'error', `row.${rowAt(i)}`, { row: rowAt(i), expected: key, found: within[i] ?? '' })],
  );
}

/**
 * Validation issues of an uploaded workbook as a person reading the answer needs them: each one
 * on a cell of the sheet names its row, its indicator and its column (第12行「研发经费支出」(本期数):…);
 * the message without the place stays in `detail` / `detailEn`.
 */
export function locateIssues(template: TemplateModel, issues: readonly Issue[], lang: Lang = 'zh'): Issue[] {
  const zh = layoutTemplate(template, 'zh');
  const en = layoutTemplate(template, 'en');
  const layout = lang === 'zh' ? zh : en;
  const rows = new Map(layout.rows.map((r) => [r.fieldKey, r.row]));
  const header = (l: TemplateLayout, key: 'value' | 'baseline') => l.columns.find((c) => c.key === key)!.header;
  return issues.map((issue) => {
    const match = /^(figures|baselines)\.(.+)$/.exec(issue.path);
    const field = match ? template.fields.find((f) => f.key === match[2]) : undefined;
    const row = field ? rows.get(field.key) : undefined;
    if (!match || !field || row === undefined) return issue;
    const column = match[1] === 'figures' ? 'value' : 'baseline';
    const params = {
      ...issue.params,
      row,
      indicator: field.label.zh,
      indicatorEn: field.label.en,
      column: header(zh, column),
      columnEn: header(en, column),
      detail: issue.message.zh,
      detailEn: issue.message.en,
    };
    const located = makeIssue('upload_located', issue.severity, issue.path, params);
    return { ...issue, params, message: located.message };
  });
}

function columnName(index: number): string {
  return String.fromCharCode(65 + index);
}
