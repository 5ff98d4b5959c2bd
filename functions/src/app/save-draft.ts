import { contentHash, type Actor, type Park, type Period, type ReturnDraft, type ReturnInput } from '@zj/shared';
import { DomainError } from './domain-error.js';
import { periodLocked } from './period-locked.js';
import { assertPeriodBegun } from './resolve-scope.js';
import type { Services } from './services.js';

export interface SaveDraftCommand {
  actor: Actor;
  park: Park;
  period: Period;
  /** Checked for shape only: a draft may be incomplete or wrong. */
  input: ReturnInput;
}

/**
 * Saves a server draft (草稿): a new draft record every time, never a version. A period not begun
 * refuses it (period_not_started). A locked period refuses it (period_locked) like a submission:
 * here by the lock history (a park onboarded after the lock has no locked head: periodLocked), and
 * by the store, which checks the head's lock under the ETag it commits on. Refusals throw
 * DomainError; nothing is stored for them.
 */
export async function saveDraft(svc: Services, cmd: SaveDraftCommand): Promise<ReturnDraft> {
  const { park, period, input } = cmd;
  assertPeriodBegun(period, svc.now());
  if (periodLocked(null, await svc.store.readLock(period.code))) throw new DomainError('period_locked', { period: period.code });
  const draft: ReturnDraft = {
    park: park.code,
    period: period.code,
    savedAt: svc.now().toISOString(),
    savedBy: cmd.actor,
    contentHash: contentHash(input),
    input,
  };
  const outcome = await svc.store.appendDraft(draft);
  switch (outcome.kind) {
    case 'created':
      return outcome.draft;
    case 'locked':
      throw new DomainError('period_locked', { period: period.code });
    case 'conflict':
      throw new DomainError('draft_conflict');
  }
}
