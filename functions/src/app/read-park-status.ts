import type { Park } from '@zj/shared';
import type { ParkStatus } from '@zj/shared/api';
import { computeDueDate, type Period } from '@zj/shared/periods';
import { computeReturnState } from '@zj/shared/returns';
import type { PeriodHead } from '../storage/return-store.js';
import type { Services } from './services.js';

/** The state of one park's return for a period, from its head alone (its latest version, that version's review, its newest draft). */
export async function readParkStatus(svc: Services, park: Park, period: Period): Promise<ParkStatus> {
  return parkStatusOf(svc, park, period, await svc.store.readPeriodHead(park.code, period.code));
}

/** The state of a park's return from its head, read already. */
export function parkStatusOf(svc: Services, park: Park, period: Period, head: PeriodHead | null): ParkStatus {
  const due = computeDueDate(period, svc.settings.dueDaysAfterPeriodEnd);
  const latest = head?.latest ? { version: head.latest.version, submittedAt: head.latest.submittedAt, contentHash: head.latest.contentHash } : null;
  const draft = head?.draft ? { savedAt: head.draft.savedAt, contentHash: head.draft.contentHash } : null;
  const review = head?.latestReview ?? null;
  return {
    park: park.code,
    state: computeReturnState({ latest, draft, reviews: review ? [review] : [], due, now: svc.now() }),
    latestVersion: latest?.version ?? null,
    submittedAt: latest?.submittedAt ?? null,
    draftSavedAt: draft?.savedAt ?? null,
    review,
    due: due.toISOString(),
  };
}
