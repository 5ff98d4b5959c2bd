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

export function font(extra: Partial<Font> = {}): Partial<Font> {
  return { name: WORKBOOK_FONT, charset: 134, family: 2, size: 10.5, ...extra };
}

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
} as const;

export const THIN_BORDER = {
  top: { style: 'thin' as const, color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin' as const, color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin' as const, color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin' as const, color: { argb: 'FFBFBFBF' } },
};

/**
 * A4 landscape, fitted to the page width, with the header rows repeated on every printed page
 * and the panes frozen below the header and right of the label columns.
 */
export function setupSheetForPrint(ws: Worksheet, options: { titleRows: number; frozenColumns: number; headerFooter?: string }): void {
  ws.views = [{ state: 'frozen', xSplit: options.frozenColumns, ySplit: options.titleRows, zoomScale: 100 }];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `1:${options.titleRows}`,
  };
  ws.headerFooter = {
    oddFooter: `&L${(options.headerFooter ?? '').replace(/&/g, '&&')}&R第 &P 页，共 &N 页`,
  };
}
