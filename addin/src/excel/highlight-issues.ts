import type { Issue, TemplateLayout } from '@zj/shared';
import { applyWriteOp } from './apply-write-op.js';
import { planHighlights } from './plan-highlights.js';
import { runExcel } from './run-excel.js';
import { MAX_COMMAND_BYTES } from './chunk-rows.js';
import { DEFAULT_SYNC_LIMIT_BYTES, SyncBudget, payloadBytes, type SyncStats } from './sync-budget.js';
import { commandsOf } from './write-ops.js';

const PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };

/** Shows the latest validation on the sheet (see planHighlights); the sheet stays protected. */
export async function highlightIssues(layout: TemplateLayout, issues: readonly Issue[], limitBytes?: number): Promise<SyncStats> {
  return runExcel(async (context) => {
    const limit = limitBytes ?? DEFAULT_SYNC_LIMIT_BYTES;
    const budget = new SyncBudget(context, limit);
    const sheet = context.workbook.worksheets.getItem(layout.sheetName);
    sheet.protection.unprotect();
    for (const op of planHighlights(layout, issues, Math.min(MAX_COMMAND_BYTES, limit / 4))) {
      await budget.reserve(payloadBytes(op, commandsOf(op)));
      applyWriteOp(sheet, op);
    }
    sheet.protection.protect(PROTECTION);
    await budget.flush();
    return budget.stats;
  });
}
