import { odata } from '@azure/data-tables';
import type { Actor, Review } from '@zj/shared';
import type { AzureStorage, Row } from './azure-storage.js';
import { byRowKey } from './row-order.js';
import { partitionOf, periodOfPartition, reviewRow } from './storage-keys.js';

/** Appends the review of a version, once: 'exists' when that version already has one. */
export async function appendReview(storage: AzureStorage, park: string, period: string, review: Review): Promise<'created' | 'exists'> {
  const entity = {
    partitionKey: partitionOf(park, period),
    // One row per version: a second review of the same version is refused by the table itself.
    rowKey: reviewRow(review.version),
    version: review.version,
    decision: review.decision,
    comment: review.comment,
    by: JSON.stringify(review.by),
    at: review.at,
  };
  await storage.ready();
  try {
    await storage.call('append review', (abortSignal) => storage.reviews.createEntity(entity, { abortSignal }));
    return 'created';
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 409) return 'exists';
    throw error;
  }
}

/** Reviews of one park and period in the order they were made. */
export async function listReviews(storage: AzureStorage, park: string, period: string): Promise<Review[]> {
  const rows = await storage.query(storage.reviews, odata`PartitionKey eq ${partitionOf(park, period)}`);
  return rows.sort(byReviewTime).map(toReview);
}

/** Reviews of every period of one park, by period, each in the order they were made. */
export async function listReviewsOfPark(storage: AzureStorage, park: string): Promise<Record<string, Review[]>> {
  // As listHeads: the partitions of one park run from "park|" to just before "park}".
  const rows = await storage.query(storage.reviews, odata`PartitionKey ge ${`${park}|`} and PartitionKey lt ${`${park}}`}`);
  const byPeriod: Record<string, Review[]> = {};
  for (const row of rows.sort(byReviewTime)) (byPeriod[periodOfPartition(String(row.partitionKey))] ??= []).push(toReview(row));
  return byPeriod;
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
