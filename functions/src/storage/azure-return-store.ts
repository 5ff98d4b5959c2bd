import { randomUUID } from 'node:crypto';
import { TableClient, TableTransaction, odata, type TableEntityResult } from '@azure/data-tables';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import type { Actor, LockEvent, Review, ReturnDraft, ReturnVersion, VersionSummary } from '@zj/shared';
import { isStorageFault } from './is-storage-fault.js';
import { addLockGuard, lockGuardOf, type LockGuard } from './lock-guard.js';
import type { AppendOutcome, DraftOutcome, DraftSummary, NewVersion, ReturnHead, ReturnStore } from './return-store.js';
import { DRAFT_ROWS, draftRow, HEAD_ROW, idempotencyRow, LOCK_ROW, partitionOf, periodOfPartition, timeOrderedRow, versionRow } from './storage-keys.js';
import type { StoreTestHooks } from './store-test-hooks.js';
import { StorageUnavailableError } from './storage-unavailable-error.js';

export const TABLE_NAMES = { returns: 'returns', reviews: 'reviews', locks: 'periodlocks' } as const;
export const CONTAINER_NAME = 'return-versions';
export const DRAFTS_CONTAINER_NAME = 'return-drafts';
export const UPLOADS_CONTAINER_NAME = 'return-uploads';

/** Attempts at a commit that keeps losing its race (head or lock marker moved) before answering a conflict. */
const MAX_APPEND_ATTEMPTS = 12;

type Row = Record<string, unknown>;

/**
 * ReturnStore on Azure Table Storage and Blob Storage (Azurite locally).
 *
 * Table `returns`, one partition per park and period (`jinshan|2025`):
 * - `head`: latest version number and its values; moved only under its ETag (If-Match);
 * - `v000001`, `v000002`, ...: one entity per version, naming the blob with the full document;
 * - `idem|<key>`: the version an Idempotency-Key created;
 * - `draft|<newest first>`: one entity per draft save, naming the blob with the draft;
 * - `lock`: the period's lock marker, written by lock and unlock under its ETag.
 * A submission uploads its document to a version-specific blob first, then commits the head,
 * the version entity, the idempotency entity and the lock guard in ONE entity-group
 * transaction. Either all exist or none: a crash or a lost race leaves at most an orphan blob,
 * which no entity names and no reader sees. Two racing submissions cannot both move the head
 * from the same ETag, and a lock that lands after the marker was read fails the commit
 * (lock-guard.ts). A draft save commits its entity with the same guard.
 */
export class AzureReturnStore implements ReturnStore {
  private readonly returns: TableClient;
  private readonly reviews: TableClient;
  private readonly locks: TableClient;
  private readonly container: ContainerClient;
  private readonly drafts: ContainerClient;
  private readonly uploads: ContainerClient;
  private readyPromise: Promise<void> | null = null;
  /** Test-only (store-test-hooks.ts). */
  readonly testHooks: StoreTestHooks = {};

  constructor(connectionString: string, private readonly timeoutMs: number) {
    // Short retries: when the storage is down the caller gets its 503 in well under a second.
    const tableOptions = { allowInsecureConnection: true, retryOptions: { maxRetries: 1, retryDelayInMs: 50, maxRetryDelayInMs: 200 } };
    this.returns = TableClient.fromConnectionString(connectionString, TABLE_NAMES.returns, tableOptions);
    this.reviews = TableClient.fromConnectionString(connectionString, TABLE_NAMES.reviews, tableOptions);
    this.locks = TableClient.fromConnectionString(connectionString, TABLE_NAMES.locks, tableOptions);
    const blobs = BlobServiceClient.fromConnectionString(connectionString, {
      retryOptions: { maxTries: 2, tryTimeoutInMs: timeoutMs, retryDelayInMs: 50, maxRetryDelayInMs: 200 },
    });
    this.container = blobs.getContainerClient(CONTAINER_NAME);
    this.drafts = blobs.getContainerClient(DRAFTS_CONTAINER_NAME);
    this.uploads = blobs.getContainerClient(UPLOADS_CONTAINER_NAME);
  }

  async readHead(park: string, period: string): Promise<ReturnHead | null> {
    const row = await this.getRow(this.returns, partitionOf(park, period), HEAD_ROW);
    return row ? toHead(row) : null;
  }

