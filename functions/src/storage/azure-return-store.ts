import { randomUUID } from 'node:crypto';
import { TableClient, TableTransaction, odata, type TableEntityResult } from '@azure/data-tables';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import type { Actor, LockEvent, Review, ReturnVersion, VersionSummary } from '@zj/shared';
import { isStorageFault } from './is-storage-fault.js';
import type { AppendOutcome, NewVersion, ReturnHead, ReturnStore } from './return-store.js';
import { HEAD_ROW, idempotencyRow, partitionOf, periodOfPartition, timeOrderedRow, versionRow } from './storage-keys.js';
import { StorageUnavailableError } from './storage-unavailable-error.js';

export const TABLE_NAMES = { returns: 'returns', reviews: 'reviews', locks: 'periodlocks' } as const;
export const CONTAINER_NAME = 'return-versions';
export const UPLOADS_CONTAINER_NAME = 'return-uploads';

/** Attempts at allocating the next version number before answering version_conflict. */
const MAX_APPEND_ATTEMPTS = 12;

type Row = Record<string, unknown>;

/**
 * ReturnStore on Azure Table Storage and Blob Storage (Azurite locally).
 *
 * Table `returns`, one partition per park and period (`jinshan|2025`):
 * - `head`: latest version number and its values; moved only under its ETag (If-Match);
 * - `v000001`, `v000002`, ...: one entity per version, naming the blob with the full document;
 * - `idem|<key>`: the version an Idempotency-Key created.
 * A submission uploads its document to a version-specific blob first, then commits the head,
 * the version entity and the idempotency entity in ONE entity-group transaction. Either all
 * three exist or none: a crash or a lost race leaves at most an orphan blob, which no entity
 * names and no reader sees. Two racing submissions cannot both move the head from the same ETag.
 */
export class AzureReturnStore implements ReturnStore {
  private readonly returns: TableClient;
  private readonly reviews: TableClient;
  private readonly locks: TableClient;
  private readonly container: ContainerClient;
  private readonly uploads: ContainerClient;
  private readyPromise: Promise<void> | null = null;

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

  async appendVersion(draft: NewVersion, idempotencyKey: string | null): Promise<AppendOutcome> {
    const pk = partitionOf(draft.park, draft.period);
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
      if (idempotencyKey !== null) {
        const used = await this.findIdempotent(draft.park, draft.period, idempotencyKey);
        if (used) {
          if (used.contentHash !== draft.contentHash) return { kind: 'key_reused' };
          const version = await this.readVersion(draft.park, draft.period, used.version);
          if (!version) throw new Error(`idempotency entity names missing version ${used.version} in ${pk}`);
          return { kind: 'replayed', version };
        }
      }
      const head = await this.getRow(this.returns, pk, HEAD_ROW);
      const next = (head ? Number(head.latestVersion) : 0) + 1;
      const version: ReturnVersion = { ...draft, version: next };
      const blobName = `${draft.park}/${draft.period}/${versionRow(next)}-${randomUUID()}.json`;
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
        park: draft.park,
        period: draft.period,
        latestVersion: next,
        latestSubmittedAt: version.submittedAt,
        latestValues: JSON.stringify(version.values),
        latestBaselines: JSON.stringify(version.baselines),
      };
      const tx = new TableTransaction();
      if (head) tx.updateEntity(headEntity, 'Replace', { etag: String(head.etag) });
      else tx.createEntity(headEntity);
      tx.createEntity({
        partitionKey: pk,
        rowKey: versionRow(next),
        park: draft.park,
        period: draft.period,
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
        tx.createEntity({ partitionKey: pk, rowKey: idempotencyRow(idempotencyKey), version: next, contentHash: draft.contentHash });
      }
      try {
        await this.call('commit version', (abortSignal) => this.returns.submitTransaction(tx.actions, { abortSignal }));
        return { kind: 'created', version };
      } catch (error) {
        if (!isLostRace(error)) throw error;
        // Another submission moved the head first: try again for the next number.
        await sleep(Math.random() * 10 * attempt);
      }
    }
    return { kind: 'conflict' };
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
        ...[this.container, this.uploads].map((c) => this.call('create container', (abortSignal) => c.createIfNotExists({ abortSignal }))),
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
