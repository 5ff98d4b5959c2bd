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
  type TemplateModel,
} from '@zj/shared';
import { checkXlsxZip } from './check-xlsx-zip.js';
import { UPLOAD_LIMITS, type UploadLimits } from './upload-limits.js';
import { loadExcelJs } from './load-exceljs.js';

export type ReadTemplateResult =
  | { ok: true; input: ReturnInput; meta: Record<string, string> }
  | { ok: false; issues: Issue[] };

export interface ReadTemplateOptions {
  lang?: Lang;
  limits?: UploadLimits;
  /** Display name of a park code for messages (金山园 for jinshan); the code itself by default. */
  parkName?: (code: string) => string;
}

/**
 * Reads an uploaded template workbook into a ReturnInput for validateReturn, or says every
 * reason it cannot: not a safe .xlsx (checked before unzipping), no or tampered `_meta`, another
 * park or period, an out-of-date template version, renamed sheets or moved rows. `template` is
 * the current template of the park and period the upload is for.
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
  const codeColumn = layout.columns.find((c) => c.key === 'code')!.letter;
  for (const row of layout.rows) {
    const found = text(sheet.getCell(`${codeColumn}${row.row}`).value);
    if (found !== row.fieldKey) {
      issues.push(makeIssue('upload_layout_changed', 'error', `row.${row.row}`, { row: row.row, expected: row.fieldKey, found }));
    }
  }
  if (issues.length > 0) return { ok: false, issues };

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
