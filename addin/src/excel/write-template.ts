import { DEFINED_NAMES, layoutTemplate, type Lang, type TemplateLayout, type TemplateModel } from '@zj/shared';
import { applyWriteOp } from './apply-write-op.js';
import { ExcelError } from './excel-error.js';
import { freeSheetName, placeLayout } from './find-template-sheets.js';
import { lookAtWorkbook, type WorkbookLook } from './look-at-workbook.js';
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
  /**
   * A sheet with the template's name that was left as it was, so the template went into a sheet
   * of its own (layout.sheetName): a sheet of the user's own, or the template sheet once the user
   * unprotected it (anything may have been typed anywhere in it). Null when nothing was in the way.
   */
  leftAlone: { sheet: string; reason: 'not_template' | 'unprotected' } | null;
  stats: SyncStats;
}

const PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };

/**
 * Writes the template of one return into the workbook: the template sheet (values, formulas,
 * number formats, data validation, yellow unlocked input cells, protection), the instructions
 * sheet, the very-hidden _meta sheet and the defined names, in a bounded number of syncs of
 * bounded size.
 *
 * Nothing typed is ever lost, and Excel below ExcelApi 1.20 has no undo for this: a sheet is
 * cleared and rewritten only when it is the add-in's own template sheet of this return, still
 * protected (so only its yellow cells can hold anything typed, and those are carried over by
 * indicator code). A sheet of the user's own named 填报表, or the template sheet once the user
 * unprotected it, is left as it is and the template goes into 填报表 (2). A template sheet of
 * another return with figures typed in it is refused (ExcelError sheet_other_return).
 */
export async function writeTemplate(template: TemplateModel, lang: Lang, options: WriteTemplateOptions = {}): Promise<WriteTemplateResult> {
  const base = layoutTemplate(template, lang);
  return runExcel(async (context) => {
    const workbook = context.workbook;
    const limit = options.limitBytes ?? DEFAULT_SYNC_LIMIT_BYTES;
    const budget = new SyncBudget(context, limit);

    // 1. What is there already (nothing is changed yet).
    const look = await lookAtWorkbook(context, budget, template);
    if (look.metaTaken) throw new ExcelError('sheet_name_taken', { sheet: base.metaSheetName });
    const plan = chooseSheets(base, look);
    const layout = placeLayout(base, plan.sheet.name, plan.instructions.name);

    // 2. The three sheets, fresh or cleared (a dozen small commands).
    await budget.reserve(COMMAND_ENVELOPE_BYTES * 24);
    const sheets = workbook.worksheets;
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
      [layout.sheetName]: ensure(plan.sheet.rewrite, layout.sheetName),
      [layout.instructionsSheetName]: ensure(plan.instructions.rewrite, layout.instructionsSheetName),
      [layout.metaSheetName]: ensure(look.meta !== null || look.sheets.has(layout.metaSheetName) ? layout.metaSheetName : null, layout.metaSheetName),
    };
    const ours = new Set<string>(Object.values(DEFINED_NAMES));
    for (const item of look.names) if (ours.has(item.name)) workbook.names.getItem(item.name).delete();

    // 3. Cells, formats, validation, styles: as many commands per sync as the budget allows.
    const ops = planTemplateWrites(layout, plan.drafts, Math.min(MAX_COMMAND_BYTES, limit / 4));
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
    await budget.reserve(COMMAND_ENVELOPE_BYTES * 12);
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
    return { layout, keptDrafts: countKept(layout, plan.drafts), leftAlone: plan.leftAlone, stats: budget.stats };
  }, { oneUndoStep: true });
}

interface SheetPlan {
  sheet: { name: string; rewrite: string | null };
  instructions: { name: string; rewrite: string | null };
  drafts: ReadonlyMap<string, SheetDraft>;
  leftAlone: WriteTemplateResult['leftAlone'];
}

/** Where the template goes, what is rewritten in place, and what typed values come along. */
function chooseSheets(layout: TemplateLayout, look: WorkbookLook): SheetPlan {
  const names = [...look.sheets.keys()];
  const others = (except: string | null) => names.filter((n) => n !== except);
  // The sheet name in this language: kept if it already is one (填报表 (2) stays 填报表 (2)).
  const nameFor = (existing: string | null, base: string) =>
    existing !== null && (existing === base || existing.startsWith(`${base} (`)) ? existing : freeSheetName(base, others(existing));

  const found = look.templateSheets.find((s) => s.isTemplate) ?? null;
  let rewrite: string | null = null;
  let drafts: ReadonlyMap<string, SheetDraft> = new Map();
  if (found && !found.sameReturn) {
    // Another park's or period's return: its figures are never overwritten, and the workbook has
    // one _meta, so the two cannot live side by side.
    if (found.typed || !found.protected) throw new ExcelError('sheet_other_return', { park: look.meta?.['park'] ?? '', period: look.meta?.['period'] ?? '' });
    rewrite = found.name;
  } else if (found) {
    drafts = found.drafts;
    if (found.protected) rewrite = found.name;
  }
  const sheetName = nameFor(rewrite, layout.sheetName);
  const blocking = rewrite === null ? (names.find((n) => n.toLowerCase() === layout.sheetName.toLowerCase()) ?? null) : null;
  const leftAlone: WriteTemplateResult['leftAlone'] =
    blocking === null ? null : { sheet: blocking, reason: found && found.name === blocking && found.sameReturn ? 'unprotected' : 'not_template' };

  const info = look.instructionsSheets[0] ?? null;
  const taken = new Set([...names.filter((n) => n !== rewrite && n !== info), sheetName]);
  const infoName = info !== null && (info === layout.instructionsSheetName || info.startsWith(`${layout.instructionsSheetName} (`)) ? info : freeSheetName(layout.instructionsSheetName, taken);
  return { sheet: { name: sheetName, rewrite }, instructions: { name: infoName, rewrite: info }, drafts, leftAlone };
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
