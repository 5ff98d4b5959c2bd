import { LruCache } from '../app/lru-cache.js';
import { TableClient, type TableEntityResult } from '@azure/data-tables';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import type { StorageSettings } from '../settings/read-storage-settings.js';
import { isStorageFault } from './is-storage-fault.js';
import { StorageUnavailableError } from './storage-unavailable-error.js';
import { CONTAINER_NAME, DRAFTS_CONTAINER_NAME, TABLE_NAMES, UPLOADS_CONTAINER_NAME, WORKBOOK_CACHE_CONTAINER_NAME } from './storage-names.js';

export type Row = Record<string, unknown>;

/**
 * The tables and containers of one storage account, and the three ways every part of
 * AzureReturnStore reaches them: `ready` (create them, and bring data of an older layout into
 * this one, once: `prepare`), `call` (one storage call with a deadline; an unreachable storage
 * becomes StorageUnavailableError), `getRow` and `query`.
 */
export class AzureStorage {
  readonly heads: TableClient;
  readonly returns: TableClient;
  readonly reviews: TableClient;
  readonly locks: TableClient;
  readonly migrations: TableClient;
  /** The zone's change stamps (change-stamps.ts). */
  readonly stamps: TableClient;
  readonly versions: ContainerClient;
  readonly drafts: ContainerClient;
  readonly uploads: ContainerClient;
  readonly workbooks: ContainerClient;
  /** Append-only records this process has written or found written (heads.ts, createOnce): not written again. */
  readonly recordsWritten = new LruCache<string, true>(10_000);
  private readyPromise: Promise<void> | null = null;

  /**
   * @param prepare run once the tables exist, before any other call is let through (the
   * migration of an older layout, migrate-layout.ts); it gets this storage with `ready` already
   * satisfied.
   */
  constructor(
    settings: StorageSettings,
    private readonly timeoutMs: number,
    private readonly prepare?: (storage: AzureStorage) => Promise<unknown>,
  ) {
    const clients = createStorageClients(settings, timeoutMs);
    this.heads = clients.table(TABLE_NAMES.heads);
    this.returns = clients.table(TABLE_NAMES.returns);
    this.reviews = clients.table(TABLE_NAMES.reviews);
    this.locks = clients.table(TABLE_NAMES.locks);
    this.migrations = clients.table(TABLE_NAMES.migrations);
    this.stamps = clients.table(TABLE_NAMES.stamps);
    this.versions = clients.blobs.getContainerClient(CONTAINER_NAME);
    this.drafts = clients.blobs.getContainerClient(DRAFTS_CONTAINER_NAME);
    this.uploads = clients.blobs.getContainerClient(UPLOADS_CONTAINER_NAME);
    this.workbooks = clients.blobs.getContainerClient(WORKBOOK_CACHE_CONTAINER_NAME);
  }

  /** Creates the tables and the containers, then runs `prepare`, once per process; retried after a failure. */
  ready(): Promise<void> {
    this.readyPromise ??= (async () => {
      await Promise.all([
        ...[this.heads, this.returns, this.reviews, this.locks, this.migrations, this.stamps].map((t) =>
          this.call('create table', (abortSignal) => t.createTable({ abortSignal })),
        ),
        ...[this.versions, this.drafts, this.uploads, this.workbooks].map((c) =>
          this.call('create container', (abortSignal) => c.createIfNotExists({ abortSignal })),
        ),
      ]);
      // The same storage, its `ready` already satisfied (it is what is being waited for).
      if (this.prepare) await this.prepare(Object.create(this, { ready: { value: () => Promise.resolve() } }) as AzureStorage);
    })().catch((error: unknown) => {
      this.readyPromise = null;
      throw error;
    });
    return this.readyPromise;
  }

  /** One entity, or null when there is none. */
  async getRow(table: TableClient, pk: string, rk: string): Promise<TableEntityResult<Row> | null> {
    await this.ready();
    try {
      return await this.call('read entity', (abortSignal) => table.getEntity<Row>(pk, rk, { abortSignal }));
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return null;
      throw error;
    }
  }

  /**
   * Every entity the filter selects. How much a query reads differs between Azure Storage and
   * Azurite: on Azure, `PartitionKey eq` with a RowKey range reads that range only, while a
   * PartitionKey range with a RowKey condition reads every row of every partition in the range
   * (hence one partition per park for the heads); Azurite reads every row of the table for any
   * query (its point reads are indexed). Point reads (getRow) are what costs least on both.
   * `select`: only these properties come back (and each entity's keys and ETag).
   */
  async query(table: TableClient, filter: string, select?: string[]): Promise<TableEntityResult<Row>[]> {
    await this.ready();
    return this.call('query entities', async (abortSignal) => {
      const rows: TableEntityResult<Row>[] = [];
      for await (const row of table.listEntities<Row>({ queryOptions: { filter, ...(select ? { select } : {}) }, abortSignal })) rows.push(row);
      return rows;
    });
  }

  /** Runs one storage call with a deadline; an unreachable or failing storage becomes StorageUnavailableError. */
  async call<T>(what: string, fn: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await fn(AbortSignal.timeout(this.timeoutMs));
    } catch (error) {
      if (isStorageFault(error)) throw new StorageUnavailableError(`${what}: ${describe(error)}`, { cause: error });
      throw error;
    }
  }
}

export interface StorageClients {
  table(name: string): TableClient;
  blobs: BlobServiceClient;
  /** The Entra ID credential the clients sign requests with; null when the connection string's key signs them. */
  credential: TokenCredential | null;
}

/**
 * The Table and Blob clients of the settings' account. With endpoints (Azure), requests carry
 * an Entra ID token of the app's managed identity, from DefaultAzureCredential (which also
 * takes a developer's `az login` or `azd auth login` when run outside Azure); the account
 * refuses shared keys. With a connection string (Azurite), its key signs them.
 * Retries are short: when the storage is down the caller gets its 503 in well under a second.
 */
export function createStorageClients(settings: StorageSettings, timeoutMs: number): StorageClients {
  const tableRetry = { retryOptions: { maxRetries: 1, retryDelayInMs: 50, maxRetryDelayInMs: 200 } };
  const blobRetry = { retryOptions: { maxTries: 2, tryTimeoutInMs: timeoutMs, retryDelayInMs: 50, maxRetryDelayInMs: 200 } };
  if (settings.kind === 'connection-string') {
    const cs = settings.connectionString;
    return {
      // Azurite speaks http on loopback.
      table: (name) => TableClient.fromConnectionString(cs, name, { allowInsecureConnection: true, ...tableRetry }),
      blobs: BlobServiceClient.fromConnectionString(cs, blobRetry),
      credential: null,
    };
  }
  const credential = new DefaultAzureCredential(settings.managedIdentityClientId ? { managedIdentityClientId: settings.managedIdentityClientId } : {});
  return {
    table: (name) => new TableClient(settings.tableEndpoint, name, credential, tableRetry),
    blobs: new BlobServiceClient(settings.blobEndpoint, credential, blobRetry),
    credential,
  };
}

function describe(error: unknown): string {
  const e = error as { code?: string; statusCode?: number; message?: string };
  return [e.code, e.statusCode, e.message].filter((x) => x !== undefined).join(' ');
}
