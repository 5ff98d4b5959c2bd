import { randomUUID } from 'node:crypto';
import { TableTransaction } from '@azure/data-tables';
import type { ReturnDraft } from '@zj/shared';
import type { AzureStorage } from './azure-storage.js';
import { addLockGuard } from './lock-guard.js';
import { readLockGuard } from './locks.js';
import { isLostRace, MAX_COMMIT_ATTEMPTS, waitAfterLostRace } from './lost-race.js';
import type { DraftOutcome } from './return-store.js';
import { DRAFT_ROWS, draftRow, partitionOf } from './storage-keys.js';
import type { StoreTestHooks } from './store-test-hooks.js';

/**
 * Appends a draft record: its document under a new name (written once), then its entity with the
 * lock guard in one transaction. Nothing is overwritten; a draft is never a version.
 */
export async function appendDraft(storage: AzureStorage, hooks: StoreTestHooks, draft: ReturnDraft): Promise<DraftOutcome> {
  const pk = partitionOf(draft.park, draft.period);
  const rowKey = draftRow(new Date(draft.savedAt), randomUUID().slice(0, 8));
  const blobName = `${draft.park}/${draft.period}/${rowKey.slice(DRAFT_ROWS.from.length)}.json`;
  let written = false;
  for (let attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
    const guard = await readLockGuard(storage, pk);
    if (guard.locked) return { kind: 'locked' };
    if (!written) {
      const json = JSON.stringify(draft);
      await storage.call('write draft document', (abortSignal) =>
        storage.drafts.getBlockBlobClient(blobName).upload(json, Buffer.byteLength(json), {
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
    await hooks.beforeCommit?.('draft', pk);
    try {
      await storage.call('commit draft', (abortSignal) => storage.returns.submitTransaction(tx.actions, { abortSignal }));
      return { kind: 'created', draft };
    } catch (error) {
      if (!isLostRace(error)) throw error;
      await waitAfterLostRace(attempt);
    }
  }
  return { kind: 'conflict' };
}
