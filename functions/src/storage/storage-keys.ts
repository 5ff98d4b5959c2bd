/** Keys of the storage layout, in one place so readers and writers agree (functions/README.md, Storage). */

// Table `heads`: partition = the park code, row key = the period code (heads.ts), and one row
// BASELINES_ROW per park. Period codes start with a digit, BASELINES_ROW with a letter.
export const BASELINES_ROW = 'baselines';
/** The layout a head row is written in (its `layout` property). */
export const HEAD_LAYOUT = 2;

// Table `returns`, one partition per park and period: the append-only records of a return.
export const partitionOf = (park: string, period: string) => `${park}|${period}`;
export const periodOfPartition = (partition: string) => partition.slice(partition.indexOf('|') + 1);
export const versionRow = (version: number) => `v${String(version).padStart(6, '0')}`;
/** Version row keys run from "v" to just before "w". */
export const VERSION_ROWS = { from: 'v', to: 'w' } as const;
export const idempotencyRow = (key: string) => `idem|${key}`;
/** The review of a version in table `reviews`: one row per version, as a version is reviewed once. */
export const reviewRow = (version: number) => versionRow(version);
/** Row keys that sort in the order events were made (lock events; reviews stored before reviewRow). */
export const timeOrderedRow = (now: Date, nonce: string) => `${String(now.getTime()).padStart(15, '0')}-${nonce}`;
/** Draft rows run from "draft|" to just before "draft}" ('}' follows '|'). */
export const DRAFT_ROWS = { from: 'draft|', to: 'draft}' } as const;
const LATEST_TIME = 999_999_999_999_999;
/** Row keys of drafts sort newest first. */
export const draftRow = (savedAt: Date, nonce: string) => `${DRAFT_ROWS.from}${String(LATEST_TIME - savedAt.getTime()).padStart(15, '0')}-${nonce}`;

// The layout before heads had a partition of their own (migrate-layout.ts reads it, nothing writes
// it): in each partition of `returns`, the row `head` (the latest version and its figures) and
// the row `lock` (the period's lock marker).
export const LEGACY_HEAD_ROW = 'head';
export const LEGACY_LOCK_ROW = 'lock';

/** Table `migrations`: one row per migration run to its end. */
export const MIGRATION_KEYS = { partition: 'layout', headsRow: 'heads-v2' } as const;
