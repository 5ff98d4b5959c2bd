import type { Cell, Worksheet } from 'exceljs';
import { findUnit } from '@zj/shared';
import { FILLS, THIN_BORDER, font, textWidthUnits } from './workbook-style.js';
import { toCellText } from './to-cell-text.js';

/** A reference to another sheet: '金山园'!E5 (quotes doubled inside the name). */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** A valid, unique sheet name: at most 31 characters, none of []:*?/\ . */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)}(${n})`;
  taken.add(name.toLowerCase());
  return name;
}

/** Excel number format of a figure in a unit (integers of counts without decimals). */
export function numFmtOf(unit: string, valueType?: 'integer' | 'decimal'): string {
  if (valueType === 'integer') return '#,##0';
  return findUnit(unit)?.numFmt ?? '#,##0.00';
}

export interface CellStyle {
  numFmt?: string;
  bold?: boolean;
  muted?: boolean;
  fill?: keyof typeof FILLS;
  wrap?: boolean;
  /** Shrinks the text to fit the column (codes, which do not wrap at a sensible place). */
  shrink?: boolean;
  align?: 'left' | 'center' | 'right';
}

function style(cell: Cell, s: CellStyle): void {
  cell.font = font({ ...(s.bold ? { bold: true } : {}), ...(s.muted ? { color: { argb: 'FF7F7F7F' }, italic: true } : {}) });
  cell.border = THIN_BORDER;
  if (s.numFmt) cell.numFmt = s.numFmt;
  if (s.fill) cell.fill = FILLS[s.fill];
  cell.alignment = {
    vertical: 'top',
    ...(s.wrap ? { wrapText: true } : {}),
    ...(s.shrink ? { shrinkToFit: true } : {}),
    ...(s.align ? { horizontal: s.align } : {}),
  };
}

/** Text as text, never a formula: user text included (see toCellText). */
export function putText(ws: Worksheet, address: string, text: string, s: CellStyle = {}): void {
  const cell = ws.getCell(address);
  cell.value = toCellText(text);
  style(cell, { numFmt: '@', ...s });
}

export function putNumber(ws: Worksheet, address: string, value: number | null, s: CellStyle = {}): void {
  const cell = ws.getCell(address);
  cell.value = value;
  style(cell, s);
}

/** A live formula with the result the domain computed cached beside it. */
export function putFormula(ws: Worksheet, address: string, formula: string, result: number | string, s: CellStyle = {}): void {
  const cell = ws.getCell(address);
  cell.value = { formula, result } as never;
  style(cell, s);
}

export function putHeader(ws: Worksheet, row: number, headers: readonly string[]): void {
  headers.forEach((h, i) => {
    const cell = ws.getRow(row).getCell(i + 1);
    cell.value = h;
    style(cell, { bold: true, fill: 'header', wrap: true, align: 'center' });
  });
  ws.getRow(row).height = 30;
}

export function putTitle(ws: Worksheet, title: string, subtitle: string, lastColumn: number): void {
  ws.mergeCells(1, 1, 1, lastColumn);
  ws.getCell('A1').value = toCellText(title);
  ws.getCell('A1').font = font({ size: 14, bold: true });
  ws.getRow(1).height = 24;
  ws.mergeCells(2, 1, 2, lastColumn);
  ws.getCell('A2').value = toCellText(subtitle);
  ws.getCell('A2').font = font({ color: { argb: 'FF595959' } });
  ws.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(2).height = 30;
}

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * When a zone workbook's data was consolidated, and from which catalogue version. A workbook is
 * served again from cache while nothing it was built from has changed (functions/src/app/
 * cached-build.ts), so its build time stays true of the data at any later download, and the
 * note says so rather than reading as the time of the download.
 */
export function consolidatedAtNote(generatedAt: string, catalogueVersion: number): string {
  const version = catalogueVersion > 0 ? `，指标目录第${catalogueVersion}版` : '';
  return `数据汇总于${chinaTime(generatedAt)}（北京时间${version}）。此后数据有任何变化，下载时会重新汇总。`;
}

/** Local time in China Standard Time, as statisticians read it: 2025-03-07 14:05. */
export function chinaTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 16).replace('T', ' ');
}

/** A date in China Standard Time as Chinese documents write it: 2026年2月1日. */
export function chinaDate(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return Number.isNaN(d.getTime()) ? iso : `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/**
 * Sets the height of rows whose wrapped text needs more than one line. Excel and WPS do not
 * grow a row for text written by a program until someone edits it, so long quotes would print
 * cut off. Width is estimated in Excel's character units: a CJK character is two; a merged cell
 * has the width of its columns together. A line is 16 pt: CJK faces at 10.5 pt need about 1.45 em
 * (Noto Sans CJK, LibreOffice's stand-in for 等线), and 14 pt printed the second line half cut off.
 */
export function fitRowHeights(ws: Worksheet, fromRow: number, lineHeight = 16): void {
  const merged = mergedWidths(ws);
  ws.eachRow((row, r) => {
    if (r < fromRow) return;
    let lines = 1;
    row.eachCell((cell, c) => {
      if (!cell.alignment?.wrapText || typeof cell.value !== 'string') return;
      if (cell.isMerged && cell.master !== cell) return;
      const columnWidth = Math.max(4, (merged.get(cell.address) ?? ws.getColumn(c).width ?? 10) - 1);
      const needed = cell.value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidthUnits(part) / columnWidth)), 0);
      lines = Math.max(lines, Math.min(needed, 15));
    });
    if (lines > 1) row.height = Math.max(row.height ?? 0, lines * lineHeight);
  });
}

/** The width of every merged range, by its top-left cell. */
function mergedWidths(ws: Worksheet): Map<string, number> {
  const out = new Map<string, number>();
  for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
    const [from, to] = range.split(':') as [string, string];
    let width = 0;
    for (let c = ws.getCell(from).fullAddress.col; c <= ws.getCell(to).fullAddress.col; c++) width += ws.getColumn(c).width ?? 10;
    out.set(from, width);
  }
  return out;
}
