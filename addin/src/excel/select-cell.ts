import type { TemplateLayout } from '@zj/shared';
import { cellOfPath } from './cell-of-path.js';
import { runExcel } from './run-excel.js';

/** Brings the cell an issue concerns into view and selects it. False when the issue has no cell. */
export async function selectCell(layout: TemplateLayout, path: string): Promise<boolean> {
  const cell = cellOfPath(layout, path);
  if (!cell) return false;
  await runExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItem(layout.sheetName);
    sheet.activate();
    sheet.getRange(cell.address).select();
    await context.sync();
  });
  return true;
}