  async listHeads(park: string): Promise<ReturnHead[]> {
    // Partition keys of one park run from "park|" to just before "park}" ('}' follows '|').
    const filter = odata`PartitionKey ge ${`${park}|`} and PartitionKey lt ${`${park}}`} and RowKey eq ${HEAD_ROW}`;
    return (await this.query(this.returns, filter)).map(toHead);
  }

  async listVersions(park: string, period: string): Promise<VersionSummary[]> {
    const filter = odata`PartitionKey eq ${partitionOf(park, period)} and RowKey ge 'v' and RowKey lt 'w'`;
    return (await this.query(this.returns, filter)).map(toSummary).sort((a, b) => a.version - b.version);
  }

  async readVersion(park: string, period: string, version: number): Promise<ReturnVersion | null> {
    const row = await this.getRow(this.returns, partitionOf(park, period), versionRow(version));
    if (!row) return null;
    const blob = this.container.getBlockBlobClient(String(row.blob));
    const buffer = await this.call('read version document', (abortSignal) => blob.downloadToBuffer(undefined, undefined, { abortSignal }));
    return JSON.parse(buffer.toString('utf8')) as ReturnVersion;
  }

  async findIdempotent(park: string, period: string, key: string): Promise<{ version: number; contentHash: string } | null> {
    const row = await this.getRow(this.returns, partitionOf(park, period), idempotencyRow(key));
    return row ? { version: Number(row.version), contentHash: String(row.contentHash) } : null;
  }

  async appendVersion(incoming: NewVersion, idempotencyKey: string | null): Promise<AppendOutcome> {
    const pk = partitionOf(incoming.park, incoming.period);
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
      if (idempotencyKey !== null) {
        const used = await this.findIdempotent(incoming.park, incoming.period, idempotencyKey);
        if (used) {
          if (used.contentHash !== incoming.contentHash) return { kind: 'key_reused' };
          const version = await this.readVersion(incoming.park, incoming.period, used.version);
          if (!version) throw new Error(`idempotency entity names missing version ${used.version} in ${pk}`);
          return { kind: 'replayed', version };
        }
      }
      const [head, guard] = await Promise.all([this.getRow(this.returns, pk, HEAD_ROW), this.readLockGuard(pk)]);
      if (guard.locked) return { kind: 'locked' };
      const next = (head ? Number(head.latestVersion) : 0) + 1;
      const version: ReturnVersion = { ...incoming, version: next };
      const blobName = `${incoming.park}/${incoming.period}/${versionRow(next)}-${randomUUID()}.json`;
      const json = JSON.stringify(version);
      await this.call('write version document', (abortSignal) =>
        this.container.getBlockBlobClient(blobName).upload(json, Buffer.byteLength(json), {
          abortSignal,
          blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
        }),
      );

      const headEntity = {
        partitionKey: pk,
        rowKey: HEAD_ROW,
        park: incoming.park,
        period: incoming.period,
        latestVersion: next,
        latestSubmittedAt: version.submittedAt,
        latestContentHash: version.contentHash,
        latestValues: JSON.stringify(version.values),
        latestBaselines: JSON.stringify(version.baselines),
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
      if (idempotencyKey !== null) {
        tx.createEntity({ partitionKey: pk, rowKey: idempotencyRow(idempotencyKey), version: next, contentHash: incoming.contentHash });
      }
      addLockGuard(tx, guard);
      await this.testHooks.beforeCommit?.('version', pk);
      try {
        await this.call('commit version', (abortSignal) => this.returns.submitTransaction(tx.actions, { abortSignal }));
        return { kind: 'created', version };
      } catch (error) {
        if (!isLostRace(error)) throw error;
        // Another submission moved the head, or a lock the marker, first: read both again.
        await sleep(Math.random() * 10 * attempt);
      }
    }
    return { kind: 'conflict' };
  }

  async appendDraft(draft: ReturnDraft): Promise<DraftOutcome> {
    const pk = partitionOf(draft.park, draft.period);
    const rowKey = draftRow(new Date(draft.savedAt), randomUUID().slice(0, 8));
    const blobName = `${draft.park}/${draft.period}/${rowKey.slice(DRAFT_ROWS.from.length)}.json`;
    let written = false;
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
      const guard = await this.readLockGuard(pk);
      if (guard.locked) return { kind: 'locked' };
      if (!written) {
        const json = JSON.stringify(draft);
        await this.call('write draft document', (abortSignal) =>
          this.drafts.getBlockBlobClient(blobName).upload(json, Buffer.byteLength(json), {
            abortSignal,
            blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
          }),
        );
        written = true;
      }
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
      addLockGuard(tx, guard);
      await this.testHooks.beforeCommit?.('draft', pk);
      try {
        await this.call('commit draft', (abortSignal) => this.returns.submitTransaction(tx.actions, { abortSignal }));
        return { kind: 'created', draft };
      } catch (error) {
        if (!isLostRace(error)) throw error;
        await sleep(Math.random() * 10 * attempt);
      }
    }
    return { kind: 'conflict' };
  }

  async readLatestDraft(park: string, period: string): Promise<ReturnDraft | null> {
    const row = await this.newestDraftRow(partitionOf(park, period));
    if (!row) return null;
    const blob = this.drafts.getBlockBlobClient(String(row.blob));
    const buffer = await this.call('read draft document', (abortSignal) => blob.downloadToBuffer(undefined, undefined, { abortSignal }));
    return JSON.parse(buffer.toString('utf8')) as ReturnDraft;
  }

  async readLatestDraftSummary(park: string, period: string): Promise<DraftSummary | null> {
    const row = await this.newestDraftRow(partitionOf(park, period));
    return row ? { savedAt: String(row.savedAt), contentHash: String(row.contentHash) } : null;
  }

  async saveUpload(park: string, period: string, bytes: Uint8Array, contentType: string): Promise<string> {
    await this.ready();
    const name = `${park}/${period}/${new Date().toISOString().replace(/[:.]/g, '')}-${randomUUID()}`;
    await this.call('save upload', (abortSignal) =>
      this.uploads.getBlockBlobClient(name).uploadData(bytes, { abortSignal, blobHTTPHeaders: { blobContentType: contentType } }),
    );
    return name;
  }

  async readUpload(name: string): Promise<Uint8Array | null> {
    await this.ready();
    try {
      const buffer = await this.call('read upload', (abortSignal) => this.uploads.getBlockBlobClient(name).downloadToBuffer(undefined, undefined, { abortSignal }));
      return new Uint8Array(buffer);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return null;
      throw error;
    }
  }

  async appendReview(park: string, period: string, review: Review): Promise<void> {
    const entity = {
      partitionKey: partitionOf(park, period),
      rowKey: timeOrderedRow(new Date(review.at), randomUUID().slice(0, 8)),
      version: review.version,
      decision: review.decision,
      comment: review.comment,
      by: JSON.stringify(review.by),
      at: review.at,
    };
    await this.ready();
    await this.call('append review', (abortSignal) => this.reviews.createEntity(entity, { abortSignal }));
  }

  async listReviews(park: string, period: string): Promise<Review[]> {
    const rows = await this.query(this.reviews, odata`PartitionKey eq ${partitionOf(park, period)}`);
    return rows.sort(byRowKey).map(toReview);
  }

  async listReviewsOfPark(park: string): Promise<Record<string, Review[]>> {
    // As listHeads: the partitions of one park run from "park|" to just before "park}".
    const rows = await this.query(this.reviews, odata`PartitionKey ge ${`${park}|`} and PartitionKey lt ${`${park}}`}`);
    const byPeriod: Record<string, Review[]> = {};
    for (const row of rows.sort(byRowKey)) (byPeriod[periodOfPartition(String(row.partitionKey))] ??= []).push(toReview(row));
    return byPeriod;
  }

  async appendLockEvent(event: LockEvent): Promise<void> {
    const entity = {
      partitionKey: event.period,
      rowKey: timeOrderedRow(new Date(event.at), randomUUID().slice(0, 8)),
      locked: event.locked,
      by: JSON.stringify(event.by),
      at: event.at,
    };
    await this.ready();
    await this.call('append lock event', (abortSignal) => this.locks.createEntity(entity, { abortSignal }));
  }

  async writeLockMarker(park: string, event: LockEvent): Promise<'done' | 'conflict'> {
    const pk = partitionOf(park, event.period);
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
      const row = await this.getRow(this.returns, pk, LOCK_ROW);
      // No marker means unlocked; a marker already in the event's state needs nothing.
      if ((row?.locked === true) === event.locked) return 'done';
      const entity = { partitionKey: pk, rowKey: LOCK_ROW, locked: event.locked, by: JSON.stringify(event.by), at: event.at };
      await this.testHooks.beforeCommit?.('lock_marker', pk);
      try {
        await this.call('write lock marker', (abortSignal) =>
          row ? this.returns.updateEntity(entity, 'Replace', { etag: String(row.etag), abortSignal }) : this.returns.createEntity(entity, { abortSignal }),
        );
        return 'done';
      } catch (error) {
        if (!isLostRace(error)) throw error;
        // A commit in the partition moved the marker (its guard) first: read it again.
        await sleep(Math.random() * 10 * attempt);
      }
    }
    return 'conflict';
  }

  async readLock(period: string): Promise<LockEvent | null> {
    const rows = await this.query(this.locks, odata`PartitionKey eq ${period}`);
    const last = rows.sort(byRowKey).at(-1);
    return last ? { period, locked: Boolean(last.locked), by: JSON.parse(String(last.by)) as Actor, at: String(last.at) } : null;
  }

  /** Creates the tables and the container once per process; retried after a failure. */
  private ready(): Promise<void> {
    this.readyPromise ??= (async () => {
      await Promise.all([
        ...[this.returns, this.reviews, this.locks].map((t) => this.call('create table', (abortSignal) => t.createTable({ abortSignal }))),
        ...[this.container, this.drafts, this.uploads].map((c) => this.call('create container', (abortSignal) => c.createIfNotExists({ abortSignal }))),
      ]);
    })().catch((error: unknown) => {
      this.readyPromise = null;
      throw error;
    });
    return this.readyPromise;
  }

  private async getRow(table: TableClient, pk: string, rk: string): Promise<TableEntityResult<Row> | null> {
    await this.ready();
    try {
      return await this.call('read entity', (abortSignal) => table.getEntity<Row>(pk, rk, { abortSignal }));
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return null;
      throw error;
    }
  }

  private async readLockGuard(pk: string): Promise<LockGuard> {
    return lockGuardOf(pk, await this.getRow(this.returns, pk, LOCK_ROW));
  }

  /** The first row of the partition's draft range, which is the newest (draftRow). */
  private async newestDraftRow(pk: string): Promise<TableEntityResult<Row> | null> {
    await this.ready();
    const filter = odata`PartitionKey eq ${pk} and RowKey ge ${DRAFT_ROWS.from} and RowKey lt ${DRAFT_ROWS.to}`;
    return this.call('query newest draft', async (abortSignal) => {
      // A page may come back empty with a continuation: read on until a row or the end.
      for await (const page of this.returns.listEntities<Row>({ queryOptions: { filter }, abortSignal }).byPage({ maxPageSize: 1 })) {
        if (page.length > 0) return page[0]!;
      }
      return null;
    });
  }

  private async query(table: TableClient, filter: string): Promise<TableEntityResult<Row>[]> {
    await this.ready();
    return this.call('query entities', async (abortSignal) => {
      const rows: TableEntityResult<Row>[] = [];
      for await (const row of table.listEntities<Row>({ queryOptions: { filter }, abortSignal })) rows.push(row);
      return rows;
    });
  }

  /** Runs one storage call with a deadline; an unreachable or failing storage becomes StorageUnavailableError. */
  private async call<T>(what: string, fn: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await fn(AbortSignal.timeout(this.timeoutMs));
    } catch (error) {
      if (isStorageFault(error)) throw new StorageUnavailableError(`${what}: ${describe(error)}`, { cause: error });
      throw error;
    }
  }
}

