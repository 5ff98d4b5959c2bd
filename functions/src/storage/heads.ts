import { odata, TableTransaction, type TableEntityResult } from '@azure/data-tables';
import type { Actor, Review, VersionSummary } from '@zj/shared';
import type { AcceptedFigures, BaselineIndex } from '@zj/shared/returns';
import { indexWith, sameContribution } from '@zj/shared/returns';
import type { AzureStorage, Row } from './azure-storage.js';
import { bumpChangeStamps } from './change-stamps.js';
import { isLostRace, MAX_COMMIT_ATTEMPTS, waitAfterLostRace } from './lost-race.js';
import type { DraftPointer, HeadsAndBaselines, HeadTags, LatestVersion, PeriodHead } from './return-store.js';
import { BASELINES_ROW, HEAD_LAYOUT, idempotencyRow, partitionOf, reviewRow, versionRow } from './storage-keys.js';
import { StorageUnavailableError } from './storage-unavailable-error.js';
import type { CommitKind, StoreTestHooks } from './store-test-hooks.js';

/**
 * The heads: table `heads`, partition = the park, row key = the period. A head is the one
 * pointer of a park's return for a period, and the commit point of everything done to it: a
 * version added, a review made, a draft saved, the period locked or unlocked each move it, only
 * under its ETag (If-Match), so they are serialized and none is lost. It carries what readers
 * need, so they read nothing else: the latest version's entity, its review, the accepted version
 * with its figures and what returning the latest falls back to (shared/src/returns/
 * accepted-head.ts), the newest draft, whether the period is locked. Beside the heads, row
 * `baselines` holds the park's BaselineIndex, changed in the same entity-group transaction as a
 * head whose accepted baselines change.
 *
 * The records themselves (version, idempotency and draft entities in table `returns`, reviews
 * in `reviews`) are append-only and written AFTER the head names them: the head keeps each one
 * until they exist. Whoever moves a head past a record (a newer version, a newer draft) first
 * makes sure it exists (`settle*`: create it; 409 means it does), so a crash between a head's
 * commit and its records loses nothing: the head still holds them, readers take them from it,
 * and the next commit writes them.
 *
 * After every commit, and after every attempt that finds nothing to write, the period's change
 * stamp is bumped (change-stamps.ts): what a cached zone document is checked against first.
 */

/** A head as stored, and its ETag. */
export interface StoredHead {
  head: PeriodHead;
  etag: string;
}

export async function readPeriodHead(storage: AzureStorage, park: string, period: string): Promise<PeriodHead | null> {
  const row = await storage.getRow(storage.heads, park, period);
  return row ? headOf(row) : null;
}

/** The heads of every period of one park: one query of one partition, which holds nothing else but its baselines row. */
export async function listHeads(storage: AzureStorage, park: string): Promise<PeriodHead[]> {
  // Period codes start with a digit, BASELINES_ROW with a letter.
  const rows = await storage.query(storage.heads, odata`PartitionKey eq ${park} and RowKey lt ${'a'}`);
  return rows.map(headOf);
}

export async function readBaselineIndex(storage: AzureStorage, park: string): Promise<{ index: BaselineIndex; etag: string | null }> {
  const row = await storage.getRow(storage.heads, park, BASELINES_ROW);
  return row ? { index: JSON.parse(String(row.index)) as BaselineIndex, etag: String(row.etag) } : { index: {}, etag: null };
}

/**
 * The heads of some periods of one park and its baselines row, in one query of the park's
 * partition (the evaluation's reads: one round trip a park, not one a row).
 */
export async function readHeadsAndBaselines(storage: AzureStorage, park: string, periods: readonly string[]): Promise<HeadsAndBaselines> {
  const keys = [...new Set(periods), BASELINES_ROW];
  const rows = await storage.query(storage.heads, `${odata`PartitionKey eq ${park}`} and (${keys.map((k) => odata`RowKey eq ${k}`).join(' or ')})`);
  const byKey = new Map(rows.map((r) => [String(r.rowKey), r]));
  const index = byKey.get(BASELINES_ROW);
  return {
    heads: periods.map((p) => {
      const row = byKey.get(p);
      return row ? headOf(row) : null;
    }),
    baselines: index ? { index: JSON.parse(String(index.index)) as BaselineIndex, etag: String(index.etag) } : { index: {}, etag: null },
  };
}

