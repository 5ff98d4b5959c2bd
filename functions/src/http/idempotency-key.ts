import type { HttpRequest } from '@azure/functions';
import { DomainError } from '../app/domain-error.js';

const KEY = /^[A-Za-z0-9._:-]{1,128}$/;

/** The Idempotency-Key header, if sent: a retried request with the same key stores nothing new. */
export function readIdempotencyKey(request: HttpRequest): string | null {
  const key = request.headers.get('idempotency-key');
  if (key === null) return null;
  if (!KEY.test(key)) throw new DomainError('invalid_idempotency_key');
  return key;
}
