import type { Issue } from '@zj/shared';
import { SignInFailedError, SignInRequiredError } from '../auth/entra-auth.js';
import { ExcelError, type ExcelErrorCode } from '../excel/excel-error.js';
import { say, type LocalText, type Message, type MessageKey } from '../i18n/translate.js';
import { ApiRequestError, NetworkError } from './api-errors.js';

/**
 * What the user can do about an error: each becomes a button beside the message. `get_template`
 * writes the template again keeping the figures; `first_template` writes it where there is none.
 */
export type UserAction = 'retry' | 'sign_in' | 'get_template' | 'first_template';

export interface UserMessage {
  message: Message;
  actions: UserAction[];
  /** Issues the server attached (a refused submission lists them). */
  issues?: Issue[];
}

export interface MessageContext {
  /** Where what the user typed is while the network fails: said so, where it is true. */
  dataIn?: 'sheet' | 'file' | null;
  /** A park's name in both languages (never its code in a message). */
  parkName?(code: string): LocalText;
  /** A period's name in both languages ("2024年 年报"). */
  periodLabel?(code: string): LocalText;
}

/** What helps after each Excel refusal; none where retrying cannot help. */
const EXCEL_ACTIONS: Record<ExcelErrorCode, UserAction[]> = {
  not_in_excel: [],
  cell_editing: ['retry'],
  sheet_protected: ['retry'],
  workbook_protected: ['retry'],
  workbook_read_only: ['retry'],
  request_too_large: [],
  invalid_argument: ['get_template'],
  item_not_found: ['first_template'],
  no_template_sheet: ['first_template'],
  sheet_other_return: [],
  sheet_name_taken: ['retry'],
  sheet_stale: ['get_template'],
  sheet_damaged: ['get_template'],
  api_unsupported: [],
  excel_failed: ['retry'],
};

/**
 * The one place an error becomes words the user reads, in both languages (rendered in the UI's
 * when shown), always with what to do next. The API's own message (ApiErrorBody, already in
 * both languages) is used when it sent one; the user never sees a raw error text or a stack.
 */
export function toUserMessage(error: unknown, context: MessageContext = {}): UserMessage {
  const keptNote = context.dataIn === 'sheet' ? [say('note_data_in_sheet')] : context.dataIn === 'file' ? [say('note_data_in_file')] : [];
  const withNote = (message: Message): Message => (keptNote.length ? { all: [message, ...keptNote] } : message);
  if (error instanceof SignInRequiredError) return { message: withNote(say('error_session')), actions: ['sign_in'] };
  if (error instanceof SignInFailedError) {
    const key =
      error.reason === 'cancelled' ? 'error_sign_in_cancelled' : error.reason === 'popup_blocked' ? 'error_sign_in_popup_blocked' : 'error_sign_in_failed';
    return { message: say(key), actions: ['sign_in'] };
  }
  if (error instanceof NetworkError) {
    return { message: withNote(say(error.reason === 'timeout' ? 'error_timeout' : 'error_network')), actions: ['retry'] };
  }
  if (error instanceof ApiRequestError) {
    const own = error.body?.error.message;
    const ownOr = (key: MessageKey, params?: Record<string, string | number>): Message => (own ? { text: own } : say(key, params));
    const issues = error.body?.error.issues;
    const withIssues = (m: UserMessage): UserMessage => (issues && issues.length > 0 ? { ...m, issues } : m);
    // Whatever the API said of the token, the user's next step is the same (sign in again): a 401 here comes after the silent retry.
    if (error.status === 401) return { message: withNote(say('error_session')), actions: ['sign_in'] };
    if (error.code === 'stale_template') return { message: ownOr('validation_stale'), actions: ['get_template'] };
    if (error.status === 503 || error.code === 'version_conflict' || error.status >= 500) {
      return { message: withNote(ownOr('error_server', { status: error.status })), actions: ['retry'] };
    }
    if (own) return withIssues({ message: { text: own }, actions: [] });
    return {
      message: say(error.status === 404 ? 'error_not_found' : 'error_server', { status: error.status }),
      actions: error.status === 404 ? [] : ['retry'],
    };
  }
  if (error instanceof ExcelError) {
    const params: Record<string, string | LocalText> = { ...error.params };
    if (error.params['park'] !== undefined) params['park'] = context.parkName?.(error.params['park']) ?? error.params['park'];
    if (error.params['period'] !== undefined) params['period'] = context.periodLabel?.(error.params['period']) ?? error.params['period'];
    return { message: say(`error_excel_${error.code}` as MessageKey, params), actions: EXCEL_ACTIONS[error.code] };
  }
  return { message: say('error_unexpected'), actions: ['retry'] };
}
