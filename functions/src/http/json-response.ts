import type { HttpResponseInit } from '@azure/functions';

/** A JSON answer. Nothing the API answers is cacheable by intermediaries: figures change. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return {
    status,
    jsonBody: body,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  };
}

/**
 * A JSON answer already encoded, such as a cached document's bytes (app/cached-build.ts): sent
 * as it is, never parsed and encoded again. `T` is what the bytes hold, for the route's types.
 */
export class EncodedJson<T> {
  /** Only for the type: what the bytes hold. */
  declare readonly holds?: T;
  constructor(readonly bytes: Uint8Array) {}
}

/** jsonResponse of a body already encoded: the same headers, the bytes as they are. */
export function encodedJsonResponse(status: number, body: EncodedJson<unknown>, headers: Record<string, string> = {}): HttpResponseInit {
  return {
    status,
    body: body.bytes,
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.bytes.byteLength), 'cache-control': 'no-store', ...headers },
  };
}
