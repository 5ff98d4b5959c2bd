import type { Issue, TemplateLayout } from '@zj/shared';
import { applyWriteOp } from './apply-write-op.js';
import { planHighlights } from './plan-highlights.js';
import { runExcel } from './run-excel.js';
import { MAX_COMMAND_BYTES } from './chunk-rows.js';
import { DEFAULT_SYNC_LIMIT_BYTES, REQUEST_COSTS, SyncBudget, type SyncStats } from './sync-budget.js';
import { opBytes } from './write-ops.js';

const PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };

/**
 * Shows the latest validation on the sheet (see planHighlights). The sheet is unprotected while
 * its fills and check column are written; if Excel refuses a request half-way, the protection
 * is put back before the error is passed on, so the template's locked cells stay locked.
 */
export async function highlightIssues(layout: TemplateLayout, issues: readonly Issue[], limitBytes?: number): Promise<SyncStats> {
  try {
    return await runExcel(async (context) => {
      const limit = limitBytes ?? DEFAULT_SYNC_LIMIT_BYTES;
      const budget = new SyncBudget(context, limit);
      await budget.reserve(2 * REQUEST_COSTS.object + REQUEST_COSTS.command);
      const sheet = context.workbook.worksheets.getItem(layout.sheetName);
      sheet.protection.unprotect();
      for (const op of planHighlights(layout, issues, Math.min(MAX_COMMAND_BYTES, limit / 4))) {
        await budget.reserve(opBytes(op));
        applyWriteOp(sheet, op);
      }
      await budget.reserve(REQUEST_COSTS.object + REQUEST_COSTS.command + 100);
      sheet.protection.protect(PROTECTION);
      await budget.flush();
      return budget.stats;
    });
  } catch (error) {
    await restoreProtection(layout.sheetName).catch(() => undefined);
    throw error;
  }
}

/** Protects the sheet again if a failed batch left it unprotected. */
async function restoreProtection(sheetName: string): Promise<void> {
  await runExcel(async (context) => {
    const protection = context.workbook.worksheets.getItem(sheetName).protection;
    protection.load('protected');
    await context.sync();
    if (protection.protected) return;
    protection.protect(PROTECTION);
    await context.sync();
  });
}
