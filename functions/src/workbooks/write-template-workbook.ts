import type { Cell, DataValidation, Worksheet } from 'exceljs';
import { layoutTemplate, type CellContent, type CellValidation, type Lang, type TemplateLayout, type TemplateModel } from '@zj/shared';
import { FILLS, THIN_BORDER, font, setupSheetForPrint } from './workbook-style.js';
import { fitRowHeights } from './sheet-helpers.js';
import { toCellText } from './to-cell-text.js';
import { loadExcelJs } from './load-exceljs.js';

/**
 * The template workbook (offline and WPS route): exactly the cells, formats, validations and
 * names of layoutTemplate, the one description the add-in writes too. Labels are locked (the
 * sheet is protected without a password, so it guards against slips, not people); input cells are
 * unlocked and yellow, with the field's number format and data validation. A very hidden `_meta`
 * sheet carries park, period, template version, fields and their hash for the upload check.
 */
export async function writeTemplateWorkbook(template: TemplateModel, lang: Lang = 'zh'): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const layout = layoutTemplate(template, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhangjiang park returns';
  wb.created = new Date(0); // the file depends on the template only
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet(layout.sheetName, { properties: { tabColor: { argb: 'FF2F6EBA' } } });
  writeReturnSheet(ws, layout);
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  writeInstructions(wb.addWorksheet(layout.instructionsSheetName), layout);
  const meta = wb.addWorksheet(layout.metaSheetName, { state: 'veryHidden' });
  for (const [key, value] of layout.meta) {
    const row = meta.addRow([key, value]);
    row.getCell(2).numFmt = '@';
  }
  for (const n of layout.names) wb.definedNames.add(n.ref, n.name);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function writeReturnSheet(ws: Worksheet, layout: TemplateLayout): void {
  ws.columns = layout.columns.map((c) => ({ key: c.key, width: c.width }));
  const lastCol = layout.columns.at(-1)!.letter;
  ws.mergeCells(`A1:${lastCol}1`);
  ws.getCell('A1').value = layout.title;
  ws.getCell('A1').font = font({ size: 14, bold: true });
  ws.getRow(1).height = 24;
  ws.mergeCells(`A2:${lastCol}2`);
  ws.getCell('A2').value = layout.subtitle;
  ws.getCell('A2').font = font({ color: { argb: 'FF595959' } });
  const header = ws.getRow(layout.headerRow);
  layout.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = font({ bold: true });
    cell.fill = FILLS.header;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.height = 20;
  for (const row of layout.rows) {
    for (const column of layout.columns) {
      const cell = ws.getCell(`${column.letter}${row.row}`);
      writeLayoutCell(cell, row.cells[column.key] ?? { kind: 'empty' });
      cell.border = THIN_BORDER;
      if (!cell.font?.name) cell.font = font();
      if (column.key === 'label' || column.key === 'quote' || column.key === 'explanation' || column.key === 'target') {
        cell.alignment = { vertical: 'top', wrapText: true };
      }
      // Codes are read back on upload; they do not wrap at a sensible place, so they shrink.
      if (column.key === 'code') cell.alignment = { vertical: 'top', shrinkToFit: true };
    }
  }
  // Excel and WPS keep the height of rows a program wrote: two-line labels would print cut off.
  // (The add-in writes through Excel, which grows the rows itself.)
  fitRowHeights(ws, layout.firstDataRow);
  setupSheetForPrint(ws, { titleRows: layout.headerRow, frozenColumns: 2, headerFooter: layout.title });
}

function writeLayoutCell(cell: Cell, content: CellContent): void {
  switch (content.kind) {
    case 'text':
      cell.value = toCellText(content.text);
      return;
    case 'number':
      cell.value = content.value;
      cell.numFmt = content.numFmt;
      return;
    case 'formula':
      // Blank components give "": the cached result of a fresh template. fullCalcOnLoad makes
      // Excel, WPS and LibreOffice compute it on opening.
      cell.value = { formula: content.formula, result: '' };
      cell.numFmt = content.numFmt;
      cell.fill = FILLS.muted;
      return;
    case 'input':
      cell.numFmt = content.numFmt;
      cell.fill = FILLS.input;
      cell.protection = { locked: false };
      if (content.validation) cell.dataValidation = dataValidation(content.validation);
      return;
    case 'empty':
      return;
  }
}

/** Excel caps an input prompt and an error message at 255 characters. */
const cap = (s: string) => (s.length <= 255 ? s : `${s.slice(0, 254)}…`);

function dataValidation(v: CellValidation): DataValidation {
  const common = {
    type: v.type,
    allowBlank: true,
    showInputMessage: true,
    prompt: cap(v.prompt),
    showErrorMessage: true,
    errorStyle: 'stop',
    error: cap(v.error),
  } as const;
  if (v.min !== undefined && v.max !== undefined) return { ...common, operator: 'between', formulae: [v.min, v.max] };
  if (v.min !== undefined) return { ...common, operator: 'greaterThanOrEqual', formulae: [v.min] };
  if (v.max !== undefined) return { ...common, operator: 'lessThanOrEqual', formulae: [v.max] };
  // No bounds: still refuse text in a number cell.
  return { ...common, operator: 'between', formulae: [-1e15, 1e15] };
}

function writeInstructions(ws: Worksheet, layout: TemplateLayout): void {
  ws.getColumn(1).width = 110;
  layout.instructions.forEach((line, i) => {
    const cell = ws.getCell(`A${i + 1}`);
    cell.value = toCellText(line);
    cell.font = font(i === 0 ? { size: 14, bold: true } : {});
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  ws.getRow(1).height = 24;
  fitRowHeights(ws, 2);
  setupSheetForPrint(ws, { titleRows: 1, frozenColumns: 0, headerFooter: layout.title });
  ws.views = [{}];
}
