import { odata } from '@azure/data-tables';
import type { Actor, Review } from '@zj/shared';
import { headAfterReview } from '@zj/shared/returns';
import type { AzureStorage, Row } from './azure-storage.js';
import { moveHead, readPeriodHead, settleReview } from './heads.js';
import type { PeriodHead, ReviewOutcome } from './return-store.js';
import { byRowKey } from './row-order.js';
import { partitionOf, reviewRow, VERSION_ROWS } from './storage-keys.js';
import type { StoreTestHooks } from './store-test-hooks.js';

/**
 * Appends the review of the latest version, once: the head moves to it under its ETag (which
 * also moves the accepted version when the review returns the latest: AcceptedHead), then the
 * review's row is written in table `reviews`. A version submitted, or another review made, first
 * moves the head: the review is then refused (not_latest, reviewed), never stored beside it.
 */
export async function appendReview(storage: AzureStorage, hooks: StoreTestHooks, park: string, period: string, review: Review): Promise<ReviewOutcome> {
  const outcome = await moveHead<ReviewOutcome>(storage, hooks, 'review', park, period, async (head) => {
    if (!head?.latest || review.version !== head.latestVersion) return { kind: 'done', result: { kind: 'not_latest', latest: head?.latestVersion ?? 0 } };
    if (head.latestReview) return { kind: 'done', result: { kind: 'reviewed', review: head.latestReview } };
    return {
      kind: 'write',
      next: { ...head, ...headAfterReview(head, review) },
      settle: [],
      after: [() => settleReview(storage, park, period, review)],
      result: { kind: 'created' },
    };
  });
  return outcome === 'conflict' ? { kind: 'conflict' } : outcome;
}

/**
 * Reviews of one park and period in the order they were made; of the versions `from`..`to`
 * when given. A review the head names but whose row is not written yet is included.
 */
export async function listReviews(
  storage: AzureStorage,
  park: string,
  period: string,
  versions?: { from: number; to: number },
  head?: PeriodHead | null,
): Promise<Review[]> {
  const [rows, current] = await Promise.all([
    listReviewRows(storage, park, period, versions),
    head !== undefined ? head : readPeriodHead(storage, park, period),
  ]);
  const reviews = rows.map(toReview);
  const pending = current?.latestReview;
  if (pending && (!versions || (pending.version >= versions.from && pending.version <= versions.to)) && !reviews.some((r) => r.version === pending.version))
    reviews.push(pending);
  return reviews;
}

/**
 * The review rows of one park and period, in the order they were made. Rows are keyed by
 * version (reviewRow), a range of which is one range of the partition; rows stored before that
 * have time-ordered keys (digits, below 'v') and are read whole: there are few, and no new ones.
 */
export async function listReviewRows(storage: AzureStorage, park: string, period: string, versions?: { from: number; to: number }): Promise<Row[]> {
  const pk = partitionOf(park, period);
  if (!versions) return (await storage.query(storage.reviews, odata`PartitionKey eq ${pk}`)).sort(byReviewTime);
  const [keyed, older] = await Promise.all([
    storage.query(storage.reviews, odata`PartitionKey eq ${pk} and RowKey ge ${reviewRow(versions.from)} and RowKey le ${reviewRow(versions.to)}`),
    storage.query(storage.reviews, odata`PartitionKey eq ${pk} and RowKey lt ${VERSION_ROWS.from}`),
  ]);
  const inRange = older.filter((r) => Number(r.version) >= versions.from && Number(r.version) <= versions.to);
  return [...keyed, ...inRange].sort(byReviewTime);
}

/** By time, then row key (rows written before reviewRow had time-ordered keys). */
const byReviewTime = (a: Row, b: Row) => String(a.at).localeCompare(String(b.at)) || byRowKey(a, b);

function toReview(row: Row): Review {
  return {
    version: Number(row.version),
    decision: row.decision as Review['decision'],
    comment: String(row.comment ?? ''),
    by: JSON.parse(String(row.by)) as Actor,
    at: String(row.at),
  };
}
