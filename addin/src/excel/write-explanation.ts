import type { TemplateLayout } from '@zj/shared';
import { letterOf } from './plan-template-writes.js';
import { runExcel } from './run-excel.js';

/**
 * Writes an explanation (说明) typed in the task pane into the row's 说明 cell: the sheet is the
 * draft, so nothing typed is lost when the network or the task pane goes away. The cell is
 * unlocked, so the protected sheet accepts it.
 */
export async function writeExplanation(layout: TemplateLayout, fieldKey: string, text: string): Promise<void> {
  const row = layout.rows.find((r) => r.fieldKey === fieldKey);
  if (row?.cells.explanation?.kind !== 'input') return;
  await runExcel(async (context) => {
    const range = context.workbook.worksheets.getItem(layout.sheetName).getRange(`${letterOf(layout, 'explanation')}${row.row}`);
    range.values = [[text]];
    await context.sync();
  });
}
