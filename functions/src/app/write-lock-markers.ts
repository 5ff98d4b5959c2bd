import type { LockEvent } from '@zj/shared';
import { DomainError } from './domain-error.js';
import type { Services } from './services.js';

/**
 * Sets the lock in the head of every park's period to the event's state. Every commit to a head
 * checks its lock under the ETag it commits on (storage/heads.ts), so once this returns no
 * submission or draft that checked the lock before it can commit.
 */
export async function writeLockMarkers(svc: Services, event: LockEvent): Promise<void> {
  // Every park's marker settled before answering, also when one fails: no write goes on after the answer.
  const settled = await Promise.allSettled(svc.catalogue.parks.map((p) => svc.store.writeLockMarker(p.code, event)));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  if (settled.some((s) => s.status === 'fulfilled' && s.value === 'conflict')) throw new DomainError('lock_conflict', { period: event.period });
}
