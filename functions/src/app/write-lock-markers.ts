import type { LockEvent } from '@zj/shared';
import { DomainError } from './domain-error.js';
import type { Services } from './services.js';

/**
 * Sets the period's lock marker in every park's partition to the event's state. Each marker is
 * the guard of every commit in its partition (storage/lock-guard.ts), so once this returns no
 * submission or draft that checked the lock before it can commit.
 */
export async function writeLockMarkers(svc: Services, event: LockEvent): Promise<void> {
  const outcomes = await Promise.all(svc.catalogue.parks.map((p) => svc.store.writeLockMarker(p.code, event)));
  if (outcomes.includes('conflict')) throw new DomainError('lock_conflict', { period: event.period });
}
