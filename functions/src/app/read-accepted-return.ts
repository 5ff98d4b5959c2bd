import { declaredNoneOf } from '@zj/shared';
import type { Review } from '@zj/shared/api';
import { computeAcceptedVersion, type AcceptedReturn } from '@zj/shared/returns';
import type { ReturnHead } from '../storage/return-store.js';
import type { Services } from './services.js';

/** The accepted version of the return a head points to, given the reviews of that park and period. */
export async function readAcceptedReturn(svc: Services, head: ReturnHead, reviews: readonly Review[]): Promise<AcceptedReturn> {
  const { version, returned } = computeAcceptedVersion(head.latestVersion, reviews);
  const read = { park: head.park, period: head.period, returned };
  if (version === null) return { ...read, accepted: null };
  // The head carries the latest version's figures: only an earlier accepted version (or a head
  // written before it kept the fields declared none) costs a read.
  if (version === head.latestVersion && head.latestDeclaredNone !== null) {
    return { ...read, accepted: { version, values: head.latestValues, baselines: head.latestBaselines, declaredNone: head.latestDeclaredNone } };
  }
  const stored = await svc.store.readVersion(head.park, head.period, version);
  if (!stored) throw new Error(`version ${version} of ${head.park} ${head.period} is below the head but missing`);
  return { ...read, accepted: { version, values: stored.values, baselines: stored.baselines, declaredNone: declaredNoneOf(stored) } };
}
