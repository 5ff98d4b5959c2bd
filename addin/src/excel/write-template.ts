import { DEFINED_NAMES, layoutTemplate, type Lang, type TemplateLayout, type TemplateModel } from '@zj/shared';
import { applyWriteOp } from './apply-write-op.js';
import { ExcelError } from './excel-error.js';
import { metaRangeAddress, parseMeta, templateSheetNames } from './find-template-sheets.js';
import { letterOf, planTemplateWrites, type SheetDraft } from './plan-template-writes.js';
import { runExcel } from './run-excel.js';
import { MAX_COMMAND_BYTES } from './chunk-rows.js';
import { COMMAND_ENVELOPE_BYTES, DEFAULT_SYNC_LIMIT_BYTES, SyncBudget, payloadBytes, type SyncStats } from './sync-budget.js';
import { commandsOf } from './write-ops.js';

export interface WriteTemplateOptions {
  onProgress?: (done: number, total: number) => void;
  /** Payload budget of one sync (tests lower it to exercise the batching). */
  limitBytes?: number;
}

export interface WriteTemplateResult {
  layout: TemplateLayout;
  /** Rows whose typed figures, baselines or explanations were carried over from the sheet already there. */
  keptDrafts: number;
  stats: SyncStats;
}

const PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };

/**
 * Writes the template of one return into the workbook: the template sheet (values, formulas,
 * number formats, data validation, yellow unlocked input cells, protection), the instructions
 * sheet, the very-hidden _meta sheet and the defined names, in a bounded number of syncs of
 * bounded size. A sheet of the same return already in the workbook is rewritten in place and
 * what the user typed in it is kept; a sheet of another return is never overwritten.
 */
export async function writeTemplate(template: TemplateModel, lang: Lang, options: WriteTemplateOptions = {}): Promise<WriteTemplateResult> {
  const layout = layoutTemplate(template, lang);
  const names = templateSheetNames(template);
  return runExcel(async (context) => {
    const workbook = context.workbook;
    const limit = options.limitBytes ?? DEFAULT_SYNC_LIMIT_BYTES;
    const budget = new SyncBudget(context, limit);

    // 1. What is there already.
    const sheets = workbook.worksheets;
    await budget.reserve(COMMAND_ENVELOPE_BYTES * 4);
    sheets.load('items/name');
    workbook.names.load('items/name');
    await budget.flush();
    const present = new Set(sheets.items.map((s) => s.name));
    const existingSheet = names.sheet.find((n) => present.has(n)) ?? null;
    const existingInfo = names.instructions.find((n) => present.has(n)) ?? null;
    const drafts = existingSheet ? await readDrafts(context, budget, layout, existingSheet, present.has(layout.metaSheetName)) : new Map<string, SheetDraft>();

    // 2. The three sheets, fresh or cleared (a dozen small commands).
    await budget.reserve(COMMAND_ENVELOPE_BYTES * 16);
    const ensure = (existing: string | null, name: string): Excel.Worksheet => {
      if (existing === null) return sheets.add(name);
      const sheet = sheets.getItem(existing);
      sheet.protection.unprotect();
      sheet.freezePanes.unfreeze();
      const all = sheet.getRange();
      all.unmerge();
      all.clear('All');
      all.dataValidation.clear();
      if (existing !== name) sheet.name = name;
      return sheet;
    };
    const target = {
      [layout.sheetName]: ensure(existingSheet, layout.sheetName),
      [layout.instructionsSheetName]: ensure(existingInfo, layout.instructionsSheetName),
      [layout.metaSheetName]: ensure(present.has(layout.metaSheetName) ? layout.metaSheetName : null, layout.metaSheetName),
    };
    const ours = new Set<string>(Object.values(DEFINED_NAMES));
    for (const item of workbook.names.items) if (ours.has(item.name)) workbook.names.getItem(item.name).delete();

    // 3. Cells, formats, validation, styles: as many commands per sync as the budget allows.
    const ops = planTemplateWrites(layout, drafts, Math.min(MAX_COMMAND_BYTES, limit / 4));
    let done = 0;
    for (const op of ops) {
      await budget.reserve(payloadBytes(op, commandsOf(op)));
      applyWriteOp(target[op.sheet]!, op);
      done += 1;
      if (done % 50 === 0) options.onProgress?.(done, ops.length);
    }

    // 4. Names, hiding, protection; the user lands on the first input cell.
    for (const name of layout.names) {
      await budget.reserve(payloadBytes(name));
      workbook.names.add(name.name, `=${name.ref}`);
    }
    const sheet = target[layout.sheetName]!;
    target[layout.metaSheetName]!.visibility = 'VeryHidden';
    // Headers and the number and name of each indicator stay in view (as in the template workbook).
    sheet.freezePanes.freezeAt(`A1:${letterOf(layout, 'label')}${layout.headerRow}`);
    sheet.protection.protect(PROTECTION);
    target[layout.instructionsSheetName]!.protection.protect(PROTECTION);
    sheet.activate();
    const firstInput = layout.rows.find((r) => r.cells.value?.kind === 'input')?.row ?? layout.firstDataRow;
    sheet.getRange(`${letterOf(layout, 'value')}${firstInput}`).select();
    await budget.flush();
    options.onProgress?.(ops.length, ops.length);
    return { layout, keptDrafts: countKept(layout, drafts), stats: budget.stats };
  }, { oneUndoStep: true });
}

