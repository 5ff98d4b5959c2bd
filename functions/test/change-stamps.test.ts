import { randomUUID } from 'node:crypto';
import { BlobServiceClient } from '@azure/storage-blob';
import { loadCatalogue, type YearEvaluation } from '@zj/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setStampTrustMs } from '../src/app/cached-build.js';
import { services } from '../src/app/services.js';
import type { AzureReturnStore } from '../src/storage/azure-return-store.js';
import { WORKBOOK_CACHE_CONTAINER_NAME } from '../src/storage/storage-names.js';
import { StorageUnavailableError } from '../src/storage/storage-unavailable-error.js';
import { call, startHarness, type Harness } from './helpers/harness.js';
import { makeValidReturn } from './helpers/valid-return.js';

/**
 * The zone's change stamps (storage/change-stamps.ts) over real HTTP against a real Azurite: a
 * zone document is served by its stamps while they have not moved, so every change must move
 * them; a bump the storage refuses answers 503 and the client's retry bumps again; and a commit
 * whose bump never lands (its writer died) is seen within the trust window.
 */
const catalogue = loadCatalogue();
const PARK = catalogue.parks[0]!.code;
const OTHER = catalogue.parks[1]!.code;
let h: Harness;
let base: string;
let store: AzureReturnStore;
const stat = (park: string) => h.tokens[`${park}-statistician`]!;
const reviewer = (park: string) => h.tokens[`${park}-reviewer`]!;
const zone = () => h.tokens['zone-consolidator']!;

beforeAll(async () => {
  h = await startHarness();
  base = h.api.url;
  // The adapter runs in this process: the store it serves with is the one the seam is on.
  store = services().store as AzureReturnStore;
});
afterEach(() => {
  delete store.testHooks.beforeStampBump;
  setStampTrustMs(null);
});
afterAll(async () => {
  await h?.stop();
});

