import type { Actor, LockEvent, Review, ReturnDraft, ReturnVersion, VersionSummary } from '@zj/shared';
import type { AcceptedHead, BaselineIndex } from '@zj/shared/returns';

/** The latest version of a return as its head keeps it: its version entity, whole. */
export interface LatestVersion extends VersionSummary {
  /** Blob of the full document. */
  blob: string;
  idempotencyKey: string | null;
}

/** The newest draft as its head keeps it: its draft entity, whole. */
export interface DraftPointer {
  rowKey: string;
  blob: string;
  savedAt: string;
  savedBy: Actor;
  contentHash: string;
  templateVersion: string;
}

/**
 * The head of a park's return for a period (storage/heads.ts): the one pointer everything done
 * to the return moves, under its ETag, and everything readers need of it. AcceptedHead holds the
 * latest version's number and review and the accepted version with its figures.
 */
export interface PeriodHead extends AcceptedHead {
  park: string;
  period: string;
  /** Changes with every commit to the head: what documents built from it are keyed by. */
  etag: string;
  /** null while no version was submitted (a draft saved, or the period locked, only). */
  latest: LatestVersion | null;
  draft: DraftPointer | null;
  locked: boolean;
}

/** A head with a version. */
export type ReturnHead = PeriodHead & { latest: LatestVersion };

export type NewVersion = Omit<ReturnVersion, 'version'>;

/**
 * created: stored as the next version. replayed: the idempotency key was already used for the
 * same content, and this is the version it created. key_reused: used for different content.
 * locked: the head says the period is locked (read under the ETag the commit was guarded by, so
 * a lock that lands between the check and the commit is seen). conflict: other commits kept
 * moving the head first.
 */
export type AppendOutcome =
  | { kind: 'created'; version: ReturnVersion }
  | { kind: 'replayed'; version: ReturnVersion }
  | { kind: 'key_reused' }
  | { kind: 'locked' }
  | { kind: 'conflict' };

/** created: a new draft record; locked and conflict as for AppendOutcome. */
export type DraftOutcome = { kind: 'created'; draft: ReturnDraft } | { kind: 'locked' } | { kind: 'conflict' };

/**
 * created: stored. reviewed: the version already has a review (a version is reviewed once).
 * not_latest: a newer version came first (`latest`, the version now latest; 0 when none).
 */
export type ReviewOutcome = { kind: 'created' } | { kind: 'reviewed'; review: Review } | { kind: 'not_latest'; latest: number } | { kind: 'conflict' };

/** What the state of a return needs of its newest draft, without reading the draft's document. */
export interface DraftSummary {
  savedAt: string;
  contentHash: string;
}

/** A page of a return's versions, by number: the `limit` newest below `below` (all when absent). */
export interface VersionPage {
  limit: number;
  /** Only versions numbered below this one; the newest when absent. */
  below?: number;
}

/**
 * The system of record. Append-only: versions, drafts, reviews and lock events are added, never
 * changed or deleted. One pointer per park and period moves, only under its ETag: the head, which
 * names the latest version, its review, the accepted version, the newest draft and the period's
 * lock (storage/heads.ts). Implementations throw StorageUnavailableError when the storage cannot
 * be reached.
 */
/** readHeadsAndBaselines: heads in the order of the periods asked for, and the park's baseline index with its ETag. */
export interface HeadsAndBaselines {
  heads: Array<PeriodHead | null>;
  baselines: { index: BaselineIndex; etag: string | null };
}

/** readHeadTags: the ETags of heads in the order of the periods asked for (null where none), and of the baselines row when asked for. */
export interface HeadTags {
  heads: Array<string | null>;
  baselines: string | null;
}

/** The change stamp bumped when any park's baselines row may have changed (storage/change-stamps.ts); the others are named by their period. */
export const BASELINES_STAMP = 'baselines';

