import type ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';

/** Width of text in Excel's character units: a CJK character (and full-width punctuation) is two. */
export function textWidth(text: string): number {
  return [...text].reduce((n, ch) => n + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
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
        const text = typeof cell.value === 'string' ? cell.value : null;
        if (!text || cell.alignment?.shrinkToFit || ws.getColumn(c).hidden) return; // a hidden column does not print
        if (cell.isMerged && cell.master !== cell) return;
        const width = merged.get(cell.address) ?? columnWidth(ws, c);
        const available = Math.max(1, width - 1);
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
