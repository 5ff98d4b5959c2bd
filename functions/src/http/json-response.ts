import type { HttpResponseInit } from '@azure/functions';

/** A JSON answer. Nothing the API answers is cacheable by intermediaries: figures change. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return {
    status,
    jsonBody: body,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  };
}
