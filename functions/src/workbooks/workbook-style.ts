import type { Fill, Font, Worksheet } from 'exceljs';

/**
 * The font of every workbook we write: 等线 (DengXian), the default Chinese font of Excel 2016 and
 * later on Windows and Mac and shipped with Windows 10 and later, so WPS finds it too. It is
 * declared with charset 134 (GB2312) and family 2 (sans-serif): an application that lacks it
 * substitutes a Chinese sans-serif face instead of a Latin one (older WPS: 宋体 or 微软雅黑).
 * LibreOffice on Linux has no 等线 and falls back per glyph to the installed CJK face, here
 * Noto Sans CJK (Debian fonts-noto-cjk, which scripts/ensure-system.mjs installs); the PDF test
 * checks that a CJK face is embedded.
 */
export const WORKBOOK_FONT = '等线';

/** Body text: 10.5 pt (五号), the size of Chinese official tables. */
export const BODY_FONT_SIZE = 10.5;
/** Printed body text is never smaller than this (docs/domain.md, "Workbooks"). */
export const MIN_PRINTED_SIZE = 9;

export function font(extra: Partial<Font> = {}): Partial<Font> {
  return { name: WORKBOOK_FONT, charset: 134, family: 2, size: BODY_FONT_SIZE, ...extra };
}

/** A figure declared none: the cell holds 0 (formulas add it as 0) and shows 「无」 (docs/domain.md, "Declared none (无)"). */
export const NONE_FORMAT = '"无"';

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

export const FILLS = {
  /** Cells a statistician types into. */
  input: solid('FFFFF2CC'),
  header: solid('FFD9E1F2'),
  total: solid('FFE2EFDA'),
  muted: solid('FFF2F2F2'),
  completed: solid('FFC6EFCE'),
  onTrack: solid('FFDDEBF7'),
  behind: solid('FFFFC7CE'),
  notReported: solid('FFEDEDED'),
  ahead: solid('FFE2EFDA'),
  cannotJudge: solid('FFFFF2CC'),
} as const;

export const THIN_BORDER = {
  top: { style: 'thin' as const, color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin' as const, color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin' as const, color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin' as const, color: { argb: 'FFBFBFBF' } },
};

/**
 * Printed width of one unit of Excel column width, in points, as LibreOffice prints it: columns of
 * width 10 print 70 pt apart (measured with pdftotext -bbox; the workbook's default font is
 * Calibri 11, which LibreOffice replaces with a wider face where Calibri is absent). Excel prints
 * the same columns narrower (7 px + 5 px of padding per unit), so a sheet that fits here fits there.
 */
export const POINTS_PER_WIDTH_UNIT = 7;
const MARGIN_IN = 0.4;
const A4_POINTS = { portrait: 595.28, landscape: 841.89 } as const;

/** The width of a text in units of Excel column width: 2 for a CJK character, 1 for any other. */
export function textWidthUnits(text: string): number {
  return [...text].reduce((n, ch) => n + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
}

export interface PrintSetup {
  /** Rows repeated at the top of every printed page (the title and header rows). */
  titleRows: number;
  /** Columns kept in view when scrolling, and repeated on every page when the sheet prints wider than one. */
  frozenColumns: number;
  headerFooter?: string;
}

/** The printed width of a sheet's visible columns at 100%, in points (hidden columns do not print). */
export function printedWidth(ws: Worksheet, columns = ws.columnCount): number {
  let units = 0;
  for (let c = 1; c <= columns; c++) {
    const column = ws.getColumn(c);
    if (!column.hidden) units += column.width ?? 9;
  }
  return units * POINTS_PER_WIDTH_UNIT;
}

/**
 * A4, readable (docs/domain.md, "Workbooks"): portrait when the columns fit a portrait page at
 * 100%; otherwise landscape, fitted to the page width when that keeps body text at 9 pt or more
 * (a scale of at least 9 ÷ 10.5); a sheet wider still prints at 100% across pages, its label
 * columns repeated on each. The header rows repeat on every page, and the panes freeze below the
 * header and right of the label columns.
 */
export function setupSheetForPrint(ws: Worksheet, options: PrintSetup): void {
  ws.views = [{ state: 'frozen', xSplit: options.frozenColumns, ySplit: options.titleRows, zoomScale: 100 }];
  const width = printedWidth(ws);
  const usable = (orientation: keyof typeof A4_POINTS) => A4_POINTS[orientation] - 2 * 72 * MARGIN_IN;
  const minScale = MIN_PRINTED_SIZE / BODY_FONT_SIZE;
  const orientation = width <= usable('portrait') ? 'portrait' : 'landscape';
  const fits = width * minScale <= usable(orientation);
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation,
    ...(fits ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: 100 }),
    horizontalCentered: true,
    margins: { left: MARGIN_IN, right: MARGIN_IN, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    // Across pages, the later pages repeat the header row only: the title rows, merged over the
    // first page's columns (fitTitlesToFirstPage), would print cut at their repeated columns.
    printTitlesRow: fits ? `1:${options.titleRows}` : `${options.titleRows}:${options.titleRows}`,
    ...(!fits && options.frozenColumns > 0 ? { printTitlesColumn: `A:${String.fromCharCode(64 + options.frozenColumns)}` } : {}),
  };
  if (!fits) fitTitlesToFirstPage(ws, usable(orientation));
  ws.headerFooter = {
    oddFooter: `&L${(options.headerFooter ?? '').replace(/&/g, '&&')}&R第 &P 页，共 &N 页`,
  };
}

/**
 * A sheet that prints across pages at 100%: the merged cells of its title rows (the title, the
 * note under it) span the columns of the first page only, and the note's row is as tall as its
 * wrapped lines, so no page edge cuts a sentence off (the 24 parks' 汇总 cut its note after
 * “表示未要求该园区填报此项（不”). Each later page repeats those rows; their cells beyond the
 * first page's columns are empty.
 */
function fitTitlesToFirstPage(ws: Worksheet, usableWidth: number): void {
  let last = 1;
  for (let c = 1, width = 0; c <= ws.columnCount; c++) {
    const column = ws.getColumn(c);
    width += column.hidden ? 0 : (column.width ?? 9) * POINTS_PER_WIDTH_UNIT;
    if (width > usableWidth) break;
    last = c;
  }
  for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
    const [from, to] = range.split(':') as [string, string];
    const start = ws.getCell(from).fullAddress;
    const end = ws.getCell(to).fullAddress;
    if (start.col !== 1 || start.row > 2 || end.row !== start.row || end.col <= last) continue;
    ws.unMergeCells(range);
    ws.mergeCells(start.row, 1, start.row, last);
    const cell = ws.getCell(start.row, 1);
    if (!cell.alignment?.wrapText) continue;
    let units = 0;
    for (let c = 1; c <= last; c++) units += ws.getColumn(c).hidden ? 0 : (ws.getColumn(c).width ?? 9);
    const lines = cell.text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidthUnits(part) / Math.max(4, units - 1))), 0);
    ws.getRow(start.row).height = Math.max(ws.getRow(start.row).height ?? 0, lines * 16);
  }
}
