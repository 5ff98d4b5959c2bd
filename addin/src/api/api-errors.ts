import { apiErrorBodySchema, type ApiErrorBody, type ApiErrorCode } from '@zj/shared/api';

/** The API answered with an error status; `body` is its ApiErrorBody when it sent one. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
    readonly headers: Headers,
  ) {
    super(`api: ${status} ${body?.error.code ?? ''}`);
    this.name = 'ApiRequestError';
  }
  /** The API's stable code (a typed union: a mistyped code fails to compile), or http_<status> when it sent none. */
  get code(): ApiErrorCode | `http_${number}` {
    return this.body?.error.code ?? `http_${this.status}`;
  }
}

/** No answer: offline, DNS, a dropped connection or a timeout. Nothing is known to be stored. */
export class NetworkError extends Error {
  constructor(
    readonly reason: 'offline' | 'timeout',
    options?: { cause?: unknown },
  ) {
    super(`network: ${reason}`, options);
    this.name = 'NetworkError';
  }
}

/**
 * The API answered success, but not as the route table says it answers that route: a status it
 * does not declare, or a body its schema refuses. A fault of the server (or of a deployment out
 * of step with the pane), never of the user.
 */
export class UnexpectedResponseError extends Error {
  constructor(
    readonly route: string,
    readonly status: number,
    readonly problems: string[],
  ) {
    super(`api: ${route} answered ${status} unlike the route table: ${problems.slice(0, 3).join('; ')}`);
    this.name = 'UnexpectedResponseError';
  }
}

/** An error body the API sent, checked by its schema; null for anything else (a proxy's HTML page). */
export function parseApiErrorBody(value: unknown): ApiErrorBody | null {
  const parsed = apiErrorBodySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
