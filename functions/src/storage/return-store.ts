import type { LockEvent, Review, ReturnDraft, ReturnVersion, VersionSummary } from '@zj/shared';

/** The head of a park's return for a period: which version is latest, and its figures. */
export interface ReturnHead {
  park: string;
  period: string;
  latestVersion: number;
  latestSubmittedAt: string;
  /** contentHash of the latest version; null in heads written before it was kept. */
  latestContentHash: string | null;
  /** Parsed values of the latest version, read when it is also the accepted one (app/read-accepted-return.ts). */
  latestValues: Record<string, number | null>;
  /** Baselines (基期值) of the latest version, likewise. */
  latestBaselines: Record<string, number | null>;
  /** Fields the latest version declared none (无); null in heads written before it was kept. */
  latestDeclaredNone: string[] | null;
}

export type NewVersion = Omit<ReturnVersion, 'version'>;

/**
 * created: stored as the next version. replayed: the idempotency key was already used for the
 * same content, and this is the version it created. key_reused: used for different content.
 * locked: the period's lock marker in the partition says locked (read with the ETag the commit
 * was guarded by, so a lock that lands between the check and the commit is seen). conflict:
 * other submissions kept winning the race for the next version number.
 */
export type AppendOutcome =
  | { kind: 'created'; version: ReturnVersion }
  | { kind: 'replayed'; version: ReturnVersion }
  | { kind: 'key_reused' }
  | { kind: 'locked' }
  | { kind: 'conflict' };

/** created: a new draft record; locked and conflict as for AppendOutcome. */
export type DraftOutcome = { kind: 'created'; draft: ReturnDraft } | { kind: 'locked' } | { kind: 'conflict' };

/** What the state of a return needs of its newest draft, without reading the draft's document. */
export interface DraftSummary {
  savedAt: string;
  contentHash: string;
}

/**
 * The system of record. Append-only: versions, drafts, reviews and lock events are added, never
 * changed or deleted. Two current-state pointers move, each only under its ETag: the head (the
 * latest version) and the lock marker (the period's lock, copied into each park's partition so
 * that every commit there is guarded by it). Implementations throw StorageUnavailableError when
 * the storage cannot be reached.
 */
export interface ReturnStore {
  readHead(park: string, period: string): Promise<ReturnHead | null>;
  /** Heads of every period of one park. */
  listHeads(park: string): Promise<ReturnHead[]>;
  listVersions(park: string, period: string): Promise<VersionSummary[]>;
  readVersion(park: string, period: string, version: number): Promise<ReturnVersion | null>;
  /** The version an idempotency key created, if any, with its content hash. */
  findIdempotent(park: string, period: string, key: string): Promise<{ version: number; contentHash: string } | null>;
  /** Appends the next version, unless the partition's lock marker says locked. */
  appendVersion(version: NewVersion, idempotencyKey: string | null): Promise<AppendOutcome>;
  /** Appends a draft record (never overwriting one), unless the partition's lock marker says locked. */
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
  /**
   * Appends the review of a version, once: 'exists' when that version already has a review (a
   * version is reviewed once; two reviews sent at the same time cannot both be stored).
   */
  appendReview(park: string, period: string, review: Review): Promise<'created' | 'exists'>;
  /** Reviews in the order they were made. */
  listReviews(park: string, period: string): Promise<Review[]>;
  /** Reviews of every period of one park, by period, each in the order they were made. */
  listReviewsOfPark(park: string): Promise<Record<string, Review[]>>;
  appendLockEvent(event: LockEvent): Promise<void>;
  /**
   * Sets the lock marker of one park's partition to the event's state (nothing to do when it is
   * so already; no marker means unlocked). 'conflict' when commits in the partition kept moving it first.
   */
  writeLockMarker(park: string, event: LockEvent): Promise<'done' | 'conflict'>;
  /** The latest lock event of a period, or null when it was never locked. */
  readLock(period: string): Promise<LockEvent | null>;
}
