import type { Park } from '@zj/shared';
import type { ParkStatus } from '@zj/shared/api';
import { computeDueDate, type Period } from '@zj/shared/periods';
import { computeReturnState } from '@zj/shared/returns';
import type { Services } from './services.js';

/** The state of one park's return for a period, from its head, its newest draft and its reviews. */
export async function readParkStatus(svc: Services, park: Park, period: Period): Promise<ParkStatus> {
  const [head, draft, reviews] = await Promise.all([
    svc.store.readHead(park.code, period.code),
    svc.store.readLatestDraftSummary(park.code, period.code),
    svc.store.listReviews(park.code, period.code),
  ]);
  const due = computeDueDate(period, svc.settings.dueDaysAfterPeriodEnd);
  const latestVersion = head?.latestVersion ?? null;
  const latest = head ? { version: head.latestVersion, submittedAt: head.latestSubmittedAt, contentHash: head.latestContentHash } : null;
  return {
    park: park.code,
    state: computeReturnState({ latest, draft, reviews, due, now: svc.now() }),
    latestVersion,
    submittedAt: head?.latestSubmittedAt ?? null,
    draftSavedAt: draft?.savedAt ?? null,
    review: reviews.filter((r) => r.version === latestVersion).at(-1) ?? null,
    due: due.toISOString(),
  };
}
