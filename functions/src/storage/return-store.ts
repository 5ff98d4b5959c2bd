import type { LockEvent, Review, ReturnVersion, VersionSummary } from '@zj/shared';

/** The head of a park's return for a period: which version is latest, and its figures. */
export interface ReturnHead {
  park: string;
  period: string;
  latestVersion: number;
  latestSubmittedAt: string;
  /** Parsed values of the latest version, read when it is also the accepted one (app/read-accepted-return.ts). */
  latestValues: Record<string, number | null>;
  /** Baselines (基期值) of the latest version, likewise. */
  latestBaselines: Record<string, number | null>;
}

export type NewVersion = Omit<ReturnVersion, 'version'>;

/**
 * created: stored as the next version. replayed: the idempotency key was already used for the
 * same content, and this is the version it created. key_reused: used for different content.
 * conflict: other submissions kept winning the race for the next version number.
 */
export type AppendOutcome =
  | { kind: 'created'; version: ReturnVersion }
  | { kind: 'replayed'; version: ReturnVersion }
  | { kind: 'key_reused' }
  | { kind: 'conflict' };

/**
 * The system of record. Append-only: versions, reviews and lock events are added, never changed
 * or deleted; only the head (a pointer to the latest version) moves, and only under its ETag.
 * Implementations throw StorageUnavailableError when the storage cannot be reached.
 */
export interface ReturnStore {
  readHead(park: string, period: string): Promise<ReturnHead | null>;
  /** Heads of every period of one park. */
  listHeads(park: string): Promise<ReturnHead[]>;
  listVersions(park: string, period: string): Promise<VersionSummary[]>;
  readVersion(park: string, period: string, version: number): Promise<ReturnVersion | null>;
  /** The version an idempotency key created, if any, with its content hash. */
  findIdempotent(park: string, period: string, key: string): Promise<{ version: number; contentHash: string } | null>;
  appendVersion(draft: NewVersion, idempotencyKey: string | null): Promise<AppendOutcome>;
  /**
   * Keeps an uploaded workbook as sent, under a new unique name, and returns the name for
   * ReturnVersion.uploadBlob. Save it before appendVersion: if the version is never stored the
   * upload is an orphan nothing names.
   */
  saveUpload(park: string, period: string, bytes: Uint8Array, contentType: string): Promise<string>;
  readUpload(name: string): Promise<Uint8Array | null>;
  appendReview(park: string, period: string, review: Review): Promise<void>;
  /** Reviews in the order they were made. */
  listReviews(park: string, period: string): Promise<Review[]>;
  /** Reviews of every period of one park, by period, each in the order they were made. */
  listReviewsOfPark(park: string): Promise<Record<string, Review[]>>;
  appendLockEvent(event: LockEvent): Promise<void>;
  /** The latest lock event of a period, or null when it was never locked. */
  readLock(period: string): Promise<LockEvent | null>;
}
