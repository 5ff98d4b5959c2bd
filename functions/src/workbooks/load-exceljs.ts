import type ExcelJSModule from 'exceljs';

let loading: Promise<typeof ExcelJSModule> | null = null;

/**
 * exceljs, loaded on first use. Only the workbook routes need it, and it is about a third of the
 * deployment package's code: every cold start would otherwise read and compile it before the
 * first JSON request is answered (`npm run bench -- package`).
 */
export function loadExcelJs(): Promise<typeof ExcelJSModule> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
