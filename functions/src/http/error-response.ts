import type { HttpResponseInit, InvocationContext } from '@azure/functions';
import { formatMessage, type ApiErrorBody, type IssueParams } from '@zj/shared';
import { StorageUnavailableError } from '../storage/storage-unavailable-error.js';
import { ApiError, paramsIn, type ApiErrorParams } from './api-error.js';
import { jsonResponse } from './json-response.js';

function body(code: string, params: ApiErrorParams, issues?: ApiErrorBody['error']['issues'], messageKey = code): ApiErrorBody {
  const message = { zh: formatMessage(messageKey, paramsIn(params, 'zh'), 'zh'), en: formatMessage(messageKey, paramsIn(params, 'en'), 'en') };
  return { error: { code, message, ...(issues && issues.length > 0 ? { issues } : {}) } };
}

/**
 * The one place a thrown value becomes an HTTP answer. An ApiError says what to answer; storage
 * being down is a 503 the client may retry; anything else is our fault: logged with a reference,
 * answered as a 500 without a stack or raw message.
 */
export function errorResponse(error: unknown, context: InvocationContext): HttpResponseInit {
  if (error instanceof ApiError) {
    return jsonResponse(error.status, body(error.code, error.params, error.issues, error.messageKey), error.headers);
  }
  if (error instanceof StorageUnavailableError) {
    context.warn(`storage unavailable: ${error.message}`);
    return jsonResponse(503, body('storage_unavailable', {}), { 'retry-after': '5' });
  }
  const ref = context.invocationId;
  context.error(`internal error ${ref}:`, error);
  return jsonResponse(500, body('internal_error', { ref }));
}

export function errorBody(code: string, params: IssueParams = {}): ApiErrorBody {
  return body(code, params);
}
