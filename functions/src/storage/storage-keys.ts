/** Keys of the storage layout, in one place so readers and writers agree. */
export const partitionOf = (park: string, period: string) => `${park}|${period}`;
export const periodOfPartition = (partition: string) => partition.slice(partition.indexOf('|') + 1);
export const HEAD_ROW = 'head';
export const versionRow = (version: number) => `v${String(version).padStart(6, '0')}`;
export const idempotencyRow = (key: string) => `idem|${key}`;
/** Row keys that sort in the order events were made. */
export const timeOrderedRow = (now: Date, nonce: string) => `${String(now.getTime()).padStart(15, '0')}-${nonce}`;
