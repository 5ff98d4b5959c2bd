import { TableClient, type TableEntityResult } from '@azure/data-tables';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import type { StorageSettings } from '../settings/read-storage-settings.js';
import { isStorageFault } from './is-storage-fault.js';
import { StorageUnavailableError } from './storage-unavailable-error.js';
import { CONTAINER_NAME, DRAFTS_CONTAINER_NAME, TABLE_NAMES, UPLOADS_CONTAINER_NAME } from './storage-names.js';

export type Row = Record<string, unknown>;

/**
 * The tables and containers of one storage account, and the three ways every part of
 * AzureReturnStore reaches them: `ready` (create them once), `call` (one storage call with a
 * deadline; an unreachable storage becomes StorageUnavailableError), `getRow` and `query`.
 */
export class AzureStorage {
  readonly returns: TableClient;
  readonly reviews: TableClient;
  readonly locks: TableClient;
  readonly versions: ContainerClient;
  readonly drafts: ContainerClient;
  readonly uploads: ContainerClient;
  private readyPromise: Promise<void> | null = null;

  constructor(settings: StorageSettings, private readonly timeoutMs: number) {
    const clients = createStorageClients(settings, timeoutMs);
    this.returns = clients.table(TABLE_NAMES.returns);
    this.reviews = clients.table(TABLE_NAMES.reviews);
    this.locks = clients.table(TABLE_NAMES.locks);
    this.versions = clients.blobs.getContainerClient(CONTAINER_NAME);
    this.drafts = clients.blobs.getContainerClient(DRAFTS_CONTAINER_NAME);
    this.uploads = clients.blobs.getContainerClient(UPLOADS_CONTAINER_NAME);
  }

  /** Creates the tables and the containers once per process; retried after a failure. */
  ready(): Promise<void> {
    this.readyPromise ??= (async () => {
      await Promise.all([
        ...[this.returns, this.reviews, this.locks].map((t) => this.call('create table', (abortSignal) => t.createTable({ abortSignal }))),
        ...[this.versions, this.drafts, this.uploads].map((c) => this.call('create container', (abortSignal) => c.createIfNotExists({ abortSignal }))),
      ]);
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

  async query(table: TableClient, filter: string): Promise<TableEntityResult<Row>[]> {
    await this.ready();
    return this.call('query entities', async (abortSignal) => {
      const rows: TableEntityResult<Row>[] = [];
      for await (const row of table.listEntities<Row>({ queryOptions: { filter }, abortSignal })) rows.push(row);
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