/**
 * Figures, baselines and explanations typed in an existing template sheet, by field key (read
 * from the code column, so they survive a template whose rows moved). Throws when the sheet
 * holds another return with typed figures: that work must not be overwritten.
 */
async function readDrafts(
  context: Excel.RequestContext,
  budget: SyncBudget,
  layout: TemplateLayout,
  sheetName: string,
  hasMeta: boolean,
): Promise<Map<string, SheetDraft>> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const used = sheet.getUsedRangeOrNullObject(true);
  await budget.reserve(COMMAND_ENVELOPE_BYTES * 6);
  used.load('rowIndex,rowCount');
  const metaRange = hasMeta ? context.workbook.worksheets.getItem(layout.metaSheetName).getRange(metaRangeAddress(layout)) : null;
  metaRange?.load('values');
  await budget.flush();
  const meta = metaRange ? parseMeta(metaRange.values) : {};
  const lastRow = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
  const drafts = new Map<string, SheetDraft>();
  if (lastRow < layout.firstDataRow) return drafts;

  const code = letterOf(layout, 'code');
  const explanation = letterOf(layout, 'explanation');
  const block = sheet.getRange(`${code}${layout.firstDataRow}:${explanation}${lastRow}`);
  await budget.reserve(COMMAND_ENVELOPE_BYTES * 2);
  block.load('formulas');
  await budget.flush();
  const offset = (key: 'value' | 'baseline' | 'explanation') => letterOf(layout, key).charCodeAt(0) - code.charCodeAt(0);
  const filled = (v: unknown): v is string | number => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '');
  for (const row of block.formulas as unknown[][]) {
    const key = row[0];
    if (typeof key !== 'string' || key === '') continue;
    const draft: SheetDraft = {};
    const value = row[offset('value')];
    const baseline = row[offset('baseline')];
    const text = row[offset('explanation')];
    if (filled(value)) draft.value = value;
    if (filled(baseline)) draft.baseline = baseline;
    if (filled(text)) draft.explanation = text;
    if (Object.keys(draft).length > 0) drafts.set(key, draft);
  }
  const park = layout.meta.find(([k]) => k === 'park')?.[1];
  const period = layout.meta.find(([k]) => k === 'period')?.[1];
  const sameReturn = !hasMeta || (meta['park'] === park && meta['period'] === period);
  // Formulas are the template's own (derived fields); anything else in an input column was typed.
  const typed = [...drafts.values()].some((d) => [d.value, d.baseline, d.explanation].some((v) => v !== undefined && !String(v).startsWith('=')));
  if (!sameReturn && typed) {
    throw new ExcelError('sheet_other_return', { park: meta['park'] ?? '', period: meta['period'] ?? '' });
  }
  return sameReturn ? drafts : new Map();
}

/** Rows of the new layout that got back something the user had typed. */
function countKept(layout: TemplateLayout, drafts: ReadonlyMap<string, SheetDraft>): number {
  return layout.rows.filter((row) => {
    const d = drafts.get(row.fieldKey);
    if (!d) return false;
    const kept = (v: unknown, kind: string | undefined) => v !== undefined && kind === 'input' && !String(v).startsWith('=');
    return kept(d.value, row.cells.value?.kind) || kept(d.baseline, row.cells.baseline?.kind) || kept(d.explanation, row.cells.explanation?.kind);
  }).length;
}
