/**
 * What can go wrong talking to Excel, as a code the UI turns into a message with the action that
 * helps (src/api/user-message.ts). Office.js rejects with OfficeExtension.Error whose `code`
 * names the cause; an AccessDenied is told apart by looking at the workbook (run-excel.ts).
 */
export type ExcelErrorCode =
  | 'not_in_excel'
  | 'cell_editing'
  | 'sheet_protected'
  | 'workbook_protected'
  | 'workbook_read_only'
  | 'request_too_large'
  | 'invalid_argument'
  | 'item_not_found'
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

/** The Office.js error code of a rejection ('' when it is not one). */
export function officeErrorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

const BY_OFFICE_CODE: Readonly<Record<string, ExcelErrorCode>> = {
  InvalidOperationInCellEditMode: 'cell_editing',
  AccessDenied: 'sheet_protected',
  RequestPayloadSizeLimitExceeded: 'request_too_large',
  ResponsePayloadSizeLimitExceeded: 'request_too_large',
  InvalidArgument: 'invalid_argument',
  ItemNotFound: 'item_not_found',
  ApiNotFound: 'api_unsupported',
  UnsupportedOperation: 'api_unsupported',
};

/** Maps an Office.js rejection to an ExcelError; ours pass through. */
export function toExcelError(error: unknown): ExcelError {
  if (error instanceof ExcelError) return error;
  const code = officeErrorCode(error);
  const ours = BY_OFFICE_CODE[code];
  return ours ? new ExcelError(ours, {}, { cause: error }) : new ExcelError('excel_failed', { detail: code }, { cause: error });
}
