import { ExcelError, officeErrorCode, toExcelError } from './excel-error.js';
import { hasExcel, isSupported } from './requirements.js';

type WaitListener = (waiting: boolean) => void;
const listeners = new Set<WaitListener>();

/**
 * Tells the pane when a batch is waiting for the user to leave a cell they are editing (Excel
 * runs nothing while a cell is in edit mode), so it can say so instead of spinning.
 */
export function onWaitingForCellEdit(listener: WaitListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** How long a batch runs before the pane asks Excel whether a cell edit is holding it up. */
const CHECK_AFTER_MS = 800;

/**
 * The one way this add-in enters Excel. `delayForCellEdit` waits while the user is typing in a
 * cell instead of failing the batch (and the pane is told, see onWaitingForCellEdit);
 * `oneUndoStep` makes the batch's syncs a single undo step where Excel supports it (ExcelApi
 * 1.20). Every rejection becomes an ExcelError; an AccessDenied is told apart: a read-only
 * workbook, a protected workbook structure, or a protected sheet.
 */
export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: { oneUndoStep?: boolean } = {}): Promise<T> {
  if (!hasExcel()) throw new ExcelError('not_in_excel');
  const runOptions: Excel.RunOptions = { delayForCellEdit: true };
  if (options.oneUndoStep && isSupported('mergeUndo')) runOptions.mergeUndoGroup = true;
  let waiting = false;
  let done = false;
  const check = setTimeout(() => {
    void userIsEditingCell().then((editing) => {
      if (!editing || done) return;
      waiting = true;
      for (const l of listeners) l(true);
    });
  }, CHECK_AFTER_MS);
  try {
    return await Excel.run(runOptions, batch);
  } catch (error) {
    if (officeErrorCode(error) === 'AccessDenied') throw await diagnoseAccess(error);
    throw toExcelError(error);
  } finally {
    done = true;
    clearTimeout(check);
    if (waiting) for (const l of listeners) l(false);
  }
}

/** A batch that does not wait for the cell edit fails at once while one is going on. */
async function userIsEditingCell(): Promise<boolean> {
  try {
    await Excel.run(async (context) => {
      context.workbook.load('name');
      await context.sync();
    });
    return false;
  } catch (error) {
    return officeErrorCode(error) === 'InvalidOperationInCellEditMode';
  }
}

/** Why Excel refused: the workbook is read-only, its structure is protected, or else a sheet is. */
async function diagnoseAccess(cause: unknown): Promise<ExcelError> {
  try {
    return await Excel.run(async (context) => {
      const workbook = context.workbook;
      workbook.load('readOnly');
      workbook.protection.load('protected');
      await context.sync();
      if (workbook.readOnly) return new ExcelError('workbook_read_only', {}, { cause });
      if (workbook.protection.protected) return new ExcelError('workbook_protected', {}, { cause });
      return new ExcelError('sheet_protected', {}, { cause });
    });
  } catch {
    return new ExcelError('sheet_protected', {}, { cause });
  }
}
