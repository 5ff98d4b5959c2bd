import { odata } from '@azure/data-tables';
import type { ReturnVersion, VersionSummary } from '@zj/shared';
import type { AzureStorage } from './azure-storage.js';
import { latestOf, readPeriodHead, summaryOf } from './heads.js';
import type { PeriodHead, VersionPage } from './return-store.js';
import { idempotencyRow, partitionOf, versionRow } from './storage-keys.js';

/**
 * Versions in order, from their entities; a page of them (the `limit` newest below `below`) when
 * `page` is given, which reads one range of the partition whatever the number of versions.
 * The latest version is taken from the head when its entity is not written yet.
 */
export async function listVersions(
  storage: AzureStorage,
  park: string,
  period: string,
  page?: VersionPage,
  head?: PeriodHead | null,
): Promise<VersionSummary[]> {
  const current = head !== undefined ? head : await readPeriodHead(storage, park, period);
  const latest = current?.latestVersion ?? 0;
  const top = Math.min(latest, (page?.below ?? latest + 1) - 1);
  const from = page ? Math.max(1, top - page.limit + 1) : 1;
  if (top < from) return [];
  const pk = partitionOf(park, period);
  const rows = await storage.query(storage.returns, odata`PartitionKey eq ${pk} and RowKey ge ${versionRow(from)} and RowKey le ${versionRow(top)}`);
  const versions = rows.map((row) => summaryOf(latestOf(row)));
  if (current?.latest && current.latest.version <= top && !versions.some((v) => v.version === current.latest!.version))
    versions.push(summaryOf(current.latest));
  return versions.sort((a, b) => a.version - b.version);
}

/** A version's full document, from the blob its entity (or, for the latest, its head) names. */
export async function readVersionDocument(
  storage: AzureStorage,
  park: string,
  period: string,
  version: number,
  head?: PeriodHead | null,
): Promise<ReturnVersion | null> {
  let blob: string | null = null;
  if (head?.latest?.version === version) blob = head.latest.blob;
  else {
    const row = await storage.getRow(storage.returns, partitionOf(park, period), versionRow(version));
    if (row) blob = String(row.blob);
    else {
      // Not written yet? The head holds the latest version's entity until it is.
      const current = head !== undefined ? head : await readPeriodHead(storage, park, period);
      if (current?.latest?.version === version) blob = current.latest.blob;
    }
  }
  if (blob === null) return null;
  const client = storage.versions.getBlockBlobClient(blob);
  const buffer = await storage.call('read version document', (abortSignal) => client.downloadToBuffer(undefined, undefined, { abortSignal }));
  return JSON.parse(buffer.toString('utf8')) as ReturnVersion;
}

/**
 * The version an idempotency key created, with its content hash: the head's latest version, or
 * the key's entity. The head is read first: a version it has moved past has its entities
 * written (heads.ts, settle), so a key not found after that was not used.
 */
export async function findIdempotent(
  storage: AzureStorage,
  park: string,
  period: string,
  key: string,
  head?: PeriodHead | null,
): Promise<{ version: number; contentHash: string } | null> {
  const current = head !== undefined ? head : await readPeriodHead(storage, park, period);
  if (current?.latest?.idempotencyKey === key) return { version: current.latest.version, contentHash: current.latest.contentHash };
  const row = await storage.getRow(storage.returns, partitionOf(park, period), idempotencyRow(key));
  return row ? { version: Number(row.version), contentHash: String(row.contentHash) } : null;
}
