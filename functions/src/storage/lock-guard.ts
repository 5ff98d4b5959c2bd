import type { TableEntityResult, TableTransaction } from '@azure/data-tables';
import { LOCK_ROW } from './storage-keys.js';

/** A partition's lock marker as a commit read it when it checked the lock. */
export interface LockGuard {
  partitionKey: string;
  locked: boolean;
  /** null when there is no marker: the period was not locked since the partition began. */
  etag: string | null;
}

export function lockGuardOf(partitionKey: string, row: TableEntityResult<Record<string, unknown>> | null): LockGuard {
  return { partitionKey, locked: row ? row.locked === true : false, etag: row ? String(row.etag) : null };
}

/**
 * Puts the guard into a commit's entity-group transaction: If-Match on the ETag that was read (a
 * Merge that changes no property), or, with no marker, inserting an unlocked one. A lock that
 * lands between the check and the commit moves or creates the marker, so the whole transaction
 * fails (412 or 409) and the caller reads the marker again.
 */
export function addLockGuard(tx: TableTransaction, guard: LockGuard): void {
  const marker = { partitionKey: guard.partitionKey, rowKey: LOCK_ROW };
  if (guard.etag === null) tx.createEntity({ ...marker, locked: false });
  else tx.updateEntity(marker, 'Merge', { etag: guard.etag });
}
