import { randomUUID } from 'node:crypto';
import { TableTransaction } from '@azure/data-tables';
import type { ReturnVersion } from '@zj/shared';
import type { AzureStorage } from './azure-storage.js';
import { addLockGuard } from './lock-guard.js';
import { readLockGuard } from './locks.js';
import { isLostRace, MAX_COMMIT_ATTEMPTS, waitAfterLostRace } from './lost-race.js';
import { findIdempotent, readVersion } from './read-versions.js';
import type { AppendOutcome, NewVersion } from './return-store.js';
import { HEAD_ROW, idempotencyRow, partitionOf, versionRow } from './storage-keys.js';
import type { StoreTestHooks } from './store-test-hooks.js';

/**
 * Appends the next version of a park's return. The document goes to a blob whose name is unique
 * to this attempt; then the head (If-Match), the version entity, the idempotency entity and the
 * lock guard are committed in ONE entity-group transaction, so either all exist or none. A lost
 * race (the head or the lock marker moved) reads both again and tries the next number; a crash
 * leaves at most an orphan blob that no entity names.
 */
export async function appendVersion(storage: AzureStorage, hooks: StoreTestHooks, incoming: NewVersion, idempotencyKey: string | null): Promise<AppendOutcome> {
  const pk = partitionOf(incoming.park, incoming.period);
  for (let attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
    if (idempotencyKey !== null) {
      const used = await findIdempotent(storage, incoming.park, incoming.period, idempotencyKey);
      if (used) {
        if (used.contentHash !== incoming.contentHash) return { kind: 'key_reused' };
        const version = await readVersion(storage, incoming.park, incoming.period, used.version);
        if (!version) throw new Error(`idempotency entity names missing version ${used.version} in ${pk}`);
        return { kind: 'replayed', version };
      }
    }
    const [head, guard] = await Promise.all([storage.getRow(storage.returns, pk, HEAD_ROW), readLockGuard(storage, pk)]);
    if (guard.locked) return { kind: 'locked' };
    const next = (head ? Number(head.latestVersion) : 0) + 1;
    const version: ReturnVersion = { ...incoming, version: next };
    const blobName = `${incoming.park}/${incoming.period}/${versionRow(next)}-${randomUUID()}.json`;
    const json = JSON.stringify(version);
    await storage.call('write version document', (abortSignal) =>
      storage.versions.getBlockBlobClient(blobName).upload(json, Buffer.byteLength(json), {
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
      ...(version.declaredNone ? { latestDeclaredNone: JSON.stringify(version.declaredNone) } : {}),
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
    await hooks.beforeCommit?.('version', pk);
    try {
      await storage.call('commit version', (abortSignal) => storage.returns.submitTransaction(tx.actions, { abortSignal }));
      return { kind: 'created', version };
    } catch (error) {
      if (!isLostRace(error)) throw error;
      // Another submission moved the head, or a lock the marker, first: read both again.
      await waitAfterLostRace(attempt);
    }
  }
  return { kind: 'conflict' };
}
