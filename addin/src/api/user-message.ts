import type { Issue, Lang } from '@zj/shared';
import { SignInFailedError, SignInRequiredError } from '../auth/entra-auth.js';
import { ExcelError } from '../excel/excel-error.js';
import type { MessageKey, Translate } from '../i18n/translate.js';
import { ApiRequestError, NetworkError } from './api-errors.js';

/** What the user can do about an error: each becomes a button beside the message. */
export type UserAction = 'retry' | 'sign_in' | 'get_template';

export interface UserMessage {
  text: string;
  actions: UserAction[];
  /** Issues the server attached (a refused submission lists them). */
  issues?: Issue[];
}

/**
 * The one place an error becomes words the user reads, in the UI language, always with what to
 * do next. The API's own message (ApiErrorBody, already in both languages) is used when it sent
 * one; the user never sees a raw error text or a stack.
 */
export function toUserMessage(error: unknown, lang: Lang, t: Translate): UserMessage {
  if (error instanceof SignInRequiredError) return { text: t('error_session'), actions: ['sign_in'] };
  if (error instanceof SignInFailedError) {
    const key = error.reason === 'cancelled' ? 'error_sign_in_cancelled' : error.reason === 'popup_blocked' ? 'error_sign_in_popup_blocked' : 'error_sign_in_failed';
    return { text: t(key), actions: ['sign_in'] };
  }
  if (error instanceof NetworkError) {
    return { text: t(error.reason === 'timeout' ? 'error_timeout' : 'error_network'), actions: ['retry'] };
  }
  if (error instanceof ApiRequestError) {
    const own = error.body?.error.message[lang];
    const issues = error.body?.error.issues;
    const withIssues = (m: UserMessage): UserMessage => (issues && issues.length > 0 ? { ...m, issues } : m);
    // Whatever the API said of the token, the user's next step is the same, and their figures are safe in the sheet.
    if (error.status === 401) return { text: t('error_session'), actions: ['sign_in'] };
    if (error.code === 'stale_template') return { text: own ?? t('validation_stale'), actions: ['get_template'] };
    if (error.status === 503 || error.code === 'version_conflict') return { text: own ?? t('error_server', { status: error.status }), actions: ['retry'] };
    if (error.status >= 500) return { text: own ?? t('error_server', { status: error.status }), actions: ['retry'] };
    if (own) return withIssues({ text: own, actions: [] });
    return { text: t(error.status === 404 ? 'error_not_found' : 'error_server', { status: error.status }), actions: error.status === 404 ? [] : ['retry'] };
  }
  if (error instanceof ExcelError) {
    const key = `error_excel_${error.code}` as MessageKey;
    const actions: UserAction[] =
      error.code === 'sheet_stale' || error.code === 'sheet_damaged' ? ['get_template'] : error.code === 'no_template_sheet' || error.code === 'sheet_other_return' || error.code === 'not_in_excel' ? [] : ['retry'];
    return { text: t(key, error.params), actions };
  }
  return { text: t('error_unexpected'), actions: ['retry'] };
}