async function submit(park: string, period: string, value: number, key?: string) {
  const input = await makeValidReturn(base, stat(park), park, period, value);
  return call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input, ...(key ? { headers: { 'idempotency-key': key } } : {}) });
}
async function review(park: string, period: string, version: number, decision: 'approve' | 'return') {
  return call(base, 'reviewReturn', {
    params: { park, period },
    token: reviewer(park),
    json: { version, decision, comment: decision === 'return' ? '请核实' : '' },
  });
}
const download = async (path: string) => {
  const r = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${zone()}` } });
  expect(r.status).toBe(200);
  return Buffer.from(await r.arrayBuffer());
};
const evaluation = async (year: string): Promise<YearEvaluation> => {
  const r = await call(base, 'getEvaluation', { params: { year }, token: zone() });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as YearEvaluation;
};
/** The version of PARK's annual return the evaluation reads, or null. */
const versionRead = async (year: string) => (await evaluation(year)).sources.find((s) => s.park === PARK)?.version ?? null;
const cachedEntries = async (prefix: string) => {
  let n = 0;
  for await (const b of BlobServiceClient.fromConnectionString(h.azurite.connectionString)
    .getContainerClient(WORKBOOK_CACHE_CONTAINER_NAME)
    .listBlobsFlat({ prefix }))
    if (b.name) n++;
  return n;
};
/** Every bump of a change stamp fails as unreachable storage does, until the test ends. */
const refuseBumps = () => {
  store.testHooks.beforeStampBump = async () => {
    throw new StorageUnavailableError('change stamp: storage unreachable (test)');
  };
};

describe('every change moves the stamps: downloads before and after differ', () => {
  const PERIOD = '2025Q3';
  it('consolidation.xlsx: a version, an approval, another version, a return; a lock and an unlock build anew', async () => {
    expect((await submit(PARK, PERIOD, 10)).status).toBe(201);
    const first = await download(`/consolidation/${PERIOD}.xlsx`);
    expect((await download(`/consolidation/${PERIOD}.xlsx`)).equals(first)).toBe(true);
    expect((await review(PARK, PERIOD, 1, 'approve')).status).toBe(201);
    const approved = await download(`/consolidation/${PERIOD}.xlsx`);
    expect(approved.equals(first)).toBe(false);
    expect((await submit(PARK, PERIOD, 12)).status).toBe(201);
    const second = await download(`/consolidation/${PERIOD}.xlsx`);
    expect(second.equals(approved)).toBe(false);
    expect((await review(PARK, PERIOD, 2, 'return')).status).toBe(201);
    const returned = await download(`/consolidation/${PERIOD}.xlsx`);
    expect(returned.equals(second)).toBe(false);
    // A lock or an unlock is not shown in the workbook, but moves every head: built anew.
    const kept = await cachedEntries(`consolidation-${PERIOD}/`);
    expect((await call(base, 'lockPeriod', { params: { period: PERIOD }, token: zone() })).status).toBe(200);
    await download(`/consolidation/${PERIOD}.xlsx`);
    expect((await call(base, 'unlockPeriod', { params: { period: PERIOD }, token: zone() })).status).toBe(200);
    await download(`/consolidation/${PERIOD}.xlsx`);
    expect(await cachedEntries(`consolidation-${PERIOD}/`)).toBe(kept + 2);
  }, 120_000);

  it('consolidation.xlsx compares the same period last year (上年同期): a version there changes it too', async () => {
    const first = await download(`/consolidation/${PERIOD}.xlsx`);
    expect((await submit(OTHER, '2024Q3', 9)).status).toBe(201);
    expect((await download(`/consolidation/${PERIOD}.xlsx`)).equals(first)).toBe(false);
  }, 60_000);
});

describe('a change stamp the storage refuses to bump: 503, and the retry repairs it', () => {
  it('a submission with an Idempotency-Key: 503, the evaluation not yet moved; the retry replays it and the evaluation reads it', async () => {
    const YEAR = '2026';
    expect((await submit(PARK, YEAR, 10)).status).toBe(201);
    expect(await versionRead(YEAR)).toBe(1);

    refuseBumps();
    const key = `stamps-${randomUUID()}`;
    const failed = await submit(PARK, YEAR, 20, key);
    expect(failed.status).toBe(503);
    expect(failed.error?.code).toBe('storage_unavailable');
    delete store.testHooks.beforeStampBump;
    // Committed, but the stamps did not move: within the trust window the evaluation is the one before.
    expect(await versionRead(YEAR)).toBe(1);

    const retried = await submit(PARK, YEAR, 20, key);
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await versionRead(YEAR)).toBe(2);
  }, 60_000);

  it('a review: 503; its retry is refused as already reviewed (409) but moves the stamps, and the evaluation reads the return', async () => {
    const YEAR = '2026';
    const before = await evaluation(YEAR);
    expect(before.sources.find((s) => s.park === PARK)?.version).toBe(2);

    refuseBumps();
    expect((await review(PARK, YEAR, 2, 'return')).status).toBe(503);
    delete store.testHooks.beforeStampBump;
    expect(await versionRead(YEAR)).toBe(2);

    const retried = await review(PARK, YEAR, 2, 'return');
    expect(retried.status).toBe(409);
    expect(retried.error?.code).toBe('review_not_pending');
    const after = await evaluation(YEAR);
    expect(after.sources.find((s) => s.park === PARK)?.version).toBe(1);
    expect(after.ignored).toContainEqual({ park: PARK, version: 2, reason: 'returned' });
  }, 60_000);

  it('a lock: 503; its retry finds the heads locked already, moves the stamps, and the workbook is built anew', async () => {
    const PERIOD = '2025Q4';
    expect((await submit(PARK, PERIOD, 10)).status).toBe(201);
    await download(`/consolidation/${PERIOD}.xlsx`);
    const kept = await cachedEntries(`consolidation-${PERIOD}/`);

    refuseBumps();
    expect((await call(base, 'lockPeriod', { params: { period: PERIOD }, token: zone() })).status).toBe(503);
    delete store.testHooks.beforeStampBump;
    await download(`/consolidation/${PERIOD}.xlsx`);
    expect(await cachedEntries(`consolidation-${PERIOD}/`)).toBe(kept);

    const retried = await call(base, 'lockPeriod', { params: { period: PERIOD }, token: zone() });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ locked: true });
    await download(`/consolidation/${PERIOD}.xlsx`);
    expect(await cachedEntries(`consolidation-${PERIOD}/`)).toBe(kept + 1);
  }, 60_000);
});

describe('a commit whose stamp is never bumped (its writer died): seen within the trust window', () => {
  it('the evaluation is stale at most the trust window, then reads the version', async () => {
    const YEAR = '2025';
    const WINDOW = 4000;
    setStampTrustMs(WINDOW);
    expect((await submit(PARK, YEAR, 10)).status).toBe(201);
    // The stamps are read (and the document verified) between these two instants.
    const asked = Date.now();
    expect(await versionRead(YEAR)).toBe(1);
    const answered = Date.now();

    // The head moves; the bump never happens and nobody retries.
    refuseBumps();
    expect((await submit(PARK, YEAR, 30)).status).toBe(503);
    delete store.testHooks.beforeStampBump;
    const stale = await versionRead(YEAR);
    // Served by the stamps while the window lasts (unless this machine took longer than the window).
    if (Date.now() - asked < WINDOW) expect(stale).toBe(1);

    await new Promise((r) => setTimeout(r, Math.max(0, answered + WINDOW + 100 - Date.now())));
    expect(await versionRead(YEAR)).toBe(2);
  }, 60_000);
});
