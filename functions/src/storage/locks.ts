import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import type { Actor, LockEvent } from '@zj/shared';
import type { AzureStorage } from './azure-storage.js';
import { lockGuardOf, type LockGuard } from './lock-guard.js';
import { isLostRace, MAX_COMMIT_ATTEMPTS, waitAfterLostRace } from './lost-race.js';
import { byRowKey } from './row-order.js';
import { LOCK_ROW, partitionOf, timeOrderedRow } from './storage-keys.js';
import type { StoreTestHooks } from './store-test-hooks.js';

/** Appends a lock or unlock event to table `periodlocks`: the history of who locked when. */
export async function appendLockEvent(storage: AzureStorage, event: LockEvent): Promise<void> {
  const entity = {
    partitionKey: event.period,
    rowKey: timeOrderedRow(new Date(event.at), randomUUID().slice(0, 8)),
    locked: event.locked,
    by: JSON.stringify(event.by),
    at: event.at,
  };
  await storage.ready();
  await storage.call('append lock event', (abortSignal) => storage.locks.createEntity(entity, { abortSignal }));
}

/**
 * Sets the lock marker of one park's partition to the event's state, under its ETag (nothing to
 * do when it is so already; no marker means unlocked). 'conflict' when commits in the partition
 * kept moving it first.
 */
export async function writeLockMarker(storage: AzureStorage, hooks: StoreTestHooks, park: string, event: LockEvent): Promise<'done' | 'conflict'> {
  const pk = partitionOf(park, event.period);
  for (let attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
    const row = await storage.getRow(storage.returns, pk, LOCK_ROW);
    // No marker means unlocked; a marker already in the event's state needs nothing.
    if ((row?.locked === true) === event.locked) return 'done';
    const entity = { partitionKey: pk, rowKey: LOCK_ROW, locked: event.locked, by: JSON.stringify(event.by), at: event.at };
    await hooks.beforeCommit?.('lock_marker', pk);
    try {
      await storage.call('write lock marker', (abortSignal) =>
        row ? storage.returns.updateEntity(entity, 'Replace', { etag: String(row.etag), abortSignal }) : storage.returns.createEntity(entity, { abortSignal }),
      );
      return 'done';
    } catch (error) {
      if (!isLostRace(error)) throw error;
      // A commit in the partition moved the marker (its guard) first: read it again.
      await waitAfterLostRace(attempt);
    }
  }
  return 'conflict';
}

/** The latest lock event of a period, or null when it was never locked. */
export async function readLock(storage: AzureStorage, period: string): Promise<LockEvent | null> {
  const rows = await storage.query(storage.locks, odata`PartitionKey eq ${period}`);
  const last = rows.sort(byRowKey).at(-1);
  return last ? { period, locked: Boolean(last.locked), by: JSON.parse(String(last.by)) as Actor, at: String(last.at) } : null;
}

/** A partition's lock marker as a commit checks it, with the ETag the commit is guarded by (lock-guard.ts). */
export async function readLockGuard(storage: AzureStorage, pk: string): Promise<LockGuard> {
  return lockGuardOf(pk, await storage.getRow(storage.returns, pk, LOCK_ROW));
}
