/**
 * The look of the template sheet, shared by the template write and the issue highlight; the
 * same fills as the server's template workbook (functions/src/workbooks/workbook-style.ts).
 */
export const SHEET_STYLE = {
  /** "请在黄色单元格填写": input cells are yellow, as the subtitle tells the user. */
  inputFill: '#FFF2CC',
  formulaFill: '#F2F2F2',
  headerFill: '#D9E1F2',
  errorFill: '#FFC7CE',
  errorFont: '#9C0006',
  warningFill: '#F8CBAD',
  warningFont: '#833C0B',
  subtitleFont: '#595959',
} as const;

/** Excel column width is in characters of the default font; Office.js sets it in points. */
export function widthInPoints(characters: number): number {
  return Math.round(characters * 7 + 5) * 0.75;
}
