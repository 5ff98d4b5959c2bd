import { layoutTemplate, readTemplateCells, type ReturnInput, type TemplateLayout, type TemplateModel } from '@zj/shared';
import { ExcelError } from './excel-error.js';
import { metaRangeAddress, parseMeta, placeLayout, sheetOfReference, VALUES_NAME } from './find-template-sheets.js';
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
  const layouts = { zh: layoutTemplate(template, 'zh'), en: layoutTemplate(template, 'en') };
  return runExcel(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    context.workbook.names.load('items/name,items/formula');
    await context.sync();
    const present = new Set(sheets.items.map((s) => s.name));
    // Where the add-in last wrote the template (it may be 填报表 (2), or renamed by the user),
    // else a sheet with the template's name in either language.
    const pointed = sheetOfReference(context.workbook.names.items.find((n) => n.name === VALUES_NAME)?.formula);
    const name = pointed !== null && present.has(pointed) ? pointed : [layouts.zh.sheetName, layouts.en.sheetName].find((n) => present.has(n));
    if (name === undefined) throw new ExcelError('no_template_sheet');
    // The columns are the same in both languages: the header says which one the sheet is in.
    const zh = layouts.zh;
    const header = sheets.getItem(name).getRange(`${letterOf(zh, 'code')}${zh.headerRow}`);
    header.load('values');
    const meta = present.has(zh.metaSheetName) ? sheets.getItem(zh.metaSheetName).getRange(metaRangeAddress(zh)) : null;
    meta?.load('values');
    const code = letterOf(zh, 'code');
    const last = zh.columns[zh.columns.length - 1]!.letter;
    const block = sheets.getItem(name).getRange(`${code}${zh.firstDataRow}:${last}${zh.lastDataRow}`);
    block.load('values');
    await context.sync();
    const lang = (header.values as unknown[][])[0]?.[0] === layouts.en.columns.find((c) => c.key === 'code')!.header ? 'en' : 'zh';
    const layout = placeLayout(layouts[lang], name);

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
