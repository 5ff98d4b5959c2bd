import { DEFINED_NAMES, layoutTemplate, type Lang, type TemplateLayout, type TemplateModel } from '@zj/shared';
import { applyWriteOp } from './apply-write-op.js';
import { ExcelError } from './excel-error.js';
import { freeSheetName, placeLayout } from './find-template-sheets.js';
import { lookAtWorkbook, type WorkbookLook } from './look-at-workbook.js';
import { letterOf, planTemplateWrites, type SheetDraft } from './plan-template-writes.js';
import { runExcel } from './run-excel.js';
import { MAX_COMMAND_BYTES } from './chunk-rows.js';
import { DEFAULT_SYNC_LIMIT_BYTES, REQUEST_COSTS, SyncBudget, jsonBytes, type SyncStats } from './sync-budget.js';
import { opBytes } from './write-ops.js';

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
 * Nothing typed is ever lost, and Excel below ExcelApi 1.20 has no undo for this:
 * - the template is written into a new sheet; the add-in's own template sheet of this return
 *   is replaced by it in the last sync (deleted, the new one takes its name) only while it is
 *   still protected, so only its yellow cells could hold anything typed, and those are carried
 *   over by indicator code;
 * - a sheet of the user's own named 填报表, or the template sheet once the user unprotected it,
 *   is left as it is, and the template stays in 填报表 (2) (see `leftAlone`);
 * - a template sheet of another return with figures typed in it is refused (sheet_other_return);
 * - when Excel refuses a request half-way, the sheets added so far are deleted again and the
 *   workbook is as it was.
 */
