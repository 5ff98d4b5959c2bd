import type { CellContent, CellValidation, ColumnKey, TemplateLayout } from '@zj/shared';
import { rangeAddress } from './addresses.js';
import { MAX_COMMAND_BYTES, chunkRows } from './chunk-rows.js';
import { SHEET_STYLE, widthInPoints } from './sheet-style.js';
import type { WriteOp } from './write-ops.js';

/** What the user had typed in an earlier copy of the same return's sheet, by field key. */
export interface SheetDraft {
  value?: string | number;
  baseline?: string | number;
  explanation?: string | number;
}

/** Text that Excel would read as a formula or a sign unless the cell is formatted as text. */
const LOOKS_LIKE_FORMULA = /^[=+\-@]/;

function cellFormula(content: CellContent | undefined, draft: string | number | undefined): string | number {
  if (!content) return '';
  switch (content.kind) {
    case 'text':
      return content.text;
    case 'number':
      return content.value;
    case 'formula':
      return `=${content.formula}`;
    case 'input':
      return draft ?? '';
    case 'empty':
      return '';
  }
}

function cellFormat(content: CellContent | undefined, written: string | number): string {
  if (!content) return 'General';
  if (content.kind === 'text' || content.kind === 'empty') {
    return typeof written === 'string' && LOOKS_LIKE_FORMULA.test(written) ? '@' : 'General';
  }
  return content.numFmt;
}

function draftFor(draft: SheetDraft | undefined, column: ColumnKey): string | number | undefined {
  if (!draft) return undefined;
  if (column === 'value') return draft.value;
  if (column === 'baseline') return draft.baseline;
  if (column === 'explanation') return draft.explanation;
  return undefined;
}

/**
 * Consecutive rows of one column whose cells satisfy `test`, as [firstRow, lastRow] runs:
 * styling and unlocking a run is one command however many rows it spans.
 */
export function columnRuns(layout: TemplateLayout, column: ColumnKey, test: (c: CellContent | undefined) => boolean): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const row of layout.rows) {
    if (!test(row.cells[column])) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === row.row - 1) last[1] = row.row;
    else runs.push([row.row, row.row]);
  }
  return runs;
}

const isInput = (c: CellContent | undefined) => c?.kind === 'input';
const isFormula = (c: CellContent | undefined) => c?.kind === 'formula';

/** Fill of the value and baseline columns before any issue is marked: yellow inputs, grey formulas. */
export function planBaseFills(layout: TemplateLayout): WriteOp[] {
  const sheet = layout.sheetName;
  const ops: WriteOp[] = [];
  for (const key of ['value', 'baseline'] as const) {
    const letter = letterOf(layout, key);
    for (const [a, b] of columnRuns(layout, key, isInput)) {
      ops.push({ kind: 'style', sheet, address: rangeAddress(letter, a, letter, b), style: { fill: SHEET_STYLE.inputFill, fontColor: '#000000' } });
    }
    for (const [a, b] of columnRuns(layout, key, isFormula)) {
      ops.push({ kind: 'style', sheet, address: rangeAddress(letter, a, letter, b), style: { fill: SHEET_STYLE.formulaFill, fontColor: '#000000' } });
    }
  }
  return ops;
}

/**
 * The cells of layout.blocks: the heading (表号, 制表机关, 填报单位（盖章）, 报告期), the signatures
 * under the table with a yellow unlocked cell to fill in beside each, and the note.
 */
export function planBlocks(layout: TemplateLayout): WriteOp[] {
  const sheet = layout.sheetName;
  const ops: WriteOp[] = [];
  for (const block of layout.blocks) {
    if (block.merge) ops.push({ kind: 'merge', sheet, address: block.merge });
    const s = block.style ?? {};
    if (block.content.kind === 'text') {
      const text = block.content.text;
      if (LOOKS_LIKE_FORMULA.test(text)) ops.push({ kind: 'numberFormat', sheet, address: block.address, formats: [['@']] });
      ops.push({ kind: 'formulas', sheet, address: block.address, formulas: [[text]] });
    } else {
      ops.push({ kind: 'numberFormat', sheet, address: block.merge ?? block.address, formats: [[...Array(widthOf(block.merge ?? block.address)).fill('@')]] });
      ops.push({ kind: 'style', sheet, address: block.merge ?? block.address, style: { locked: false, fill: SHEET_STYLE.inputFill } });
    }
    const style = {
      ...(s.bold ? { bold: true } : {}),
      ...(s.size ? { fontSize: s.size } : {}),
      ...(s.align ? { align: (s.align === 'left' ? 'Left' : s.align === 'center' ? 'Center' : 'Right') as 'Left' | 'Center' | 'Right' } : {}),
      ...(s.wrap ? { wrap: true } : {}),
      ...(s.muted ? { fontColor: SHEET_STYLE.subtitleFont } : {}),
    };
    if (Object.keys(style).length) ops.push({ kind: 'style', sheet, address: block.address, style });
    if (s.height) ops.push({ kind: 'rowHeight', sheet, address: block.address, points: s.height });
  }
  return ops;
}

/** Columns of a one-row range such as D12:E12. */
function widthOf(address: string): number {
  const [a, b = a] = address.split(':') as [string, string?];
  const col = (x: string) => /^[A-Z]+/.exec(x)![0].charCodeAt(0);
  return col(b!) - col(a) + 1;
}

