import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TableClient } from '@azure/data-tables';
import { collectBaselines, computeAcceptedVersion, declaredNoneOf, loadCatalogue, type Actor, type Review, type ReturnVersion } from '@zj/shared';
import type { AcceptedReturn } from '@zj/shared/returns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type AzuriteHandle } from '../src/local/start-azurite.js';
import { AzureReturnStore } from '../src/storage/azure-return-store.js';
import { AzureStorage } from '../src/storage/azure-storage.js';
import { migrateLayout } from '../src/storage/migrate-layout.js';
import { MIGRATION_KEYS } from '../src/storage/storage-keys.js';
import { TABLE_NAMES } from '../src/storage/storage-names.js';
import { call, startHarness, type Harness } from './helpers/harness.js';
import { OldLayoutWriter } from './helpers/old-layout-writer.js';
import { newVersionFor, templateFor } from './helpers/stored-version.js';

/**
 * Data stored by the code before heads had a partition of their own (issue 16), written by that
 * code's own path (OldLayoutWriter), read by today's API once the migration has run: every
 * answer is what the old readers made of the same records.
 */
const catalogue = loadCatalogue();
const viaConnectionString = (connectionString: string) => ({ kind: 'connection-string' as const, connectionString });
const park = (code: string) => catalogue.parks.find((p) => p.code === code)!;
const reviewer = (code: string): Actor => ({ id: `${code}-reviewer`, name: `${code}审核`, role: 'reviewer', park: code });
const statistician = (code: string): Actor => ({ id: `${code}-statistician`, name: `${code}统计员`, role: 'statistician', park: code });
const zoneActor: Actor = { id: 'zone-consolidator', name: '汇总', role: 'consolidator', park: null };
const review = (code: string, version: number, decision: Review['decision'], at: string): Review => ({
  version,
  decision,
  comment: decision === 'return' ? '请核实' : '',
  by: reviewer(code),
  at,
});

/** What the old code stored, and what its readers made of it. */
interface OldData {
  versions: Map<string, ReturnVersion[]>;
  reviews: Map<string, Review[]>;
}

/**
 * 金山园: 2024 (its baseline year) one version, approved, under the oldest kind of head (no
 * content hash, no fields declared none) and a review with a time-ordered key; 2025 v1 with an
 * Idempotency-Key, v2 returned (so the accepted one is v1, read from its document); 2025Q1 v1 and
 * a newer draft. 闵行园 2025 v1 approved. 2025Q2 locked for every park. 青浦园 2025Q3 a draft only.
 */
async function writeOldData(connectionString: string): Promise<OldData> {
  const old = new OldLayoutWriter(connectionString);
  await old.ready();
  const versions = new Map<string, ReturnVersion[]>();
  const reviews = new Map<string, Review[]>();
  const add = async (code: string, period: string, value: number, options: { key?: string; oldestHead?: boolean } = {}) => {
    const v = await old.appendVersion(newVersionFor(catalogue, code, period, { value, note: `${code}${period}第${value}份` }), options.key ?? null, options);
    versions.set(`${code}|${period}`, [...(versions.get(`${code}|${period}`) ?? []), v]);
    return v;
  };
  const reviewed = async (code: string, period: string, r: Review, timeOrdered = false) => {
    await old.appendReview(code, period, r, { timeOrdered });
    reviews.set(`${code}|${period}`, [...(reviews.get(`${code}|${period}`) ?? []), r]);
  };
  await add('jinshan', '2024', 8, { oldestHead: true });
  await reviewed('jinshan', '2024', review('jinshan', 1, 'approve', '2025-01-20T00:00:00.000Z'), true);
  await add('jinshan', '2025', 10, { key: 'old-key-1' });
  await add('jinshan', '2025', 20);
  await reviewed('jinshan', '2025', review('jinshan', 2, 'return', '2026-01-20T00:00:00.000Z'));
  await add('jinshan', '2025Q1', 9);
  const draftInput = newVersionFor(catalogue, 'jinshan', '2025Q1', { value: 11 }).input;
  await old.appendDraft({
    park: 'jinshan',
    period: '2025Q1',
    savedAt: new Date(Date.now() + 1000).toISOString(),
    savedBy: statistician('jinshan'),
    contentHash: 'draft-hash',
    input: draftInput,
  });
  await add('minhang', '2025', 12);
  await reviewed('minhang', '2025', review('minhang', 1, 'approve', '2026-01-21T00:00:00.000Z'));
  await old.setLock(
    catalogue.parks.map((p) => p.code),
    { period: '2025Q2', locked: true, by: zoneActor, at: '2025-08-01T00:00:00.000Z' },
  );
  await old.appendDraft({
    park: 'qingpu',
    period: '2025Q3',
    savedAt: new Date().toISOString(),
    savedBy: statistician('qingpu'),
    contentHash: 'qingpu-draft',
    input: draftInput,
  });
  return { versions, reviews };
}