/**
 * The ETags of some heads of one park, and of its baselines row when asked, without their
 * contents: one query of the park's partition selecting the row keys only (the ETag comes with
 * every entity), so what travels is a few dozen bytes a row. What a cached document built from
 * those rows is checked against (app/cached-build.ts) before anything is read in full.
 */
export async function readHeadTags(storage: AzureStorage, park: string, periods: readonly string[], withBaselines: boolean): Promise<HeadTags> {
  const keys = [...new Set(periods), ...(withBaselines ? [BASELINES_ROW] : [])];
  const rows = await storage.query(storage.heads, `${odata`PartitionKey eq ${park}`} and (${keys.map((k) => odata`RowKey eq ${k}`).join(' or ')})`, ['RowKey']);
  const etags = new Map(rows.map((r) => [String(r.rowKey), String(r.etag)]));
  return { heads: periods.map((p) => etags.get(p) ?? null), baselines: withBaselines ? (etags.get(BASELINES_ROW) ?? null) : null };
}

export function headOf(row: Row): PeriodHead {
  const json = <T>(name: string): T | null => (typeof row[name] === 'string' && row[name] !== '' ? (JSON.parse(row[name] as string) as T) : null);
  const latest = json<LatestVersion>('latest');
  return {
    park: String(row.partitionKey),
    period: String(row.rowKey),
    etag: String(row.etag),
    latestVersion: latest?.version ?? 0,
    latest,
    latestReview: json<Review>('latestReview'),
    accepted: json<AcceptedFigures>('accepted'),
    fallback: json<AcceptedFigures>('fallback'),
    draft: json<DraftPointer>('draft'),
    locked: row.locked === true,
  };
}

/** The entity of a head: JSON in string properties (each well under the 64 KiB a property may hold). */
export function headEntity(head: Omit<PeriodHead, 'etag'>): Row & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: head.park,
    rowKey: head.period,
    layout: HEAD_LAYOUT,
    latestVersion: head.latestVersion,
    latest: head.latest ? JSON.stringify(head.latest) : '',
    latestReview: head.latestReview ? JSON.stringify(head.latestReview) : '',
    accepted: head.accepted ? JSON.stringify(head.accepted) : '',
    fallback: head.fallback ? JSON.stringify(head.fallback) : '',
    draft: head.draft ? JSON.stringify(head.draft) : '',
    locked: head.locked,
  };
}

/** A head with nothing yet: what a first commit for a park's period starts from. */
export function emptyHead(park: string, period: string): Omit<PeriodHead, 'etag'> {
  return { park, period, latestVersion: 0, latest: null, latestReview: null, accepted: null, fallback: null, draft: null, locked: false };
}

/** What one attempt at a commit decided, from the head it read. */
export type Step<T> =
  | { kind: 'done'; result: T }
  | {
      kind: 'write';
      next: Omit<PeriodHead, 'etag'>;
      /** Records the head held that `next` no longer does: written (if missing) before the commit. */
      settle: Array<() => Promise<void>>;
      /** This commit's own records: written once the head names them. */
      after: Array<() => Promise<void>>;
      result: T;
    };

/**
 * Moves the head of a park's period: reads it (or takes `first`, the head the caller has just
 * read, for the first attempt), asks `decide` what to do, writes the records the move would drop,
 * and commits the new head under the ETag it read, with the park's baselines row in the same
 * transaction when the accepted baselines change. A lost race (another commit moved the head,
 * or the baselines row, first) reads again and decides again. 'conflict' after
 * MAX_COMMIT_ATTEMPTS lost races.
 */
