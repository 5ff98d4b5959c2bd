import { odata, type TableEntityResult } from '@azure/data-tables';
import type { ReturnDraft } from '@zj/shared';
import type { AzureStorage, Row } from './azure-storage.js';
import type { DraftSummary } from './return-store.js';
import { DRAFT_ROWS, partitionOf } from './storage-keys.js';

/** The newest draft's document, or null when none was saved. */
export async function readLatestDraft(storage: AzureStorage, park: string, period: string): Promise<ReturnDraft | null> {
  const row = await newestDraftRow(storage, partitionOf(park, period));
  if (!row) return null;
  const blob = storage.drafts.getBlockBlobClient(String(row.blob));
  const buffer = await storage.call('read draft document', (abortSignal) => blob.downloadToBuffer(undefined, undefined, { abortSignal }));
  return JSON.parse(buffer.toString('utf8')) as ReturnDraft;
}

/** When the newest draft was saved and what it holds, from its entity alone. */
export async function readLatestDraftSummary(storage: AzureStorage, park: string, period: string): Promise<DraftSummary | null> {
  const row = await newestDraftRow(storage, partitionOf(park, period));
  return row ? { savedAt: String(row.savedAt), contentHash: String(row.contentHash) } : null;
}

/** The first row of the partition's draft range, which is the newest (draftRow). */
async function newestDraftRow(storage: AzureStorage, pk: string): Promise<TableEntityResult<Row> | null> {
  await storage.ready();
  const filter = odata`PartitionKey eq ${pk} and RowKey ge ${DRAFT_ROWS.from} and RowKey lt ${DRAFT_ROWS.to}`;
  return storage.call('query newest draft', async (abortSignal) => {
    // A page may come back empty with a continuation: read on until a row or the end.
    for await (const page of storage.returns.listEntities<Row>({ queryOptions: { filter }, abortSignal }).byPage({ maxPageSize: 1 })) {
      if (page.length > 0) return page[0]!;
    }
    return null;
  });
}
