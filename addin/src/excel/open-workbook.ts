import { ExcelError } from './excel-error.js';
import { hasExcel, isSupported, onTheWeb } from './requirements.js';
import { runExcel } from './run-excel.js';

export type OpenMode = 'new_workbook' | 'insert_sheets';

/** Whether its sheets can go into the open workbook as they are: ExcelApi 1.13, and no charts lost on the web. */
export function canInsert(hasCharts: boolean): boolean {
  return isSupported('insertWorksheets') && !(hasCharts && onTheWeb());
}

/**
 * Opens a downloaded .xlsx (base64) in Excel: as a new workbook (ExcelApi 1.8), or, where
 * ExcelApi 1.13 allows, by inserting its sheets into the open workbook. Excel on the web inserts
 * sheets without their charts, so a workbook with charts (the evaluation) opens as a new
 * workbook there; the answer says which was done.
 */
export async function openWorkbook(base64: string, mode: OpenMode, options: { hasCharts?: boolean } = {}): Promise<OpenMode> {
  if (!hasExcel()) throw new ExcelError('not_in_excel');
  if (mode === 'insert_sheets' && canInsert(options.hasCharts ?? false)) {
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
