import type { Issue, TemplateLayout } from '@zj/shared';
import { applyWriteOp } from './apply-write-op.js';
import { planHighlights } from './plan-highlights.js';
import { runExcel } from './run-excel.js';
import { SyncBudget, payloadBytes, type SyncStats } from './sync-budget.js';

const PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };

/** Shows the latest validation on the sheet (see planHighlights); the sheet stays protected. */
export async function highlightIssues(layout: TemplateLayout, issues: readonly Issue[], limitBytes?: number): Promise<SyncStats> {
  return runExcel(async (context) => {
    const budget = new SyncBudget(context, limitBytes);
    const sheet = context.workbook.worksheets.getItem(layout.sheetName);
    sheet.protection.unprotect();
    for (const op of planHighlights(layout, issues)) {
      await budget.reserve(payloadBytes(op));
      applyWriteOp(sheet, op);
    }
    sheet.protection.protect(PROTECTION);
    await budget.flush();
    return budget.stats;
  });
}
