import { odata } from '@azure/data-tables';
import type { Actor, ReturnVersion, VersionSummary } from '@zj/shared';
import type { AzureStorage, Row } from './azure-storage.js';
import type { ReturnHead } from './return-store.js';
import { HEAD_ROW, idempotencyRow, partitionOf, versionRow } from './storage-keys.js';

/** The head of a park's return for a period: its latest version and that version's figures. */
export async function readHead(storage: AzureStorage, park: string, period: string): Promise<ReturnHead | null> {
  const row = await storage.getRow(storage.returns, partitionOf(park, period), HEAD_ROW);
  return row ? toHead(row) : null;
}

/** The heads of every period of one park. */
export async function listHeads(storage: AzureStorage, park: string): Promise<ReturnHead[]> {
  // Partition keys of one park run from "park|" to just before "park}" ('}' follows '|').
  const filter = odata`PartitionKey ge ${`${park}|`} and PartitionKey lt ${`${park}}`} and RowKey eq ${HEAD_ROW}`;
  return (await storage.query(storage.returns, filter)).map(toHead);
}

export async function listVersions(storage: AzureStorage, park: string, period: string): Promise<VersionSummary[]> {
  const filter = odata`PartitionKey eq ${partitionOf(park, period)} and RowKey ge 'v' and RowKey lt 'w'`;
  return (await storage.query(storage.returns, filter)).map(toSummary).sort((a, b) => a.version - b.version);
}

/** A version's full document, from the blob its entity names. */
export async function readVersion(storage: AzureStorage, park: string, period: string, version: number): Promise<ReturnVersion | null> {
  const row = await storage.getRow(storage.returns, partitionOf(park, period), versionRow(version));
  if (!row) return null;
  const blob = storage.versions.getBlockBlobClient(String(row.blob));
  const buffer = await storage.call('read version document', (abortSignal) => blob.downloadToBuffer(undefined, undefined, { abortSignal }));
  return JSON.parse(buffer.toString('utf8')) as ReturnVersion;
}

export async function findIdempotent(storage: AzureStorage, park: string, period: string, key: string): Promise<{ version: number; contentHash: string } | null> {
  const row = await storage.getRow(storage.returns, partitionOf(park, period), idempotencyRow(key));
  return row ? { version: Number(row.version), contentHash: String(row.contentHash) } : null;
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
    latestDeclaredNone: typeof row.latestDeclaredNone === 'string' ? (JSON.parse(row.latestDeclaredNone) as string[]) : null,
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
