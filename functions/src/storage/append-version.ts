import { randomUUID } from 'node:crypto';
import { declaredNoneOf, type ReturnVersion } from '@zj/shared';
import { headAfterVersion } from '@zj/shared/returns';
import type { AzureStorage } from './azure-storage.js';
import { moveHead, settleReview, settleVersion } from './heads.js';
import { findIdempotent, readVersionDocument } from './read-versions.js';
import type { AppendOutcome, LatestVersion, NewVersion, PeriodHead } from './return-store.js';
import type { StoreTestHooks } from './store-test-hooks.js';

/**
 * Appends the next version of a park's return. Its document goes to a blob of its own first;
 * then the head moves to it under its ETag (heads.ts: the commit), with the park's baselines row
 * when its baselines differ from the accepted ones before; then its version and idempotency
 * entities are written. A lost race (the head moved: another version, a review, a draft, a lock)
 * reads the head again, checks the key and the lock again and tries the next number; a crash
 * before the commit leaves at most an orphan blob that nothing names, one after it leaves the
 * entities to the head until the next commit writes them.
 */
export async function appendVersion(
  storage: AzureStorage,
  hooks: StoreTestHooks,
  incoming: NewVersion,
  idempotencyKey: string | null,
  seen?: PeriodHead | null,
): Promise<AppendOutcome> {
  const { park, period } = incoming;
  let written: { version: number; blob: string } | null = null;
  const outcome = await moveHead<AppendOutcome>(
    storage,
    hooks,
    'version',
    park,
    period,
    async (head, attempt) => {
      // On the first attempt with the caller's head, the caller has checked the key against it.
      if (idempotencyKey !== null && !(attempt === 1 && seen !== undefined)) {
        const used = await findIdempotent(storage, park, period, idempotencyKey, head);
        if (used) {
          if (used.contentHash !== incoming.contentHash) return { kind: 'done', result: { kind: 'key_reused' } };
          const version = await readVersionDocument(storage, park, period, used.version, head);
          if (!version) throw new Error(`idempotency key names missing version ${used.version} of ${park} ${period}`);
          return { kind: 'done', result: { kind: 'replayed', version } };
        }
      }
      if (head?.locked) return { kind: 'done', result: { kind: 'locked' } };
      const number = (head?.latestVersion ?? 0) + 1;
      const version: ReturnVersion = { ...incoming, version: number };
      // The document names its number: written again only when a lost race moved it on. It is
      // written beside the records the head stops holding (all before the commit).
      const document = written?.version === number ? null : { version: number, blob: `${park}/${period}/${randomUUID()}.json` };
      const blob = document?.blob ?? written!.blob;
      const latest: LatestVersion = {
        version: number,
        blob,
        submittedAt: version.submittedAt,
        submittedBy: version.submittedBy,
        contentHash: version.contentHash,
        templateVersion: version.templateVersion,
        errorCount: version.issues.filter((i) => i.severity === 'error').length,
        warningCount: version.issues.filter((i) => i.severity === 'warning').length,
        source: version.source,
        idempotencyKey,
      };
      const accepted = headAfterVersion(head, { version: number, values: version.values, baselines: version.baselines, declaredNone: declaredNoneOf(version) });
      return {
        kind: 'write',
        next: { park, period, draft: head?.draft ?? null, locked: false, latest, ...accepted },
        // The head stops holding the previous version's entities and its review.
        settle: [
          ...(document
            ? [
                async () => {
                  await writeDocument(storage, version, document.blob);
                  written = document;
                },
              ]
            : []),
          ...(head?.latest ? [() => settleVersion(storage, park, period, head.latest!)] : []),
          ...(head?.latestReview ? [() => settleReview(storage, park, period, head.latestReview!)] : []),
        ],
        after: [() => settleVersion(storage, park, period, latest)],
        result: { kind: 'created', version },
      };
    },
    seen,
  );
  return outcome === 'conflict' ? { kind: 'conflict' } : outcome;
}

async function writeDocument(storage: AzureStorage, version: ReturnVersion, blob: string): Promise<void> {
  const json = JSON.stringify(version);
  await storage.call('write version document', (abortSignal) =>
    storage.versions
      .getBlockBlobClient(blob)
      .upload(json, Buffer.byteLength(json), { abortSignal, blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' } }),
  );
}
