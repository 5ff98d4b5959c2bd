/**
 * Whether a conditional GET's If-None-Match (RFC 9110 §13.1.2) names the current `etag`: `*`,
 * or one of its comma-separated entity tags, compared weakly (W/"x" is "x"), as caches and
 * browsers revalidate. The caller then answers 304 Not Modified without a body.
 */
export function ifNoneMatchHits(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  // Entity tags are quoted and hold no quote, so commas outside quotes separate them.
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === wanted);
}

/**
 * A template changes only with its version (its ETag), so a browser may keep it and must ask
 * before using it again: private (never a shared cache: it is one park's), no-cache (revalidate).
 */
export const REVALIDATE = 'private, no-cache';
