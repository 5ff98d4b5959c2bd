import type { Row } from './azure-storage.js';

/** Rows in the order of their row keys (time-ordered keys sort in the order events were made). */
export const byRowKey = (a: Row, b: Row) => String(a.rowKey).localeCompare(String(b.rowKey));