export async function writeTemplate(template: TemplateModel, lang: Lang, options: WriteTemplateOptions = {}): Promise<WriteTemplateResult> {
  const base = layoutTemplate(template, lang);
  const added: string[] = [];
  let replaced: { old: string; temp: string } | null = null;
  try {
    return await runExcel(
      async (context) => {
        const workbook = context.workbook;
        const limit = options.limitBytes ?? DEFAULT_SYNC_LIMIT_BYTES;
        const budget = new SyncBudget(context, limit);

        // 1. What is there already (nothing is changed yet).
        const look = await lookAtWorkbook(context, budget, template);
        if (look.metaTaken) throw new ExcelError('sheet_name_taken', { sheet: base.metaSheetName });
        const plan = chooseSheets(base, look);
        const layout = placeLayout(base, plan.sheet.name, plan.instructions.name);

        // 2. New sheets for the template and its instructions (under free names while the sheets
        //    they replace are there).
        const c = REQUEST_COSTS;
        await budget.reserve(2 * (c.object + 200));
        const sheets = workbook.worksheets;
        const taken = [...look.sheets.keys(), layout.sheetName, layout.instructionsSheetName];
        const tempOf = (replace: string | null, name: string) => (replace === null ? name : freeSheetName(name, taken.concat(added)));
        const temp = tempOf(plan.sheet.replace, layout.sheetName);
        if (plan.sheet.replace !== null) replaced = { old: plan.sheet.replace, temp };
        added.push(temp);
        const sheet = sheets.add(temp);
        const infoTemp = tempOf(plan.instructions.replace, layout.instructionsSheetName);
        added.push(infoTemp);
        const info = sheets.add(infoTemp);
        const target: Record<string, Excel.Worksheet> = { [layout.sheetName]: sheet, [layout.instructionsSheetName]: info };

        // 3. Cells, formats, validation, styles: as many commands per sync as the budget allows.
        const ops = planTemplateWrites(layout, plan.drafts, Math.min(MAX_COMMAND_BYTES, limit / 4));
        const metaOps = ops.filter((op) => op.sheet === layout.metaSheetName);
        let done = 0;
        for (const op of ops) {
          done += 1;
          if (op.sheet === layout.metaSheetName) continue;
          await budget.reserve(opBytes(op));
          applyWriteOp(target[op.sheet]!, op);
          if (done % 50 === 0) options.onProgress?.(done, ops.length);
        }

        // 4. The last sync: the old template sheet goes and the new one takes its name, then
        //    _meta, the names, hiding, protection; the user lands on the first input cell.
        const names = layout.names.reduce((sum, n) => sum + c.object + jsonBytes(n) + 100, 0);
        await budget.reserve(
          16 * c.object +
            8 * c.command +
            3 * c.range +
            look.names.length * (c.object + c.command + 100) +
            metaOps.reduce((sum, op) => sum + opBytes(op), 0) +
            names,
        );
        const ours = new Set<string>(Object.values(DEFINED_NAMES));
        for (const item of look.names) if (ours.has(item.name)) workbook.names.getItem(item.name).delete();
        // Each new sheet takes the place of the one it replaces: its name and its position.
        const swap = (replace: string | null, replacement: Excel.Worksheet, from: string, to: string) => {
          if (replace !== null) {
            sheets.getItem(replace).delete();
            if (from !== to) replacement.name = to;
          }
          const position = replace === null ? undefined : look.positions.get(replace);
          if (position !== undefined) replacement.position = position;
        };
        swap(plan.sheet.replace, sheet, temp, layout.sheetName);
        swap(plan.instructions.replace, info, infoTemp, layout.instructionsSheetName);
        let meta: Excel.Worksheet;
        if (look.sheets.has(layout.metaSheetName)) {
          meta = sheets.getItem(layout.metaSheetName);
          meta.getRange().clear('All');
        } else {
          meta = sheets.add(layout.metaSheetName);
        }
        for (const op of metaOps) applyWriteOp(meta, op);
        meta.visibility = 'VeryHidden';
        for (const name of layout.names) workbook.names.add(name.name, `=${name.ref}`);
        // Headers and the number and name of each indicator stay in view (as in the template workbook).
        sheet.freezePanes.freezeAt(`A1:${letterOf(layout, 'label')}${layout.headerRow}`);
        sheet.protection.protect(PROTECTION);
        info.protection.protect(PROTECTION);
        sheet.activate();
        const firstInput = layout.rows.find((r) => r.cells.value?.kind === 'input')?.row ?? layout.firstDataRow;
        sheet.getRange(`${letterOf(layout, 'value')}${firstInput}`).select();
        await budget.flush();
        options.onProgress?.(ops.length, ops.length);
        return { layout, keptDrafts: countKept(layout, plan.drafts), leftAlone: plan.leftAlone, stats: budget.stats };
      },
      { oneUndoStep: true },
    );
  } catch (error) {
    await removeUnfinished(added, replaced).catch(() => undefined);
    throw error;
  }
}

/**
 * After a refused request: the sheets this run added are deleted, so the workbook is as it was.
 * Once the old template sheet is gone (the last sync failed after deleting it), the new one is
 * all there is: it is kept, protected.
 */
async function removeUnfinished(added: readonly string[], replaced: { old: string; temp: string } | null): Promise<void> {
  if (added.length === 0) return;
  await runExcel(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const present = new Set(sheets.items.map((s) => s.name));
    const oldGone = replaced !== null && !present.has(replaced.old);
    let keep: Excel.WorksheetProtection | null = null;
    for (const name of added) {
      if (!present.has(name)) continue;
      if (oldGone && name === replaced!.temp) {
        keep = sheets.getItem(name).protection;
        keep.load('protected');
      } else {
        sheets.getItem(name).delete();
      }
    }
    await context.sync();
    if (keep && !keep.protected) {
      keep.protect(PROTECTION);
      await context.sync();
    }
  });
}

interface SheetPlan {
  /** The template sheet's name, and the sheet it replaces (deleted once the new one is written). */
  sheet: { name: string; replace: string | null };
  instructions: { name: string; replace: string | null };
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
  const infoName =
    info !== null && (info === layout.instructionsSheetName || info.startsWith(`${layout.instructionsSheetName} (`))
      ? info
      : freeSheetName(layout.instructionsSheetName, taken);
  return { sheet: { name: sheetName, replace: rewrite }, instructions: { name: infoName, replace: info }, drafts, leftAlone };
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