/** The old readers' accepted return of a park's period (computeAcceptedVersion over every review, figures from the version). */
function acceptedOf(data: OldData, code: string, period: string): AcceptedReturn {
  const list = data.versions.get(`${code}|${period}`) ?? [];
  const { version, returned } = computeAcceptedVersion(list.length, data.reviews.get(`${code}|${period}`) ?? []);
  const v = version === null ? null : list[version - 1]!;
  return {
    park: code,
    period,
    returned,
    accepted: v ? { version: v.version, values: v.values, baselines: v.baselines, declaredNone: declaredNoneOf(v) } : null,
  };
}

describe('the migration of the old layout, read over HTTP', () => {
  let h: Harness;
  let base: string;
  let data: OldData;
  const zone = () => h.tokens['zone-consolidator']!;
  const stat = (code: string) => h.tokens[`${code}-statistician`]!;

  beforeAll(async () => {
    h = await startHarness();
    base = h.api.url;
    // Written before the API's first call: that call runs the migration.
    data = await writeOldData(h.azurite.connectionString);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('states, the return, consolidation and evaluation read the accepted versions the old readers read', async () => {
    const status = await call(base, 'getStatus', { params: { period: '2025' }, token: zone() });
    const states = Object.fromEntries(status.body.parks.map((p) => [p.park, p.state]));
    expect(states).toMatchObject({ jinshan: 'returned', minhang: 'approved' });

    const ret = await call(base, 'getReturn', { params: { park: 'jinshan', period: '2025' }, token: zone() });
    expect(ret.body.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(ret.body.reviews).toEqual(data.reviews.get('jinshan|2025'));
    expect(ret.body.latest).toEqual(data.versions.get('jinshan|2025')![1]);

    const c = (await call(base, 'getConsolidation', { params: { period: '2025' }, token: zone() })).body;
    expect(c.sources).toEqual(
      expect.arrayContaining([
        { park: 'jinshan', version: 1 },
        { park: 'minhang', version: 1 },
      ]),
    );
    expect(c.ignored).toContainEqual({ park: 'jinshan', version: 2, reason: 'returned' });
    const e = (await call(base, 'getEvaluation', { params: { year: '2025' }, token: zone() })).body;
    expect(e.sources).toEqual(
      expect.arrayContaining([
        { park: 'jinshan', version: 1 },
        { park: 'minhang', version: 1 },
      ]),
    );
    expect(e.ignored).toContainEqual({ park: 'jinshan', version: 2, reason: 'returned' });
  });

  it('a template is the one the old readers built: the previous accepted values and every baseline', async () => {
    const earlier = ['2024', '2025Q1', '2025'].map((p) => acceptedOf(data, 'jinshan', p));
    const expected = templateFor(catalogue, 'jinshan', '2026', {
      previous: { period: '2025', values: acceptedOf(data, 'jinshan', '2025').accepted!.values },
      baselines: collectBaselines(park('jinshan'), earlier),
    });
    const t = await call(base, 'getTemplate', { params: { park: 'jinshan', period: '2026' }, token: stat('jinshan') });
    expect(t.body.version).toBe(expected.version);
    // Built from the seeds as stored: catalogue version 1 (docs/catalogue.md).
    expect(t.body).toEqual({ ...expected, catalogueVersion: 1 });
  });

  it('drafts and locks carry over: the newest draft, draft-only returns, a locked period', async () => {
    expect((await call(base, 'getDraft', { params: { park: 'jinshan', period: '2025Q1' }, token: stat('jinshan') })).body.contentHash).toBe('draft-hash');
    expect((await call(base, 'getReturn', { params: { park: 'qingpu', period: '2025Q3' }, token: zone() })).body.state).toBe('draft');
    const input = (await call(base, 'getTemplate', { params: { park: 'minhang', period: '2025Q2' }, token: stat('minhang') })).body;
    const locked = await call(base, 'submitReturn', {
      params: { park: 'minhang', period: '2025Q2' },
      token: stat('minhang'),
      json: { templateVersion: input.version, figures: {} },
    });
    expect(locked.error?.code).toBe('period_locked');
    expect((await call(base, 'getReturn', { params: { park: 'minhang', period: '2025Q2' }, token: zone() })).body.locked).toBe(true);
  });

  it('an Idempotency-Key the old code stored still replays; new versions go on from the old numbers and are reviewed', async () => {
    const v1 = data.versions.get('jinshan|2025')![0]!;
    const t = (await call(base, 'getTemplate', { params: { park: 'jinshan', period: '2025' }, token: stat('jinshan') })).body;
    const replay = await call(base, 'submitReturn', {
      params: { park: 'jinshan', period: '2025' },
      token: stat('jinshan'),
      json: { ...v1.input, templateVersion: t.version },
      headers: { 'idempotency-key': 'old-key-1' },
    });
    // Same key, different content (the template moved on): refused, not stored again.
    expect(replay.error?.code ?? replay.status).toBe('idempotency_key_reused');
    const same = await call(base, 'submitReturn', {
      params: { park: 'jinshan', period: '2025' },
      token: stat('jinshan'),
      json: v1.input,
      headers: { 'idempotency-key': 'old-key-1' },
    });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(1);

    const input = newVersionFor(catalogue, 'jinshan', '2025', { value: 30, context: { previous: null } }).input;
    const fresh = await call(base, 'submitReturn', {
      params: { park: 'jinshan', period: '2025' },
      token: stat('jinshan'),
      json: { ...input, templateVersion: t.version, explanations: {} },
    });
    if (fresh.status !== 201) {
      // The template of 2025 knows 2024's figures: explain what it warns about.
      const checked = await call(base, 'validateReturn', {
        params: { park: 'jinshan', period: '2025' },
        token: stat('jinshan'),
        json: { ...input, templateVersion: t.version },
      });
      const explained = { ...input, templateVersion: t.version, explanations: Object.fromEntries(checked.body.unexplained.map((k) => [k, '说明'])) };
      const again = await call(base, 'submitReturn', { params: { park: 'jinshan', period: '2025' }, token: stat('jinshan'), json: explained });
      expect(again.status, JSON.stringify(again.body)).toBe(201);
      expect(again.body.version).toBe(3);
    } else expect(fresh.body.version).toBe(3);
    const approved = await call(base, 'reviewReturn', {
      params: { park: 'jinshan', period: '2025' },
      token: h.tokens['jinshan-reviewer']!,
      json: { version: 3, decision: 'approve' },
    });
    expect(approved.status).toBe(201);
    const c = (await call(base, 'getConsolidation', { params: { period: '2025' }, token: zone() })).body;
    expect(c.sources).toContainEqual({ park: 'jinshan', version: 3 });
    expect(c.ignored.filter((x) => x.park === 'jinshan')).toEqual([]);
  });
});

describe('the migration itself', () => {
  let azurite: AzuriteHandle;
  let location: string;
  beforeAll(async () => {
    location = mkdtempSync(join(tmpdir(), 'zj-migrate-'));
    azurite = await startAzurite({ location });
  });
  afterAll(async () => {
    await azurite?.stop();
    rmSync(location, { recursive: true, force: true });
  });

  const heads = async () => {
    const table = TableClient.fromConnectionString(azurite.connectionString, TABLE_NAMES.heads, { allowInsecureConnection: true });
    const rows: Record<string, unknown>[] = [];
    for await (const row of table.listEntities<Record<string, unknown>>()) rows.push(row);
    return rows.map(({ etag, timestamp, ...rest }) => rest).sort((a, b) => `${a.partitionKey}/${a.rowKey}`.localeCompare(`${b.partitionKey}/${b.rowKey}`));
  };

  it('runs in several processes at once, each to its end, writing each row once; a later start reads one row and stops', async () => {
    await writeOldData(azurite.connectionString);
    // A run that dies half-way (the storage fails after a few heads) is finished by the next start.
    const dying = new AzureStorage(viaConnectionString(azurite.connectionString), 5000);
    let created = 0;
    const createEntity = dying.heads.createEntity.bind(dying.heads);
    dying.heads.createEntity = ((entity: never, options: never) =>
      ++created > 3 ? Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) : createEntity(entity, options)) as never;
    await expect(migrateLayout(dying)).rejects.toThrow();
    expect(await heads()).toHaveLength(3);

    const stores = [1, 2, 3].map(() => new AzureReturnStore(viaConnectionString(azurite.connectionString), 5000));
    // Any call waits for the migration; three processes start together.
    await Promise.all(stores.map((s) => s.readPeriodHead('jinshan', '2025')));
    const after = await heads();
    // One head per old partition (5 parks' lock markers of 2025Q2 included) and one baselines row per park.
    const periods = after.filter((r) => r.rowKey !== 'baselines');
    expect(periods.map((r) => `${r.partitionKey}/${r.rowKey}`)).toEqual(
      [...catalogue.parks.map((p) => `${p.code}/2025Q2`), 'jinshan/2024', 'jinshan/2025', 'jinshan/2025Q1', 'minhang/2025', 'qingpu/2025Q3'].sort(),
    );
    expect(after.filter((r) => r.rowKey === 'baselines').map((r) => r.partitionKey)).toEqual([...catalogue.parks.map((p) => p.code)].sort());
    const record = await new AzureStorage(viaConnectionString(azurite.connectionString), 5000).getRow(
      new AzureStorage(viaConnectionString(azurite.connectionString), 5000).migrations,
      MIGRATION_KEYS.partition,
      MIGRATION_KEYS.headsRow,
    );
    expect(record).toMatchObject({ parks: catalogue.parks.length });

    // Done: a new process reads the record and nothing else.
    expect(await migrateLayout(new AzureStorage(viaConnectionString(azurite.connectionString), 5000))).toBeNull();
    expect(await heads()).toEqual(after);
  });

  it('never overwrites a head a commit has moved since, even when run again from the start', async () => {
    const store = new AzureReturnStore(viaConnectionString(azurite.connectionString), 5000);
    const before = await store.readHead('minhang', '2025');
    const next = await store.appendVersion(newVersionFor(catalogue, 'minhang', '2025', { value: 13, note: '迁移后' }), null);
    expect(next.kind).toBe('created');
    const moved = await store.readHead('minhang', '2025');
    expect(moved!.latestVersion).toBe(before!.latestVersion + 1);
    // A process that began before the record of the finished run was written.
    const table = TableClient.fromConnectionString(azurite.connectionString, TABLE_NAMES.migrations, { allowInsecureConnection: true });
    await table.deleteEntity(MIGRATION_KEYS.partition, MIGRATION_KEYS.headsRow);
    expect(await migrateLayout(new AzureStorage(viaConnectionString(azurite.connectionString), 5000))).toMatchObject({ headsCreated: 0 });
    expect(await store.readHead('minhang', '2025')).toEqual(moved);
  });
});
