import type { ApiErrorBody } from '@zj/shared';

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
  get code(): string {
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

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}
