import { layoutTemplate, readTemplateCells, type ReturnInput, type TemplateLayout, type TemplateModel } from '@zj/shared';
import { ExcelError } from './excel-error.js';
import { metaRangeAddress, parseMeta } from './find-template-sheets.js';
import { letterOf } from './plan-template-writes.js';
import { runExcel } from './run-excel.js';

export interface SheetReturn {
  /** The layout the sheet was written with (its language may differ from the UI's). */
  layout: TemplateLayout;
  input: ReturnInput;
}

/**
 * Reads the filled template sheet back into a ReturnInput (shared readTemplateCells, the same
 * reading the server applies to an uploaded workbook). Refuses, with a reason the user can act
 * on, a sheet of another return, of an older template, or whose rows were moved.
 */
export async function readReturn(template: TemplateModel): Promise<SheetReturn> {
  const layouts = [layoutTemplate(template, 'zh'), layoutTemplate(template, 'en')];
  return runExcel(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const present = new Set(sheets.items.map((s) => s.name));
    const layout = layouts.find((l) => present.has(l.sheetName));
    if (!layout) throw new ExcelError('no_template_sheet');

    const meta = present.has(layout.metaSheetName) ? sheets.getItem(layout.metaSheetName).getRange(metaRangeAddress(layout)) : null;
    meta?.load('values');
    const code = letterOf(layout, 'code');
    const last = layout.columns[layout.columns.length - 1]!.letter;
    const block = sheets.getItem(layout.sheetName).getRange(`${code}${layout.firstDataRow}:${last}${layout.lastDataRow}`);
    block.load('values');
    await context.sync();

    const found = meta ? parseMeta(meta.values) : null;
    if (found === null) throw new ExcelError('sheet_damaged');
    if (found['park'] !== template.park || found['period'] !== template.period) {
      throw new ExcelError('sheet_other_return', { park: found['park'] ?? '', period: found['period'] ?? '' });
    }
    if (found['templateVersion'] !== template.version) throw new ExcelError('sheet_stale');
    const values = block.values as unknown[][];
    const moved = layout.rows.some((row, i) => values[i]?.[0] !== row.fieldKey);
    if (moved) throw new ExcelError('sheet_damaged');

    const firstColumn = code.charCodeAt(0);
    const cell = (address: string) => {
      const match = /^([A-Z])(\d+)$/.exec(address);
      if (!match) return null;
      const v = values[Number(match[2]) - layout.firstDataRow]?.[match[1]!.charCodeAt(0) - firstColumn];
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
    };
    return { layout, input: readTemplateCells(layout, template.version, cell) };
  });
}
