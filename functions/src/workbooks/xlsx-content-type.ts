/** The media type of an .xlsx workbook (Office Open XML spreadsheet). */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
