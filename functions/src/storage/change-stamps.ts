import { odata, TableTransaction } from '@azure/data-tables';
import type { AzureStorage } from './azure-storage.js';
import { BASELINES_STAMP } from './return-store.js';
import type { StoreTestHooks } from './store-test-hooks.js';

/** The one partition of table `changestamps`: the zone's stamps are few (one a period, and `baselines`). */
export const STAMP_PARTITION = 'zone';

/**
 * The zone's change stamps: table `changestamps`, one partition, one row a period (row key = the
 * period code) and one row `baselines` (BASELINES_STAMP). A stamp is its row's ETag: after every
 * commit to a head of a period (moveHead, heads.ts) the period's row is written again, and the
 * `baselines` row too when a park's baselines row may have changed, so the stamp moves. A zone
 * document (app/cached-build.ts) reads the stamps of what it is built from in one call before
 * anything else: while they have not moved, nothing it was built from has, but for a writer that
 * died between its commit and its bump, which the reader's trust window bounds.
 *
 * The head is committed first, then the stamp bumped: a bump the storage refuses fails the
 * request (503, and the client retries), and every retry path bumps again, whether or not it
 * commits anything (heads.ts: a 'done' step bumps too; the replays of submit and review).
 */
export async function bumpChangeStamps(storage: AzureStorage, hooks: StoreTestHooks, period: string, baselines: boolean): Promise<void> {
  await hooks.beforeStampBump?.(period);
  await storage.ready();
  const at = new Date().toISOString();
  const row = (rowKey: string) => ({ partitionKey: STAMP_PARTITION, rowKey, at });
  if (!baselines) {
    await storage.call('bump change stamp', (abortSignal) => storage.stamps.upsertEntity(row(period), 'Replace', { abortSignal }));
    return;
  }
  const tx = new TableTransaction();
  tx.upsertEntity(row(period), 'Replace');
  tx.upsertEntity(row(BASELINES_STAMP), 'Replace');
  await storage.call('bump change stamps', (abortSignal) => storage.stamps.submitTransaction(tx.actions, { abortSignal }));
}

/**
 * The ETags of these stamps (null for one never bumped), in the order asked for: one call, a
 * point read for one stamp, else one query of the stamps' partition selecting the row keys.
 */
export async function readChangeStamps(storage: AzureStorage, keys: readonly string[]): Promise<Array<string | null>> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  if (unique.length === 1) {
    const row = await storage.getRow(storage.stamps, STAMP_PARTITION, unique[0]!);
    return keys.map(() => (row ? String(row.etag) : null));
  }
  const rows = await storage.query(
    storage.stamps,
    `${odata`PartitionKey eq ${STAMP_PARTITION}`} and (${unique.map((k) => odata`RowKey eq ${k}`).join(' or ')})`,
    ['RowKey'],
  );
  const etags = new Map(rows.map((r) => [String(r.rowKey), String(r.etag)]));
  return keys.map((k) => etags.get(k) ?? null);
}
