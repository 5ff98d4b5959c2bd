/**
 * What can go wrong talking to Excel, as a code the UI turns into a message (src/api/user-message.ts).
 * Office.js rejects with OfficeExtension.Error whose `code` names the cause.
 */
export type ExcelErrorCode =
  | 'not_in_excel'
  | 'cell_editing'
  | 'sheet_protected'
  | 'no_template_sheet'
  | 'sheet_other_return'
  | 'sheet_name_taken'
  | 'sheet_stale'
  | 'sheet_damaged'
  | 'api_unsupported'
  | 'excel_failed';

export class ExcelError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    readonly params: Record<string, string> = {},
    options?: { cause?: unknown },
  ) {
    super(`excel: ${code}`, options);
    this.name = 'ExcelError';
  }
}

/** Maps an Office.js rejection to an ExcelError; ours pass through. */
export function toExcelError(error: unknown): ExcelError {
  if (error instanceof ExcelError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return new ExcelError('cell_editing', {}, { cause: error });
    case 'AccessDenied':
      return new ExcelError('sheet_protected', {}, { cause: error });
    case 'ApiNotFound':
    case 'UnsupportedOperation':
      return new ExcelError('api_unsupported', {}, { cause: error });
    default:
      return new ExcelError('excel_failed', { detail: code }, { cause: error });
  }
}