function isLostRace(error: unknown): boolean {
  const status = (error as { statusCode?: number }).statusCode;
  return status === 409 || status === 412;
}

function describe(error: unknown): string {
  const e = error as { code?: string; statusCode?: number; message?: string };
  return [e.code, e.statusCode, e.message].filter((x) => x !== undefined).join(' ');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const byRowKey = (a: Row, b: Row) => String(a.rowKey).localeCompare(String(b.rowKey));

function toReview(row: Row): Review {
  return {
    version: Number(row.version),
    decision: row.decision as Review['decision'],
    comment: String(row.comment ?? ''),
    by: JSON.parse(String(row.by)) as Actor,
    at: String(row.at),
  };
}

function toHead(row: Row): ReturnHead {
  return {
    park: String(row.park),
    period: String(row.period),
    latestVersion: Number(row.latestVersion),
    latestSubmittedAt: String(row.latestSubmittedAt),
    latestContentHash: typeof row.latestContentHash === 'string' ? row.latestContentHash : null,
    latestValues: JSON.parse(String(row.latestValues)) as ReturnHead['latestValues'],
    latestBaselines: JSON.parse(String(row.latestBaselines)) as ReturnHead['latestBaselines'],
  };
}

function toSummary(row: Row): VersionSummary {
  return {
    version: Number(row.version),
    submittedAt: String(row.submittedAt),
    submittedBy: JSON.parse(String(row.submittedBy)) as Actor,
    contentHash: String(row.contentHash),
    templateVersion: String(row.templateVersion),
    errorCount: Number(row.errorCount),
    warningCount: Number(row.warningCount),
    source: row.source as VersionSummary['source'],
  };
}
