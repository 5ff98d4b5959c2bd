import type { HttpResponseInit, InvocationContext } from '@azure/functions';
import { formatMessage } from '@zj/shared';
import type { ApiErrorBody, ApiErrorCode, ApiMessageVariant } from '@zj/shared/api';
import { DomainError, paramsIn, type ErrorParams } from '../app/domain-error.js';
import { StorageUnavailableError } from '../storage/storage-unavailable-error.js';
import { report } from '../telemetry/telemetry.js';
import { jsonResponse } from './json-response.js';

/**
 * The HTTP status of every error code: where a domain refusal becomes an HTTP answer, and the
 * only place. A code without a status fails to compile.
 */
export const ERROR_STATUS: Readonly<Record<ApiErrorCode, number>> = {
  unauthenticated: 401,
  invalid_token: 401,
  auth_unavailable: 503,
  insufficient_scope: 403,
  no_app_role: 403,
  no_park: 403,
  park_not_in_catalogue: 403,
  ambiguous_assignment: 403,
  forbidden_role: 403,
  forbidden_park: 403,
  unknown_park: 404,
  invalid_period: 400,
  invalid_year: 400,
  unsupported_media_type: 415,
  malformed_json: 400,
  malformed_form: 400,
  body_too_large: 413,
  invalid_body: 400,
  invalid_query: 400,
  invalid_idempotency_key: 400,
  idempotency_key_reused: 409,
  stale_template: 409,
  period_locked: 423,
  period_not_started: 409,
  draft_not_found: 404,
  lock_conflict: 409,
  draft_conflict: 409,
  return_not_acceptable: 422,
  version_conflict: 409,
  return_not_found: 404,
  version_not_found: 404,
  invalid_version: 400,
  review_comment_required: 400,
  review_not_latest: 409,
  review_not_pending: 409,
  onboarding_not_found: 404,
  onboarding_not_publishable: 422,
  onboarding_if_match_required: 428,
  onboarding_changed: 412,
  catalogue_conflict: 409,
  plan_no_targets: 422,
  plan_no_text: 422,
  plan_unreadable: 415,
  plan_encrypted: 422,
  plan_file_corrupt: 422,
  plan_file_too_large: 413,
  plan_file_unsafe: 413,
  route_not_found: 404,
  method_not_allowed: 405,
  storage_unavailable: 503,
  internal_error: 500,
  upload_empty: 400,
  upload_corrupt: 400,
  upload_not_xlsx: 415,
  upload_legacy_xls: 415,
  upload_macro_enabled: 415,
  upload_too_large: 413,
  upload_too_many_entries: 413,
  upload_expands_too_far: 413,
  upload_compression_too_high: 413,
  upload_external_links: 422,
  upload_vba_project: 422,
  upload_embedded_objects: 422,
  upload_template_outdated: 409,
  upload_wrong_park: 409,
  upload_wrong_period: 409,
  upload_sheet_missing: 422,
  upload_meta_missing: 422,
  upload_meta_tampered: 422,
  upload_layout_changed: 422,
  upload_ods: 415,
  upload_rows_sorted: 422,
  upload_rows_inserted: 422,
  upload_rows_deleted: 422,
  upload_column_inserted: 422,
  upload_column_deleted: 422,
  upload_header_changed: 422,
};

/** Headers some codes are answered with: when to retry, and how to sign in (RFC 6750). */
const ERROR_HEADERS: Partial<Record<ApiErrorCode, Record<string, string>>> = {
  unauthenticated: { 'www-authenticate': 'Bearer' },
  invalid_token: { 'www-authenticate': 'Bearer error="invalid_token"' },
  insufficient_scope: { 'www-authenticate': 'Bearer error="insufficient_scope"' },
  // Entra ID did not answer: retry, not sign in again.
  auth_unavailable: { 'retry-after': '5' },
  lock_conflict: { 'retry-after': '1' },
  draft_conflict: { 'retry-after': '1' },
  version_conflict: { 'retry-after': '1' },
  storage_unavailable: { 'retry-after': '5' },
};

export function errorBody(
  code: ApiErrorCode,
  params: ErrorParams = {},
  issues?: ApiErrorBody['error']['issues'],
  messageKey: ApiErrorCode | ApiMessageVariant = code,
): ApiErrorBody {
  const message = { zh: formatMessage(messageKey, paramsIn(params, 'zh'), 'zh'), en: formatMessage(messageKey, paramsIn(params, 'en'), 'en') };
  return { error: { code, message, ...(issues && issues.length > 0 ? { issues } : {}) } };
}

/** The answer to an error code, with its status and headers. */
export function errorCodeResponse(code: ApiErrorCode, params: ErrorParams = {}, headers: Record<string, string> = {}): HttpResponseInit {
  return jsonResponse(ERROR_STATUS[code], errorBody(code, params), { ...ERROR_HEADERS[code], ...headers });
}

/**
 * The one place a thrown value becomes an HTTP answer. A DomainError is answered with its code's
 * status; storage being down is a 503 the client may retry (logged as a warning); anything else
 * is our fault: logged with a reference, answered as a 500 without a stack or raw message.
 */
export function errorResponse(error: unknown, context: InvocationContext): HttpResponseInit {
  if (error instanceof DomainError) {
    const { issues, messageKey, currentTemplateVersion } = error.details;
    const headers = { ...ERROR_HEADERS[error.code], ...(currentTemplateVersion !== undefined ? { 'x-template-version': currentTemplateVersion } : {}) };
    return jsonResponse(ERROR_STATUS[error.code], errorBody(error.code, error.params, issues ? [...issues] : undefined, messageKey), headers);
  }
  if (error instanceof StorageUnavailableError) {
    report(context, { severity: 'warning', message: `storage unavailable: ${error.message}`, attributes: {} });
    return errorCodeResponse('storage_unavailable');
  }
  // The reference the user is given (and reads out to whoever helps them) is what finds this
  // entry: in the host's log, in Application Insights (customDimensions.ref), on the console.
  const ref = context.invocationId;
  report(context, { severity: 'error', message: `internal error ${ref}`, attributes: { ref }, error });
  return errorCodeResponse('internal_error', { ref });
}
