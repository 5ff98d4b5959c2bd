import type { Actor } from '@zj/shared';
import type { LockEvent, LockResponse } from '@zj/shared/api';
import type { Period } from '@zj/shared/periods';
import type { Services } from './services.js';
import { writeLockMarkers } from './write-lock-markers.js';

export interface SetPeriodLockCommand {
  actor: Actor;
  period: Period;
  locked: boolean;
}

/**
 * Locks or unlocks a period (consolidator). Appends a lock event unless the period is already
 * in that state, so the history says who locked and unlocked when; answers the current state.
 *
 * Every park's lock marker is written first, then the event: the lock is in force (a commit
 * that checked it before fails) before the history says so. A failure in between leaves the
 * markers ahead of the history, and a submission is refused when either says locked; doing it
 * again finishes it, as markers already in the state are left alone.
 */
export async function setPeriodLock(svc: Services, { actor, period, locked }: SetPeriodLockCommand): Promise<LockResponse> {
  const current = await svc.store.readLock(period.code);
  const already = (current?.locked ?? false) === locked;
  const event: LockEvent = already && current !== null ? current : { period: period.code, locked, by: actor, at: svc.now().toISOString() };
  await writeLockMarkers(svc, event);
  if (!already) await svc.store.appendLockEvent(event);
  return already && current === null ? { period: period.code, locked: false, by: null, at: null } : event;
}
