/** Keys of the storage layout, in one place so readers and writers agree. */
export const partitionOf = (park: string, period: string) => `${park}|${period}`;
export const periodOfPartition = (partition: string) => partition.slice(partition.indexOf('|') + 1);
export const HEAD_ROW = 'head';
export const versionRow = (version: number) => `v${String(version).padStart(6, '0')}`;
export const idempotencyRow = (key: string) => `idem|${key}`;
/** The review of a version in table `reviews`: one row per version, as a version is reviewed once. */
export const reviewRow = (version: number) => versionRow(version);
/** Row keys that sort in the order events were made. */
export const timeOrderedRow = (now: Date, nonce: string) => `${String(now.getTime()).padStart(15, '0')}-${nonce}`;
/** The period's lock as it stands, in each park's partition: the guard of every commit there (lock-guard.ts). */
export const LOCK_ROW = 'lock';
/** Draft rows run from "draft|" to just before "draft}" ('}' follows '|'). */
export const DRAFT_ROWS = { from: 'draft|', to: 'draft}' } as const;
const LATEST_TIME = 999_999_999_999_999;
/** Row keys of drafts sort newest first, so the newest is the first row of the partition's draft range. */
export const draftRow = (savedAt: Date, nonce: string) => `${DRAFT_ROWS.from}${String(LATEST_TIME - savedAt.getTime()).padStart(15, '0')}-${nonce}`;
