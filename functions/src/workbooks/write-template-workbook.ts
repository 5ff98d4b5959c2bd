import type { Cell, DataValidation, Worksheet } from 'exceljs';
import { layoutTemplate, validationFormula, type CellContent, type CellValidation, type Lang, type TemplateLayout, type TemplateModel } from '@zj/shared';
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
  ws.columns = layout.columns.map((c) => ({ key: c.key, width: c.width, ...(c.hidden ? { hidden: true } : {}) }));
  writeBlocks(ws, layout);
  const header = ws.getRow(layout.headerRow);
  layout.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = font({ bold: true });
    cell.fill = FILLS.header;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.height = 30; // two lines: 序号 wraps in its narrow column
  for (const row of layout.rows) {
    for (const column of layout.columns) {
      const cell = ws.getCell(`${column.letter}${row.row}`);
      writeLayoutCell(cell, row.cells[column.key] ?? { kind: 'empty' });
      cell.border = THIN_BORDER;
      if (!cell.font?.name) cell.font = font();
      // Every cell of a row starts at its top: wrapped texts make rows tall.
      const wrap = column.key === 'label' || column.key === 'quote' || column.key === 'explanation' || column.key === 'target';
      cell.alignment = { vertical: 'top', ...(wrap ? { wrapText: true } : {}) };
    }
  }
  // Excel and WPS keep the height of rows a program wrote: two-line labels would print cut off.
  // (The add-in writes through Excel, which grows the rows itself.)
  fitRowHeights(ws, layout.firstDataRow);
  setupSheetForPrint(ws, { titleRows: layout.headerRow, frozenColumns: 2, headerFooter: layout.title });
  // The header row repeats on every printed page; the heading above it prints once.
  ws.pageSetup.printTitlesRow = `${layout.headerRow}:${layout.headerRow}`;
}

/**
 * The formal return around the table (layout.blocks): the heading (表号, 制表机关, 填报单位（盖章）,
 * 报告期), the signatures under the table, each beside an unlocked yellow cell to fill in, and
 * the note on how to fill the sheet.
 */
function writeBlocks(ws: Worksheet, layout: TemplateLayout): void {
  for (const block of layout.blocks) {
    if (block.merge) ws.mergeCells(block.merge);
    const cell = ws.getCell(block.address);
    const s = block.style ?? {};
    cell.font = font({ ...(s.bold ? { bold: true } : {}), ...(s.size ? { size: s.size } : {}), ...(s.muted ? { color: { argb: 'FF595959' } } : {}) });
    cell.alignment = { vertical: 'middle', ...(s.align ? { horizontal: s.align } : {}), ...(s.wrap ? { wrapText: true } : {}) };
    if (block.content.kind === 'text') cell.value = toCellText(block.content.text);
    else {
      cell.numFmt = '@';
      cell.fill = FILLS.input;
      cell.protection = { locked: false };
      cell.border = { bottom: THIN_BORDER.bottom };
    }
    if (s.height) ws.getRow(Number(cell.row)).height = s.height;
  }
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
      if (content.validation) cell.dataValidation = dataValidation(content.validation, cell.address);
      return;
    case 'empty':
      return;
  }
}

/** Excel caps an input prompt and an error message at 255 characters. */
const cap = (s: string) => (s.length <= 255 ? s : `${s.slice(0, 254)}…`);

function dataValidation(v: CellValidation, address: string): DataValidation {
  const common = {
    type: v.type,
    allowBlank: true,
    showInputMessage: true,
    prompt: cap(v.prompt),
    showErrorMessage: true,
    errorStyle: 'stop',
    error: cap(v.error),
  } as const;
  // Text passes to the validator (无, 3.4万, 1.2亿元); numbers out of bounds stop (docs/domain.md, "Workbooks").
  if (v.allowText) return { ...common, type: 'custom', formulae: [validationFormula(v, address)] };
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
