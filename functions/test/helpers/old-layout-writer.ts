import { randomUUID } from 'node:crypto';
import { TableClient, TableTransaction } from '@azure/data-tables';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import type { LockEvent, Review, ReturnDraft, ReturnVersion } from '@zj/shared';

/**
 * Writes the storage layout the code wrote before heads moved to a partition of their own per
 * park (issue 16), exactly as that code did (its append-version, reviews, append-draft and
 * locks modules, kept here as they were), so that the migration is tested on data written by the
 * old code path, not on what the new code thinks it looked like:
 *
 * Table `returns`, one partition per park and period (`jinshan|2025`): `head` (latest version
 * number and ITS values, baselines and, in later heads, its contentHash and fields declared
 * none; no accepted version), `v000001`… (one entity per version, naming its blob), `idem|<key>`,
 * `draft|<newest first>`, `lock` (the lock marker). Table `reviews`: one row per reviewed
 * version (`v000001`…), or, in the oldest data, time-ordered row keys. Table `periodlocks`: lock
 * events. Blobs: `return-versions`, `return-drafts`.
 */
export class OldLayoutWriter {
  private readonly returns: TableClient;
  private readonly reviews: TableClient;
  private readonly locks: TableClient;
  private readonly versions: ContainerClient;
  private readonly drafts: ContainerClient;

  constructor(connectionString: string) {
    const options = { allowInsecureConnection: true };
    this.returns = TableClient.fromConnectionString(connectionString, 'returns', options);
    this.reviews = TableClient.fromConnectionString(connectionString, 'reviews', options);
    this.locks = TableClient.fromConnectionString(connectionString, 'periodlocks', options);
    const blobs = BlobServiceClient.fromConnectionString(connectionString);
    this.versions = blobs.getContainerClient('return-versions');
    this.drafts = blobs.getContainerClient('return-drafts');
  }

  async ready(): Promise<void> {
    for (const t of [this.returns, this.reviews, this.locks]) await t.createTable();
    for (const c of [this.versions, this.drafts]) await c.createIfNotExists();
  }

