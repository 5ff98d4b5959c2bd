import { randomUUID } from 'node:crypto';
import type { ReturnDraft } from '@zj/shared';
import type { AzureStorage } from './azure-storage.js';
import { emptyHead, moveHead, settleDraft } from './heads.js';
import type { DraftOutcome, DraftPointer } from './return-store.js';
import { DRAFT_ROWS, draftRow } from './storage-keys.js';
import type { StoreTestHooks } from './store-test-hooks.js';

/**
 * Appends a draft record: its document under a new name (written once), then the head moves to
 * it under its ETag (refused when the head says the period is locked), then its entity is
 * written. Nothing is overwritten; a draft is never a version.
 */
export async function appendDraft(storage: AzureStorage, hooks: StoreTestHooks, draft: ReturnDraft): Promise<DraftOutcome> {
  const { park, period } = draft;
  const rowKey = draftRow(new Date(draft.savedAt), randomUUID().slice(0, 8));
  const pointer: DraftPointer = {
    rowKey,
    blob: `${park}/${period}/${rowKey.slice(DRAFT_ROWS.from.length)}.json`,
    savedAt: draft.savedAt,
    savedBy: draft.savedBy,
    contentHash: draft.contentHash,
    templateVersion: draft.input.templateVersion,
  };
  let written = false;
  const outcome = await moveHead<DraftOutcome>(storage, hooks, 'draft', park, period, async (head) => {
    if (head?.locked) return { kind: 'done', result: { kind: 'locked' } };
    if (!written) {
      const json = JSON.stringify(draft);
      await storage.call('write draft document', (abortSignal) =>
        storage.drafts
          .getBlockBlobClient(pointer.blob)
          .upload(json, Buffer.byteLength(json), { abortSignal, blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' } }),
      );
      written = true;
    }
    return {
      kind: 'write',
      next: { ...(head ?? emptyHead(park, period)), draft: pointer },
      // The head stops holding the previous draft's entity.
      settle: head?.draft ? [() => settleDraft(storage, park, period, head.draft!)] : [],
      after: [() => settleDraft(storage, park, period, pointer)],
      result: { kind: 'created', draft },
    };
  });
  return outcome === 'conflict' ? { kind: 'conflict' } : outcome;
}
