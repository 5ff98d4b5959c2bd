import type { HttpRequest } from '@azure/functions';
import { DomainError } from '../app/domain-error.js';

/**
 * Reads a JSON request body: application/json only (415), at most maxBytes (413), valid UTF-8
 * JSON (400). Returns the parsed value, still untyped: the caller checks its shape.
 */
export async function readJsonBody(request: HttpRequest, maxBytes: number): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new DomainError('unsupported_media_type', { contentType: contentType || '(none)' });
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new DomainError('body_too_large', { limit: maxBytes });
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new DomainError('body_too_large', { limit: maxBytes });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('malformed_json');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError('malformed_json');
  }
}