  /**
   * The old appendVersion: blob, then head (If-Match) + version + idempotency entity + lock guard
   * in one transaction. `oldestHead` writes the head as the first code did: without the latest
   * version's contentHash and fields declared none.
   */
  async appendVersion(incoming: Omit<ReturnVersion, 'version'>, idempotencyKey: string | null, options: { oldestHead?: boolean } = {}): Promise<ReturnVersion> {
    const pk = `${incoming.park}|${incoming.period}`;
    const head = await this.row(this.returns, pk, 'head');
    const marker = await this.row(this.returns, pk, 'lock');
    if (marker?.locked === true) throw new Error(`old writer: ${pk} is locked`);
    const next = (head ? Number(head.latestVersion) : 0) + 1;
    const version: ReturnVersion = { ...incoming, version: next };
    const blobName = `${incoming.park}/${incoming.period}/${versionRow(next)}-${randomUUID()}.json`;
    const json = JSON.stringify(version);
    await this.versions
      .getBlockBlobClient(blobName)
      .upload(json, Buffer.byteLength(json), { blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' } });
    const headEntity = {
      partitionKey: pk,
      rowKey: 'head',
      park: incoming.park,
      period: incoming.period,
      latestVersion: next,
      latestSubmittedAt: version.submittedAt,
      ...(options.oldestHead ? {} : { latestContentHash: version.contentHash }),
      latestValues: JSON.stringify(version.values),
      latestBaselines: JSON.stringify(version.baselines),
      ...(!options.oldestHead && version.declaredNone ? { latestDeclaredNone: JSON.stringify(version.declaredNone) } : {}),
    };
    const tx = new TableTransaction();
    if (head) tx.updateEntity(headEntity, 'Replace', { etag: String(head.etag) });
    else tx.createEntity(headEntity);
    tx.createEntity({
      partitionKey: pk,
      rowKey: versionRow(next),
      park: incoming.park,
      period: incoming.period,
      version: next,
      blob: blobName,
      submittedAt: version.submittedAt,
      submittedBy: JSON.stringify(version.submittedBy),
      contentHash: version.contentHash,
      templateVersion: version.templateVersion,
      errorCount: version.issues.filter((i) => i.severity === 'error').length,
      warningCount: version.issues.filter((i) => i.severity === 'warning').length,
      source: version.source,
      idempotencyKey: idempotencyKey ?? '',
    });
    if (idempotencyKey !== null) tx.createEntity({ partitionKey: pk, rowKey: `idem|${idempotencyKey}`, version: next, contentHash: incoming.contentHash });
    if (marker === null) tx.createEntity({ partitionKey: pk, rowKey: 'lock', locked: false });
    else tx.updateEntity({ partitionKey: pk, rowKey: 'lock' }, 'Merge', { etag: String(marker.etag) });
    await this.returns.submitTransaction(tx.actions);
    return version;
  }

  /** The old appendReview: one row per version in `reviews`, or (`timeOrdered`) the oldest data's time-ordered row key. */
  async appendReview(park: string, period: string, review: Review, options: { timeOrdered?: boolean } = {}): Promise<void> {
    const rowKey = options.timeOrdered ? `${String(new Date(review.at).getTime()).padStart(15, '0')}-${randomUUID().slice(0, 8)}` : versionRow(review.version);
    await this.reviews.createEntity({
      partitionKey: `${park}|${period}`,
      rowKey,
      version: review.version,
      decision: review.decision,
      comment: review.comment,
      by: JSON.stringify(review.by),
      at: review.at,
    });
  }

  /** The old appendDraft: its document, then its entity (newest first) with the lock guard. */
  async appendDraft(draft: ReturnDraft): Promise<void> {
    const pk = `${draft.park}|${draft.period}`;
    const rowKey = `draft|${String(999_999_999_999_999 - new Date(draft.savedAt).getTime()).padStart(15, '0')}-${randomUUID().slice(0, 8)}`;
    const blobName = `${draft.park}/${draft.period}/${rowKey.slice('draft|'.length)}.json`;
    const json = JSON.stringify(draft);
    await this.drafts
      .getBlockBlobClient(blobName)
      .upload(json, Buffer.byteLength(json), { blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' } });
    const marker = await this.row(this.returns, pk, 'lock');
    const tx = new TableTransaction();
    tx.createEntity({
      partitionKey: pk,
      rowKey,
      blob: blobName,
      savedAt: draft.savedAt,
      savedBy: JSON.stringify(draft.savedBy),
      contentHash: draft.contentHash,
      templateVersion: draft.input.templateVersion,
    });
    if (marker === null) tx.createEntity({ partitionKey: pk, rowKey: 'lock', locked: false });
    else tx.updateEntity({ partitionKey: pk, rowKey: 'lock' }, 'Merge', { etag: String(marker.etag) });
    await this.returns.submitTransaction(tx.actions);
  }

  /** The old lock and unlock: every park's marker first, then the event. */
  async setLock(parks: readonly string[], event: LockEvent): Promise<void> {
    for (const park of parks) {
      const pk = `${park}|${event.period}`;
      const row = await this.row(this.returns, pk, 'lock');
      if ((row?.locked === true) === event.locked) continue;
      const entity = { partitionKey: pk, rowKey: 'lock', locked: event.locked, by: JSON.stringify(event.by), at: event.at };
      if (row) await this.returns.updateEntity(entity, 'Replace', { etag: String(row.etag) });
      else await this.returns.createEntity(entity);
    }
    await this.locks.createEntity({
      partitionKey: event.period,
      rowKey: `${String(new Date(event.at).getTime()).padStart(15, '0')}-${randomUUID().slice(0, 8)}`,
      locked: event.locked,
      by: JSON.stringify(event.by),
      at: event.at,
    });
  }

  private async row(table: TableClient, pk: string, rk: string): Promise<(Record<string, unknown> & { etag: string }) | null> {
    try {
      return await table.getEntity<Record<string, unknown>>(pk, rk);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return null;
      throw error;
    }
  }
}

const versionRow = (version: number) => `v${String(version).padStart(6, '0')}`;
