import type { LockEvent } from '@zj/shared/api';
import type { PeriodHead } from '../storage/return-store.js';

/**
 * Whether a park's period is locked: its head says so, or the period's lock history does. A lock
 * is written into the head of every park the catalogue had when it was locked
 * (write-lock-markers.ts); a park onboarded since has no locked head, and the history still
 * holds. Either saying locked refuses, as a lock half-written (markers before the event) must.
 */
export function periodLocked(head: Pick<PeriodHead, 'locked'> | null, lock: LockEvent | null): boolean {
  return (head?.locked ?? false) || (lock?.locked ?? false);
}
