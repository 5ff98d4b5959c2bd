import type { LockEvent, Review, ReturnDraft, ReturnVersion, VersionSummary } from '@zj/shared';
import type { BaselineIndex } from '@zj/shared/returns';
import type { StorageSettings } from '../settings/read-storage-settings.js';
import { appendDraft } from './append-draft.js';
import { appendVersion } from './append-version.js';
import { AzureStorage } from './azure-storage.js';
import { listHeads, readBaselineIndex, readHeadsAndBaselines, readHeadTags, readPeriodHead } from './heads.js';
import { appendLockEvent, readLock, writeLockMarker } from './locks.js';
import { migrateLayout } from './migrate-layout.js';
import { readLatestDraft, readLatestDraftSummary } from './read-latest-draft.js';
import { findIdempotent, listVersions, readVersionDocument } from './read-versions.js';
import type {
  AppendOutcome,
  DraftOutcome,
  DraftSummary,
  HeadsAndBaselines,
  HeadTags,
  NewVersion,
  PeriodHead,
  ReturnHead,
  ReturnStore,
  ReviewOutcome,
  VersionPage,
} from './return-store.js';
import { appendReview, listReviews } from './reviews.js';
import type { StoreTestHooks } from './store-test-hooks.js';
import { readUpload, saveUpload } from './uploads.js';
import { readCachedDocument, writeCachedDocument } from './build-cache.js';
import { bumpChangeStamps, readChangeStamps } from './change-stamps.js';

/**
 * ReturnStore on Azure Table Storage and Blob Storage (Azurite locally). functions/README.md
 * (Storage) has the layout; in short:
 *
 * - table `heads`, partition = the park, row key = the period: the head of each return, the one
 *   pointer every commit moves under its ETag (version added, review made, draft saved, period
 *   locked), carrying the latest version, its review, the accepted version with its figures, the
 *   newest draft and the lock (heads.ts); and per park the row `baselines` (BaselineIndex);
 * - table `returns`, one partition per park and period (`jinshan|2025`): the append-only records,
 *   `v000001`… (one entity per version, naming the blob with its full document), `idem|<key>`,
 *   `draft|<newest first>`;
 * - table `reviews`: one row per reviewed version; table `periodlocks`: lock events;
 * - blobs: version documents, draft documents, uploaded workbooks, and (not records) built
 *   documents, workbooks and evaluations (build-cache.ts);
 * - table `changestamps`: the zone's change stamps, one row a period and one `baselines`, moved
 *   after every commit to a head (change-stamps.ts): what a zone document checks first;
 * - table `migrations`: the record that data of the older layout was migrated (migrate-layout.ts,
 *   run before the first call is served).
 *
 * Templates, submissions, consolidation and evaluation read heads only (point reads of the heads
 * they need and of a park's baselines row), whatever the number of versions, reviews or periods.
 */
export class AzureReturnStore implements ReturnStore {
  private readonly storage: AzureStorage;
  /** Test-only (store-test-hooks.ts). */
  readonly testHooks: StoreTestHooks = {};

  constructor(settings: StorageSettings, timeoutMs: number) {
    this.storage = new AzureStorage(settings, timeoutMs, migrateLayout);
  }

  readPeriodHead(park: string, period: string): Promise<PeriodHead | null> {
    return readPeriodHead(this.storage, park, period);
  }

  async readHead(park: string, period: string): Promise<ReturnHead | null> {
    const head = await readPeriodHead(this.storage, park, period);
    return head?.latest ? (head as ReturnHead) : null;
  }

  listHeads(park: string): Promise<PeriodHead[]> {
    return listHeads(this.storage, park);
  }

  readBaselineIndex(park: string): Promise<{ index: BaselineIndex; etag: string | null }> {
    return readBaselineIndex(this.storage, park);
  }

  readHeadsAndBaselines(park: string, periods: readonly string[]): Promise<HeadsAndBaselines> {
    return readHeadsAndBaselines(this.storage, park, periods);
  }

  readHeadTags(park: string, periods: readonly string[], withBaselines: boolean): Promise<HeadTags> {
    return readHeadTags(this.storage, park, periods, withBaselines);
  }

  listVersions(park: string, period: string, page?: VersionPage, head?: PeriodHead | null): Promise<VersionSummary[]> {
    return listVersions(this.storage, park, period, page, head);
  }

  readVersion(park: string, period: string, version: number): Promise<ReturnVersion | null> {
    return readVersionDocument(this.storage, park, period, version);
  }

  findIdempotent(park: string, period: string, key: string, head?: PeriodHead | null): Promise<{ version: number; contentHash: string } | null> {
    return findIdempotent(this.storage, park, period, key, head);
  }

  appendVersion(incoming: NewVersion, idempotencyKey: string | null, seen?: PeriodHead | null): Promise<AppendOutcome> {
    return appendVersion(this.storage, this.testHooks, incoming, idempotencyKey, seen);
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

  appendReview(park: string, period: string, review: Review): Promise<ReviewOutcome> {
    return appendReview(this.storage, this.testHooks, park, period, review);
  }

  listReviews(park: string, period: string, versions?: { from: number; to: number }, head?: PeriodHead | null): Promise<Review[]> {
    return listReviews(this.storage, park, period, versions, head);
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

  readChangeStamps(keys: readonly string[]): Promise<Array<string | null>> {
    return readChangeStamps(this.storage, keys);
  }

  bumpChangeStamps(period: string, baselines: boolean): Promise<void> {
    return bumpChangeStamps(this.storage, this.testHooks, period, baselines);
  }

  readCachedDocument(name: string): Promise<Uint8Array | null> {
    return readCachedDocument(this.storage, name);
  }

  writeCachedDocument(name: string, bytes: Uint8Array, contentType: string): Promise<void> {
    return writeCachedDocument(this.storage, name, bytes, contentType);
  }
}
