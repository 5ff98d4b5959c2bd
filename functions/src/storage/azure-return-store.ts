import type { LockEvent, Review, ReturnDraft, ReturnVersion, VersionSummary } from '@zj/shared';
import type { StorageSettings } from '../settings/read-storage-settings.js';
import { appendDraft } from './append-draft.js';
import { appendVersion } from './append-version.js';
import { AzureStorage } from './azure-storage.js';
import { appendLockEvent, readLock, writeLockMarker } from './locks.js';
import { readLatestDraft, readLatestDraftSummary } from './read-latest-draft.js';
import { findIdempotent, listHeads, listVersions, readHead, readVersion } from './read-versions.js';
import type { AppendOutcome, DraftOutcome, DraftSummary, NewVersion, ReturnHead, ReturnStore } from './return-store.js';
import { appendReview, listReviews, listReviewsOfPark } from './reviews.js';
import type { StoreTestHooks } from './store-test-hooks.js';
import { readUpload, saveUpload } from './uploads.js';

/**
 * ReturnStore on Azure Table Storage and Blob Storage (Azurite locally).
 *
 * Table `returns`, one partition per park and period (`jinshan|2025`):
 * - `head`: latest version number and its values; moved only under its ETag (If-Match);
 * - `v000001`, `v000002`, ...: one entity per version, naming the blob with the full document;
 * - `idem|<key>`: the version an Idempotency-Key created;
 * - `draft|<newest first>`: one entity per draft save, naming the blob with the draft;
 * - `lock`: the period's lock marker, written by lock and unlock under its ETag.
 * A submission uploads its document to a version-specific blob first, then commits the head,
 * the version entity, the idempotency entity and the lock guard in ONE entity-group
 * transaction (append-version.ts). Either all exist or none: a crash or a lost race leaves at
 * most an orphan blob, which no entity names and no reader sees. Two racing submissions cannot
 * both move the head from the same ETag, and a lock that lands after the marker was read fails
 * the commit (lock-guard.ts). A draft save commits its entity with the same guard
 * (append-draft.ts). Table `reviews` holds one row per reviewed version (reviews.ts), table
 * `periodlocks` the lock events (locks.ts).
 */
export class AzureReturnStore implements ReturnStore {
  private readonly storage: AzureStorage;
  /** Test-only (store-test-hooks.ts). */
  readonly testHooks: StoreTestHooks = {};

  constructor(settings: StorageSettings, timeoutMs: number) {
    this.storage = new AzureStorage(settings, timeoutMs);
  }

  readHead(park: string, period: string): Promise<ReturnHead | null> {
    return readHead(this.storage, park, period);
  }

  listHeads(park: string): Promise<ReturnHead[]> {
    return listHeads(this.storage, park);
  }

  listVersions(park: string, period: string): Promise<VersionSummary[]> {
    return listVersions(this.storage, park, period);
  }

  readVersion(park: string, period: string, version: number): Promise<ReturnVersion | null> {
    return readVersion(this.storage, park, period, version);
  }

  findIdempotent(park: string, period: string, key: string): Promise<{ version: number; contentHash: string } | null> {
    return findIdempotent(this.storage, park, period, key);
  }

  appendVersion(incoming: NewVersion, idempotencyKey: string | null): Promise<AppendOutcome> {
    return appendVersion(this.storage, this.testHooks, incoming, idempotencyKey);
  }

  appendDraft(draft: ReturnDraft): Promise<DraftOutcome> {
    return appendDraft(this.storage, this.testHooks, draft);
  }

  readLatestDraft(park: string, period: string): Promise<ReturnDraft | null> {
    return readLatestDraft(this.storage, park, period);
  }

  readLatestDraftSummary(park: string, period: string): Promise<DraftSummary | null> {
    return readLatestDraftSummary(this.storage, park, period);
  }

  saveUpload(park: string, period: string, bytes: Uint8Array, contentType: string): Promise<string> {
    return saveUpload(this.storage, park, period, bytes, contentType);
  }

  readUpload(name: string): Promise<Uint8Array | null> {
    return readUpload(this.storage, name);
  }

  appendReview(park: string, period: string, review: Review): Promise<'created' | 'exists'> {
    return appendReview(this.storage, park, period, review);
  }

  listReviews(park: string, period: string): Promise<Review[]> {
    return listReviews(this.storage, park, period);
  }

  listReviewsOfPark(park: string): Promise<Record<string, Review[]>> {
    return listReviewsOfPark(this.storage, park);
  }

  appendLockEvent(event: LockEvent): Promise<void> {
    return appendLockEvent(this.storage, event);
  }

  writeLockMarker(park: string, event: LockEvent): Promise<'done' | 'conflict'> {
    return writeLockMarker(this.storage, this.testHooks, park, event);
  }

  readLock(period: string): Promise<LockEvent | null> {
    return readLock(this.storage, period);
  }
}
