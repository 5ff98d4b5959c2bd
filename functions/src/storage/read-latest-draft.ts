import type { ReturnDraft } from '@zj/shared';
import type { AzureStorage } from './azure-storage.js';
import { readPeriodHead } from './heads.js';
import type { DraftSummary } from './return-store.js';

/** The newest draft's document, or null when none was saved: the head names it. */
export async function readLatestDraft(storage: AzureStorage, park: string, period: string): Promise<ReturnDraft | null> {
  const draft = (await readPeriodHead(storage, park, period))?.draft;
  if (!draft) return null;
  const blob = storage.drafts.getBlockBlobClient(draft.blob);
  const buffer = await storage.call('read draft document', (abortSignal) => blob.downloadToBuffer(undefined, undefined, { abortSignal }));
  return JSON.parse(buffer.toString('utf8')) as ReturnDraft;
}

/** When the newest draft was saved and what it holds, from the head alone. */
export async function readLatestDraftSummary(storage: AzureStorage, park: string, period: string): Promise<DraftSummary | null> {
  const draft = (await readPeriodHead(storage, park, period))?.draft;
  return draft ? { savedAt: draft.savedAt, contentHash: draft.contentHash } : null;
}
