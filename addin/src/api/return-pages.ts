import type { ReturnResponse } from '@zj/shared';

/**
 * The history shown once the page below it (read with its `next` token) is added: the older
 * versions and their reviews before the ones shown, and that page's `next` for the page after.
 * The state and the latest version stay as first read, as the history shows them.
 */
export function withOlderPage(shown: ReturnResponse, older: ReturnResponse): ReturnResponse {
  const have = new Set(shown.versions.map((v) => v.version));
  const versions = older.versions.filter((v) => !have.has(v.version));
  const added = new Set(versions.map((v) => v.version));
  return {
    ...shown,
    versions: [...versions, ...shown.versions],
    reviews: [...older.reviews.filter((r) => added.has(r.version)), ...shown.reviews],
    next: older.next,
  };
}
