import { ExcelError, toExcelError } from './excel-error.js';
import { hasExcel, isSupported } from './requirements.js';

/**
 * The one way this add-in enters Excel. `delayForCellEdit` waits while the user is typing in a
 * cell instead of failing the batch; `oneUndoStep` makes the batch's syncs a single undo step
 * where Excel supports it (ExcelApi 1.20). Every rejection becomes an ExcelError.
 */
export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: { oneUndoStep?: boolean } = {}): Promise<T> {
  if (!hasExcel()) throw new ExcelError('not_in_excel');
  const runOptions: Excel.RunOptions = { delayForCellEdit: true };
  if (options.oneUndoStep && isSupported('mergeUndo')) runOptions.mergeUndoGroup = true;
  try {
    return await Excel.run(runOptions, batch);
  } catch (error) {
    throw toExcelError(error);
  }
}
