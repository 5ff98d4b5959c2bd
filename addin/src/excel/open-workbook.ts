import { ExcelError } from './excel-error.js';
import { hasExcel, isSupported } from './requirements.js';
import { runExcel } from './run-excel.js';

export type OpenMode = 'new_workbook' | 'insert_sheets';

/**
 * Opens a downloaded .xlsx (base64) in Excel: as a new workbook (ExcelApi 1.8), or, where
 * ExcelApi 1.13 allows, by inserting its sheets into the open workbook.
 */
export async function openWorkbook(base64: string, mode: OpenMode): Promise<OpenMode> {
  if (!hasExcel()) throw new ExcelError('not_in_excel');
  if (mode === 'insert_sheets' && isSupported('insertWorksheets')) {
    await runExcel(async (context) => {
      context.workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' });
      await context.sync();
    });
    return 'insert_sheets';
  }
  try {
    await Excel.createWorkbook(base64);
  } catch (error) {
    throw new ExcelError('excel_failed', { detail: 'createWorkbook' }, { cause: error });
  }
  return 'new_workbook';
}
