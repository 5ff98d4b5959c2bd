import { ExcelError, toExcelError } from './excel-error.js';
import { hasExcel } from './requirements.js';

/**
 * The one way this add-in enters Excel. `delayForCellEdit` waits while the user is typing in a
 * cell instead of failing the batch; every rejection becomes an ExcelError.
 */
export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  if (!hasExcel()) throw new ExcelError('not_in_excel');
  try {
    return await Excel.run({ delayForCellEdit: true }, batch);
  } catch (error) {
    throw toExcelError(error);
  }
}
