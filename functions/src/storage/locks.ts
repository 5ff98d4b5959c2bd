import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import type { Actor, LockEvent } from '@zj/shared';
import type { AzureStorage } from './azure-storage.js';
import { emptyHead, moveHead } from './heads.js';
import { byRowKey } from './row-order.js';
import { timeOrderedRow } from './storage-keys.js';
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
 * Sets the lock of one park's head for the event's period to the event's state, under its ETag
 * (nothing to do when it is so already; no head means unlocked). Every commit to the head checks
 * the lock it read and is guarded by the same ETag, so once this returns, none that read the head
 * before can commit. 'conflict' when commits to the head kept moving it first.
 */
export async function writeLockMarker(storage: AzureStorage, hooks: StoreTestHooks, park: string, event: LockEvent): Promise<'done' | 'conflict'> {
  return moveHead<'done'>(storage, hooks, 'lock_marker', park, event.period, async (head) => {
    if ((head?.locked ?? false) === event.locked) return { kind: 'done', result: 'done' };
    return { kind: 'write', next: { ...(head ?? emptyHead(park, event.period)), locked: event.locked }, settle: [], after: [], result: 'done' };
  });
}

/** The latest lock event of a period, or null when it was never locked. */
export async function readLock(storage: AzureStorage, period: string): Promise<LockEvent | null> {
  const rows = await storage.query(storage.locks, odata`PartitionKey eq ${period}`);
  const last = rows.sort(byRowKey).at(-1);
  return last ? { period, locked: Boolean(last.locked), by: JSON.parse(String(last.by)) as Actor, at: String(last.at) } : null;
}
