import { odata, type TableEntityResult } from '@azure/data-tables';
import { declaredNoneOf, type Actor, type Review, type ReturnVersion } from '@zj/shared';
import { computeAcceptedVersion, indexWith, type AcceptedFigures, type BaselineIndex } from '@zj/shared/returns';
import type { AzureStorage, Row } from './azure-storage.js';
import { draftPointerOf, headEntity, latestOf, listHeads } from './heads.js';
import type { PeriodHead } from './return-store.js';
import { listReviewRows } from './reviews.js';
import { BASELINES_ROW, DRAFT_ROWS, LEGACY_HEAD_ROW, LEGACY_LOCK_ROW, MIGRATION_KEYS, versionRow } from './storage-keys.js';

export interface MigrationReport {
  /** Heads written by this run (the others existed: written by another run, or moved since). */
  headsCreated: number;
  /** Parks of the old data, each with a baselines row. */
  parks: number;
}

/**
 * The migration of data stored before heads moved to a partition of their own per park
 * (issue 16). The old layout kept, in each park-and-period partition of table `returns`, a
 * `head` row with the LATEST version's number and figures (the oldest heads without its content
 * hash and fields declared none) and a `lock` marker; which version was accepted was worked out
 * on every read from all the reviews, reading older versions' documents when the latest was
 * returned. This writes, for every such partition (one with a head, a lock marker or a draft),
 * the head of the new layout (heads.ts), computed from those records exactly as the old readers
 * did (computeAcceptedVersion over every review; a document read where the old head lacks the
 * figures), and for every park its baselines row; then it records that it ran.
 *
 * When: at start, before the first request is served (AzureStorage.ready runs it once per
 * process; every storage call waits for it). A process that finds the record of a finished run
 * (table `migrations`) reads nothing more. It is idempotent and safe to run in several processes
 * at once: the old records are never changed (nothing writes the old layout any more), and every
 * row is written with insert-only semantics (createEntity): a head or baselines row that exists,
 * whether another run wrote it or a commit has moved it since, is left as it is. A run that dies
 * half-way is finished by the next start. The old rows stay where they are, unread.
 *
 * Deploying: the old code must not run beside the new (it would go on writing the old layout,
 * which the new never reads); an Azure Functions deployment restarts every instance.
 */
export async function migrateLayout(storage: AzureStorage): Promise<MigrationReport | null> {
  if (await storage.getRow(storage.migrations, MIGRATION_KEYS.partition, MIGRATION_KEYS.headsRow)) return null;

  const partitions = new Map<string, { head?: Row; lock?: Row; draft?: TableEntityResult<Row> }>();
  // One scan of the old table for the rows that say a partition exists. (On Azure this filter
  // scans the whole table: it runs once.)
  const filter = odata`RowKey eq ${LEGACY_HEAD_ROW} or RowKey eq ${LEGACY_LOCK_ROW} or (RowKey ge ${DRAFT_ROWS.from} and RowKey lt ${DRAFT_ROWS.to})`;
  for (const row of await storage.query(storage.returns, filter)) {
    const p = partitions.get(String(row.partitionKey)) ?? {};
    const rk = String(row.rowKey);
    if (rk === LEGACY_HEAD_ROW) p.head = row;
    else if (rk === LEGACY_LOCK_ROW) p.lock = row;
    // Draft row keys sort newest first.
    else if (!p.draft || rk < String(p.draft.rowKey)) p.draft = row;
    partitions.set(String(row.partitionKey), p);
  }

  let headsCreated = 0;
  const parks = new Set<string>();
  for (const [pk, p] of partitions) {
    const cut = pk.indexOf('|');
    const park = pk.slice(0, cut);
    const period = pk.slice(cut + 1);
    parks.add(park);
    const head = await headFromOldLayout(storage, park, period, p);
    if (await createIfAbsent(storage, headEntity(head))) headsCreated++;
  }
  for (const park of parks) {
    // From the heads as they are now, whoever wrote them.
    let index: BaselineIndex = {};
    for (const head of await listHeads(storage, park)) if (head.accepted) index = indexWith(index, head.period, head.accepted.baselines);
    await createIfAbsent(storage, { partitionKey: park, rowKey: BASELINES_ROW, index: JSON.stringify(index) });
  }
  await createIfAbsent(
    storage,
    { partitionKey: MIGRATION_KEYS.partition, rowKey: MIGRATION_KEYS.headsRow, completedAt: new Date().toISOString(), headsCreated, parks: parks.size },
    storage.migrations,
  );
  return { headsCreated, parks: parks.size };
}