export function letterOf(layout: TemplateLayout, key: ColumnKey): string {
  const column = layout.columns.find((c) => c.key === key);
  if (!column) throw new Error(`layout has no column ${key}`);
  return column.letter;
}

/**
 * Every command that writes the template sheet, the instructions sheet and the _meta sheet of
 * `layout` (shared/src/templates/layout-template.ts, the same description the server's .xlsx
 * template is written from). Sheet creation, names, protection and visibility are done by
 * write-template.ts around these.
 */
export function planTemplateWrites(
  layout: TemplateLayout,
  drafts: ReadonlyMap<string, SheetDraft> = new Map(),
  maxCommandBytes = MAX_COMMAND_BYTES,
): WriteOp[] {
  const sheet = layout.sheetName;
  const first = layout.columns[0]!.letter;
  const last = layout.columns[layout.columns.length - 1]!.letter;
  const ops: WriteOp[] = [];

  for (const column of layout.columns) {
    ops.push({
      kind: 'columnWidth',
      sheet,
      address: `${column.letter}:${column.letter}`,
      points: widthInPoints(column.width),
      ...(column.hidden ? { hidden: true } : {}),
    });
  }
  // The formal return around the table (heading, signatures, note), as in the template workbook.
  ops.push(...planBlocks(layout));
  const header = rangeAddress(first, layout.headerRow, last, layout.headerRow);
  ops.push({ kind: 'formulas', sheet, address: header, formulas: [layout.columns.map((c) => c.header)] });
  ops.push({ kind: 'style', sheet, address: header, style: { bold: true, fill: SHEET_STYLE.headerFill, wrap: true, align: 'Center' } });

  // The data block, by rows: number formats first, so text-formatted cells take text as text.
  const formulas: Array<Array<string | number>> = [];
  const formats: string[][] = [];
  for (const row of layout.rows) {
    const draft = drafts.get(row.fieldKey);
    const written = layout.columns.map((c) => cellFormula(row.cells[c.key], draftFor(draft, c.key)));
    formulas.push(written);
    formats.push(layout.columns.map((c, i) => cellFormat(row.cells[c.key], written[i]!)));
  }
  for (const chunk of chunkRows(formats, layout.firstDataRow, maxCommandBytes)) {
    const address = rangeAddress(first, chunk.firstRow, last, chunk.firstRow + chunk.rows.length - 1);
    ops.push({ kind: 'numberFormat', sheet, address, formats: chunk.rows });
  }
  for (const chunk of chunkRows(formulas, layout.firstDataRow, maxCommandBytes)) {
    const address = rangeAddress(first, chunk.firstRow, last, chunk.firstRow + chunk.rows.length - 1);
    ops.push({ kind: 'formulas', sheet, address, formulas: chunk.rows });
  }

  // Input cells: unlocked (the sheet is protected) and yellow.
  for (const column of layout.columns.filter((c) => c.input)) {
    for (const [a, b] of columnRuns(layout, column.key, isInput)) {
      ops.push({ kind: 'style', sheet, address: rangeAddress(column.letter, a, column.letter, b), style: { locked: false } });
    }
  }
  ops.push(...planBaseFills(layout));
  const explanation = letterOf(layout, 'explanation');
  for (const [a, b] of columnRuns(layout, 'explanation', isInput)) {
    ops.push({ kind: 'style', sheet, address: rangeAddress(explanation, a, explanation, b), style: { fill: SHEET_STYLE.inputFill, wrap: true } });
  }

  // Data validation, one command per run of rows with the same rule in one column.
  for (const column of layout.columns) {
    const runs: Array<{ first: number; last: number; json: string; validation: CellValidation }> = [];
    for (const row of layout.rows) {
      const cell = row.cells[column.key];
      if (cell?.kind !== 'input' || cell.validation === null) continue;
      const json = JSON.stringify(cell.validation);
      const open = runs[runs.length - 1];
      if (open && open.json === json && open.last === row.row - 1) open.last = row.row;
      else runs.push({ first: row.row, last: row.row, json, validation: cell.validation });
    }
    for (const run of runs) {
      const address = rangeAddress(column.letter, run.first, column.letter, run.last);
      ops.push({ kind: 'validation', sheet, address, validation: run.validation, title: column.header });
    }
  }

  // The instructions sheet.
  const info = layout.instructionsSheetName;
  ops.push({ kind: 'columnWidth', sheet: info, address: 'A:A', points: widthInPoints(110) });
  ops.push({ kind: 'formulas', sheet: info, address: `A1:A${layout.instructions.length}`, formulas: layout.instructions.map((t) => [t]) });
  ops.push({ kind: 'style', sheet: info, address: 'A1', style: { bold: true, fontSize: 14 } });

  // The very-hidden _meta sheet: key-value text cells.
  const meta = layout.metaSheetName;
  const metaRange = `A1:B${layout.meta.length}`;
  ops.push({ kind: 'numberFormat', sheet: meta, address: metaRange, formats: layout.meta.map(() => ['@', '@']) });
  ops.push({ kind: 'formulas', sheet: meta, address: metaRange, formulas: layout.meta.map(([k, v]) => [k, v]) });
  return ops;
}
