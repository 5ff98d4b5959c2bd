import type { Issue, IssueParams } from '@zj/shared';

/**
 * A refusal the client can act on: an HTTP status, a stable code from the API message table
 * (shared/src/api/api-messages.ts) and its params. Thrown by handlers, turned into an
 * ApiErrorBody by withApiErrors and nowhere else.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: IssueParams = {},
    readonly issues?: Issue[],
    readonly headers?: Record<string, string>,
  ) {
    super(code);
    this.name = 'ApiError';
  }
}