export interface ReturnStore {
  /** The head, or null when nothing was ever done to the return (no version, draft or lock). */
  readPeriodHead(park: string, period: string): Promise<PeriodHead | null>;
  /** The head, or null while no version was submitted. */
  readHead(park: string, period: string): Promise<ReturnHead | null>;
  /** The heads of every period of one park (one single-partition query). */
  listHeads(park: string): Promise<PeriodHead[]>;
  /** The baselines every accepted return of the park reports, as one index (BaselineIndex), and its ETag (null: none yet). */
  readBaselineIndex(park: string): Promise<{ index: BaselineIndex; etag: string | null }>;
  /** The heads of these periods of one park (null where none) and its baseline index: one single-partition query. */
  readHeadsAndBaselines(park: string, periods: readonly string[]): Promise<HeadsAndBaselines>;
  /**
   * The ETags of these periods' heads of one park (null where none) and of its baselines row
   * when `withBaselines` (else null), without their contents: one single-partition query.
   */
  readHeadTags(park: string, periods: readonly string[], withBaselines: boolean): Promise<HeadTags>;
  /** Versions in order; a page of them when `page` is given. `head`: the head just read, so it is not read again. */
  listVersions(park: string, period: string, page?: VersionPage, head?: PeriodHead | null): Promise<VersionSummary[]>;
  readVersion(park: string, period: string, version: number): Promise<ReturnVersion | null>;
  /** The version an idempotency key created, if any, with its content hash. `head`: the head just read, so it is not read again. */
  findIdempotent(park: string, period: string, key: string, head?: PeriodHead | null): Promise<{ version: number; contentHash: string } | null>;
  /**
   * Appends the next version, unless the head says the period is locked. `seen`: the head the
   * caller read and checked the idempotency key against (findIdempotent), so the first attempt
   * need not read either again.
   */
  appendVersion(version: NewVersion, idempotencyKey: string | null, seen?: PeriodHead | null): Promise<AppendOutcome>;
  /** Appends a draft record (never overwriting one), unless the head says the period is locked. */
  appendDraft(draft: ReturnDraft): Promise<DraftOutcome>;
  /** The newest draft, or null when none was saved. */
  readLatestDraft(park: string, period: string): Promise<ReturnDraft | null>;
  readLatestDraftSummary(park: string, period: string): Promise<DraftSummary | null>;
  /**
   * Keeps an uploaded workbook as sent, under a new unique name, and returns the name for
   * ReturnVersion.uploadBlob. Save it before appendVersion: if the version is never stored the
   * upload is an orphan nothing names.
   */
  saveUpload(park: string, period: string, bytes: Uint8Array, contentType: string): Promise<string>;
  readUpload(name: string): Promise<Uint8Array | null>;
  /** Appends the review of the latest version, once (two reviews sent at the same time cannot both be stored). */
  appendReview(park: string, period: string, review: Review): Promise<ReviewOutcome>;
  /** Reviews in the order they were made; of the versions `from`..`to` when given. `head` as for listVersions. */
  listReviews(park: string, period: string, versions?: { from: number; to: number }, head?: PeriodHead | null): Promise<Review[]>;
  appendLockEvent(event: LockEvent): Promise<void>;
  /**
   * Sets the lock of one park's head for the event's period to the event's state (nothing to do
   * when it is so already). 'conflict' when commits to the head kept moving it first.
   */
  writeLockMarker(park: string, event: LockEvent): Promise<'done' | 'conflict'>;
  /** The latest lock event of a period, or null when it was never locked. */
  readLock(period: string): Promise<LockEvent | null>;
  /**
   * The zone's change stamps (storage/change-stamps.ts): their ETags, in the order asked for
   * (null for one never bumped), in one storage call. A stamp is a period's code or
   * BASELINES_STAMP; every commit to a head of the period moves it.
   */
  readChangeStamps(keys: readonly string[]): Promise<Array<string | null>>;
  /**
   * Moves the stamp of a period, and BASELINES_STAMP when `baselines`. Every commit does it
   * itself; a caller answering a retry of a request whose commit is already done (an
   * idempotent replay, a review already stored) calls it, as the first attempt may have failed
   * between its commit and its bump.
   */
  bumpChangeStamps(period: string, baselines: boolean): Promise<void>;
  /** Not a record: a document (workbook or JSON) built from the records, kept under a name made of what it was built from (app/cached-build.ts). */
  readCachedDocument(name: string): Promise<Uint8Array | null>;
  writeCachedDocument(name: string, bytes: Uint8Array, contentType: string): Promise<void>;
}