async function headFromOldLayout(
  storage: AzureStorage,
  park: string,
  period: string,
  p: { head?: Row; lock?: Row; draft?: TableEntityResult<Row> },
): Promise<Omit<PeriodHead, 'etag'>> {
  const base = {
    park,
    period,
    latestReview: null,
    accepted: null,
    fallback: null,
    draft: p.draft ? draftPointerOf(p.draft) : null,
    locked: p.lock?.locked === true,
  };
  if (!p.head) return { ...base, latestVersion: 0, latest: null };
  const latestVersion = Number(p.head.latestVersion);
  const latestRow = await storage.getRow(storage.returns, `${park}|${period}`, versionRow(latestVersion));
  // The old commit wrote the head and the version entity in one transaction.
  if (!latestRow) throw new Error(`migration: ${park} ${period}: the head names version ${latestVersion}, which has no entity`);
  const reviews = (await listReviewRows(storage, park, period)).map(reviewOf);
  const documents = new Map<number, Promise<ReturnVersion>>();
  const figures = async (version: number | null): Promise<AcceptedFigures | null> => {
    if (version === null) return null;
    // The old head carries the latest version's figures, complete once it kept the fields declared none.
    if (version === latestVersion && typeof p.head!.latestDeclaredNone === 'string') {
      return {
        version,
        values: JSON.parse(String(p.head!.latestValues)),
        baselines: JSON.parse(String(p.head!.latestBaselines)),
        declaredNone: JSON.parse(p.head!.latestDeclaredNone) as string[],
      };
    }
    if (!documents.has(version)) documents.set(version, readDocument(storage, park, period, version));
    const doc = await documents.get(version)!;
    return { version, values: doc.values, baselines: doc.baselines, declaredNone: declaredNoneOf(doc) };
  };
  const latestReview = reviews.filter((r) => r.version === latestVersion).at(-1) ?? null;
  const accepted = computeAcceptedVersion(latestVersion, reviews).version;
  // What returning the latest would fall back to (equal to the accepted one once it was returned).
  const ifReturned = computeAcceptedVersion(latestVersion, [
    ...reviews,
    { version: latestVersion, decision: 'return', comment: '', by: { id: '', name: '', role: 'reviewer', park }, at: '' },
  ]).version;
  return { ...base, latestVersion, latest: latestOf(latestRow), latestReview, accepted: await figures(accepted), fallback: await figures(ifReturned) };
}

async function readDocument(storage: AzureStorage, park: string, period: string, version: number): Promise<ReturnVersion> {
  const row = await storage.getRow(storage.returns, `${park}|${period}`, versionRow(version));
  if (!row) throw new Error(`migration: ${park} ${period}: version ${version} is below the head but has no entity`);
  const buffer = await storage.call('read version document', (abortSignal) =>
    storage.versions.getBlockBlobClient(String(row.blob)).downloadToBuffer(undefined, undefined, { abortSignal }),
  );
  return JSON.parse(buffer.toString('utf8')) as ReturnVersion;
}

function reviewOf(row: Row): Review {
  return {
    version: Number(row.version),
    decision: row.decision as Review['decision'],
    comment: String(row.comment ?? ''),
    by: JSON.parse(String(row.by)) as Actor,
    at: String(row.at),
  };
}

/** Inserts the row unless one exists: true when this call wrote it. */
async function createIfAbsent(storage: AzureStorage, entity: Row & { partitionKey: string; rowKey: string }, table = storage.heads): Promise<boolean> {
  try {
    await storage.call('migrate', (abortSignal) => table.createEntity(entity, { abortSignal }));
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 409) return false;
    throw error;
  }
}