export async function moveHead<T>(
  storage: AzureStorage,
  hooks: StoreTestHooks,
  kind: CommitKind,
  park: string,
  period: string,
  decide: (head: PeriodHead | null, attempt: number) => Promise<Step<T>>,
  first?: PeriodHead | null,
): Promise<T | 'conflict'> {
  for (let attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
    const head = attempt === 1 && first !== undefined ? first : await readPeriodHead(storage, park, period);
    const step = await decide(head, attempt);
    if (step.kind === 'done') {
      // Nothing to write: possibly the retry of a request whose commit is done but whose bump
      // failed (an idempotent replay, a version already reviewed, a lock already set). Bumped
      // again, with the baselines stamp where such a commit may have moved a baselines row.
      await bumpChangeStamps(storage, hooks, period, mayMoveBaselines(kind));
      return step.result;
    }
    await Promise.all(step.settle.map((f) => f()));
    const index = sameContribution(head?.accepted?.baselines, step.next.accepted?.baselines) ? null : await readBaselineIndex(storage, park);
    await hooks.beforeCommit?.(kind, partitionOf(park, period));
    try {
      await commit(storage, head, step.next, index);
    } catch (error) {
      if (!isLostRace(error)) throw error;
      await waitAfterLostRace(attempt);
      continue;
    }
    // The head first, then its period's change stamp (change-stamps.ts), beside the records: a
    // bump the storage refuses fails the request (503) and the client's retry bumps again.
    const [records, stamp] = await Promise.allSettled([afterCommit(step.after), bumpChangeStamps(storage, hooks, period, index !== null)]);
    if (stamp.status === 'rejected') throw stamp.reason;
    if (records.status === 'rejected') throw records.reason;
    return step.result;
  }
  return 'conflict';
}

/** Whether a commit of this kind may change a park's baselines row (a version or a review may move the accepted version). */
function mayMoveBaselines(kind: CommitKind): boolean {
  return kind === 'version' || kind === 'review';
}

async function commit(
  storage: AzureStorage,
  head: PeriodHead | null,
  next: Omit<PeriodHead, 'etag'>,
  index: { index: BaselineIndex; etag: string | null } | null,
): Promise<void> {
  const entity = headEntity(next);
  if (index === null) {
    await storage.call('commit head', (abortSignal) =>
      head ? storage.heads.updateEntity(entity, 'Replace', { etag: head.etag, abortSignal }) : storage.heads.createEntity(entity, { abortSignal }),
    );
    return;
  }
  const indexEntity = {
    partitionKey: next.park,
    rowKey: BASELINES_ROW,
    index: JSON.stringify(indexWith(index.index, next.period, next.accepted?.baselines ?? null)),
  };
  const tx = new TableTransaction();
  if (head) tx.updateEntity(entity, 'Replace', { etag: head.etag });
  else tx.createEntity(entity);
  if (index.etag) tx.updateEntity(indexEntity, 'Replace', { etag: index.etag });
  else tx.createEntity(indexEntity);
  await storage.call('commit head and baselines', (abortSignal) => storage.heads.submitTransaction(tx.actions, { abortSignal }));
}

/**
 * The commit's own records, once the head names them. A storage fault here does not undo what
 * was committed: the head holds the records until the next commit writes them (settle*), and
 * readers take them from it meanwhile.
 */
async function afterCommit(writes: Array<() => Promise<void>>): Promise<void> {
  try {
    await Promise.all(writes.map((f) => f()));
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
  }
}

/**
 * Creates an append-only record unless it exists (409: written before, by this commit's writer or
 * the next). A record this process has written, or found written, is not written again: records
 * are never changed or deleted, so the settle of a head this process committed costs nothing.
 */
async function createOnce(storage: AzureStorage, what: string, record: string, write: (abortSignal: AbortSignal) => Promise<unknown>): Promise<void> {
  if (storage.recordsWritten.get(record)) return;
  try {
    await storage.call(what, write);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 409) throw error;
  }
  storage.recordsWritten.set(record, true);
}

