import type ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';

/** Width of text in Excel's character units: a CJK character (and full-width punctuation) is two. */
export function textWidth(text: string): number {
  return [...text].reduce((n, ch) => n + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
}

/** Printed width in Excel's units at a font size: a CJK character is about 1.6 digits wide in LibreOffice's print. */
function printedWidth(text: string, size: number): number {
  return ([...text].reduce((n, ch) => n + (/[\u2E80-\uFFEF]/.test(ch) ? 1.6 : 1), 0) * size) / DEFAULT_FONT_SIZE;
}

/**
 * A line of text at a font size, in points: CJK faces need about 1.45 em (Noto Sans CJK, which
 * LibreOffice substitutes for 等线; 等线 itself is 1.3 em).
 */
const lineHeight = (size: number) => size * 1.45;
const DEFAULT_FONT_SIZE = 11;
/** Excel's default row height in points, for a row whose height was never set. */
const DEFAULT_ROW_HEIGHT = 15;

/**
 * Text a printed sheet would show cut off: wrapped text needing more lines than its row is tall,
 * and unwrapped text wider than its column (merged columns counted together) where the next cell
 * is not empty, so it cannot spill over. Cells that shrink to fit are never cut. Estimates in
 * Excel's units, on the generous side: a cell listed here is cut off in LibreOffice's PDF.
 */
export function cutOffText(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) => {
    if (ws.state !== 'visible') return; // never printed (_meta)
    const merged = mergedWidths(ws);
    ws.eachRow((row) => {
      row.eachCell((cell, c) => {
        if (cell.alignment?.shrinkToFit || ws.getColumn(c).hidden) return; // a hidden column does not print
        if (cell.isMerged && cell.master !== cell) return;
        const width = merged.get(cell.address) ?? columnWidth(ws, c);
        const available = Math.max(1, width - 1);
        const number = numberShown(cell);
        // A number wider than its column prints as ### (it never wraps or spills over). Measured
        // narrowly, as LibreOffice prints it (力争≥105.00 fits a column of 11 at 10 pt, 力争≥3,000.00 does not).
        const numberWidth = number === null ? 0 : printedWidth(number, cell.font?.size ?? DEFAULT_FONT_SIZE);
        if (numberWidth > width) out.push(`${ws.name}!${cell.address}: ${number} is ${numberWidth.toFixed(1)} wide in a ${width} column (###)`);
        const text = typeof cell.value === 'string' ? cell.value : null;
        if (!text) return;
        if (cell.alignment?.wrapText) {
          const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / available)), 0);
          const needed = lines * lineHeight(cell.font?.size ?? DEFAULT_FONT_SIZE);
          const height = row.height ?? DEFAULT_ROW_HEIGHT;
          if (needed > height + 0.5) out.push(`${ws.name}!${cell.address}: ${lines} lines need ${needed.toFixed(1)}pt, row is ${height}pt: ${text.slice(0, 30)}`);
        } else if (textWidth(text) > available && !spillsOver(ws, cell, c)) {
          out.push(`${ws.name}!${cell.address}: ${textWidth(text)} wide in a ${width} column: ${text.slice(0, 30)}`);
        }
      });
    });
  });
  return out;
}

/**
 * A number as its format shows it, near enough to measure: the first section's literals, the
 * number with the format's decimals and thousands separators, % (cached results of formulas too).
 */
function numberShown(cell: Cell): string | null {
  const raw = cell.value;
  const value = typeof raw === 'number' ? raw : raw && typeof raw === 'object' && 'result' in raw && typeof raw.result === 'number' ? raw.result : null;
  if (value === null) return null;
  const fmt = (cell.numFmt ?? 'General').split(';')[0]!;
  const literals = [...fmt.matchAll(/"([^"]*)"/g)].map((m) => m[1]!).join(''); // before or after the number: the width is the same
  const code = fmt.replace(/"[^"]*"/g, '');
  const percent = code.includes('%');
  const decimals = /\.(0+)/.exec(code)?.[1]?.length ?? 0;
  const n = percent ? value * 100 : value;
  const digits = code === 'General' ? String(n) : n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: code.includes(',') });
  return `${literals}${digits}${percent ? '%' : ''}`;
}

function columnWidth(ws: Worksheet, c: number): number {
  return ws.getColumn(c).width ?? 9;
}

/** Width of every merged range, by its top-left cell. */
function mergedWidths(ws: Worksheet): Map<string, number> {
  const out = new Map<string, number>();
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const [from, to] = range.split(':') as [string, string];
    const first = ws.getCell(from).fullAddress.col;
    const last = ws.getCell(to).fullAddress.col;
    let width = 0;
    for (let c = first; c <= last; c++) width += columnWidth(ws, c);
    out.set(from, width);
  }
  return out;
}

/** Unwrapped left-aligned text spills into the next cell when that cell is empty (as Excel shows it). */
function spillsOver(ws: Worksheet, cell: Cell, c: number): boolean {
  const align = cell.alignment?.horizontal;
  if (align === 'center' || align === 'right') return false;
  const next = ws.getRow(Number(cell.row)).getCell(c + 1);
  return (next.value === null || next.value === undefined || next.value === '') && c < ws.columnCount;
}