/** The version entity and its idempotency entity, in one transaction: both exist or neither. */
export function settleVersion(storage: AzureStorage, park: string, period: string, latest: LatestVersion): Promise<void> {
  const pk = partitionOf(park, period);
  const tx = new TableTransaction();
  tx.createEntity(versionEntity(park, period, latest));
  if (latest.idempotencyKey !== null)
    tx.createEntity({ partitionKey: pk, rowKey: idempotencyRow(latest.idempotencyKey), version: latest.version, contentHash: latest.contentHash });
  return createOnce(storage, 'write version record', `version ${pk} ${latest.version}`, (abortSignal) =>
    storage.returns.submitTransaction(tx.actions, { abortSignal }),
  );
}

export function settleReview(storage: AzureStorage, park: string, period: string, review: Review): Promise<void> {
  const entity = {
    partitionKey: partitionOf(park, period),
    rowKey: reviewRow(review.version),
    version: review.version,
    decision: review.decision,
    comment: review.comment,
    by: JSON.stringify(review.by),
    at: review.at,
  };
  return createOnce(storage, 'write review record', `review ${entity.partitionKey} ${entity.rowKey}`, (abortSignal) =>
    storage.reviews.createEntity(entity, { abortSignal }),
  );
}

export function settleDraft(storage: AzureStorage, park: string, period: string, draft: DraftPointer): Promise<void> {
  const entity = {
    partitionKey: partitionOf(park, period),
    rowKey: draft.rowKey,
    blob: draft.blob,
    savedAt: draft.savedAt,
    savedBy: JSON.stringify(draft.savedBy),
    contentHash: draft.contentHash,
    templateVersion: draft.templateVersion,
  };
  return createOnce(storage, 'write draft record', `draft ${entity.partitionKey} ${entity.rowKey}`, (abortSignal) =>
    storage.returns.createEntity(entity, { abortSignal }),
  );
}

export function versionEntity(park: string, period: string, v: LatestVersion): Row & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: partitionOf(park, period),
    rowKey: versionRow(v.version),
    park,
    period,
    version: v.version,
    blob: v.blob,
    submittedAt: v.submittedAt,
    submittedBy: JSON.stringify(v.submittedBy),
    contentHash: v.contentHash,
    templateVersion: v.templateVersion,
    errorCount: v.errorCount,
    warningCount: v.warningCount,
    source: v.source,
    idempotencyKey: v.idempotencyKey ?? '',
  };
}

/** A version entity as the head keeps it. */
export function latestOf(row: Row): LatestVersion {
  return {
    version: Number(row.version),
    blob: String(row.blob),
    submittedAt: String(row.submittedAt),
    submittedBy: JSON.parse(String(row.submittedBy)) as Actor,
    contentHash: String(row.contentHash),
    templateVersion: String(row.templateVersion),
    errorCount: Number(row.errorCount),
    warningCount: Number(row.warningCount),
    source: row.source as VersionSummary['source'],
    idempotencyKey: typeof row.idempotencyKey === 'string' && row.idempotencyKey !== '' ? row.idempotencyKey : null,
  };
}

export function summaryOf(v: LatestVersion): VersionSummary {
  return {
    version: v.version,
    submittedAt: v.submittedAt,
    submittedBy: v.submittedBy,
    contentHash: v.contentHash,
    templateVersion: v.templateVersion,
    errorCount: v.errorCount,
    warningCount: v.warningCount,
    source: v.source,
  };
}

/** A draft entity as the head keeps it. */
export function draftPointerOf(row: TableEntityResult<Row>): DraftPointer {
  return {
    rowKey: String(row.rowKey),
    blob: String(row.blob),
    savedAt: String(row.savedAt),
    savedBy: JSON.parse(String(row.savedBy)) as Actor,
    contentHash: String(row.contentHash),
    templateVersion: String(row.templateVersion),
  };
}
