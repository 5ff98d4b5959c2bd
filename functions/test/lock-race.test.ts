import { TableClient } from '@azure/data-tables';
import { loadCatalogue, type ReturnInput } from '@zj/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { services } from '../src/app/services.js';
import { fillTemplateWorkbook } from '../src/demo/fill-template-workbook.js';
import { makeSampleData } from '../src/demo/make-sample-data.js';
import type { AzureReturnStore } from '../src/storage/azure-return-store.js';
import { TABLE_NAMES } from '../src/storage/storage-names.js';
import { partitionOf } from '../src/storage/storage-keys.js';
import type { CommitKind } from '../src/storage/store-test-hooks.js';
import { call, startHarness, type CallOptions, type CallResult, type Harness } from './helpers/harness.js';
import { makeValidReturn } from './helpers/valid-return.js';

/**
 * The lock race, made deterministic: the store's test seam runs between the lock check (reading
 * the head of the park's period, which holds the lock, and its ETag) and the commit, and the period is locked right
 * there, over HTTP. The commit, under the head's ETag, must fail: 423, nothing stored.
 */
const catalogue = loadCatalogue();
const PARKS = catalogue.parks.map((p) => p.code);
const sample = makeSampleData(catalogue, { years: [2025] });
let h: Harness;
let base: string;
let store: AzureReturnStore;
const stat = (park: string) => h.tokens[`${park}-statistician`]!;
const zone = () => h.tokens['zone-consolidator']!;

beforeAll(async () => {
  h = await startHarness();
  base = h.api.url;
  // The adapter runs in this process: the store it serves with is the one the seam is on.
  store = services().store as AzureReturnStore;
});
afterEach(() => {
  delete store.testHooks.beforeCommit;
});
afterAll(async () => {
  await h?.stop();
});

interface Seam {
  /** How many commits of the kind reached the seam. */
  reached: number;
  /** What the request sent from the seam answered. */
  answer: CallResult | null;
}

/** At the first commit of `kind`, sends `request` and waits for its answer before the commit goes on. */
function atSeam(kind: CommitKind, request: (() => Promise<CallResult>) | null): Seam {
  const seam: Seam = { reached: 0, answer: null };
  store.testHooks.beforeCommit = async (k) => {
    if (k !== kind) return;
    seam.reached += 1;
    if (seam.reached === 1 && request) seam.answer = await request();
  };
  return seam;
}

const lock = (period: string) => () => call(base, 'lockPeriod', { params: { period }, token: zone() });

async function filledWorkbook(park: string, period: string): Promise<Uint8Array> {
  const template = (await call(base, 'getTemplate', { params: { park, period }, token: stat(park) })).body;
  const file = await fetch(`${base}/templates/${park}/${period}.xlsx`, { headers: { authorization: `Bearer ${stat(park)}` } });
  const values = sample.years.find((y) => y.park === park)!.values;
  const explanations = Object.fromEntries(template.fields.map((f) => [f.key, '示例数据']));
  return fillTemplateWorkbook(Buffer.from(await file.arrayBuffer()), template, values, sample.baselines[park], explanations);
}

/** What a park's return for a period holds: its versions and its newest draft. */
async function stored(park: string, period: string): Promise<{ versions: unknown[]; draft: unknown }> {
  const r = await call(base, 'getReturn', { params: { park, period }, token: zone() });
  const d = await call(base, 'getDraft', { params: { park, period }, token: zone() });
  return { versions: r.body.versions, draft: d.status === 200 ? d.body : null };
}

interface RaceCase {
  label: string;
  kind: CommitKind;
  park: string;
  period: string;
  /** Lock and unlock the period first, so the head exists and the commit is an If-Match on it. */
  unlockedBefore: boolean;
  request: (park: string, period: string) => Promise<{ method: string; path: string; options: CallOptions }>;
}

const submit = async (park: string, period: string) => ({
  method: 'POST',
  path: `/returns/${park}/${period}`,
  options: { token: stat(park), json: await makeValidReturn(base, stat(park), park, period) },
});
const draft = async (park: string, period: string) => {
  const input: ReturnInput = await makeValidReturn(base, stat(park), park, period);
  return { method: 'PUT', path: `/returns/${park}/${period}/draft`, options: { token: stat(park), json: input } };
};
const upload = async (park: string, period: string) => ({
  method: 'POST',
  path: `/returns/${park}/${period}/upload`,
  options: { token: stat(park), raw: { body: await filledWorkbook(park, period) } },
});

// Each case its own period: the lock it makes stays.
const RACES: RaceCase[] = [
  {
    label: 'a submission, period never locked (the commit inserts the head)',
    kind: 'version',
    park: PARKS[0]!,
    period: '2024Q1',
    unlockedBefore: false,
    request: submit,
  },
  {
    label: 'a submission, period locked and unlocked before (the commit: If-Match on the head)',
    kind: 'version',
    park: PARKS[0]!,
    period: '2024Q2',
    unlockedBefore: true,
    request: submit,
  },
  { label: 'a draft save, period never locked', kind: 'draft', park: PARKS[1]!, period: '2023Q3', unlockedBefore: false, request: draft },
  { label: 'a draft save, period locked and unlocked before', kind: 'draft', park: PARKS[1]!, period: '2023Q4', unlockedBefore: true, request: draft },
  { label: 'an upload, period never locked', kind: 'version', park: 'jinshan', period: '2025', unlockedBefore: false, request: upload },
];

describe('a lock that lands between the lock check and the commit', () => {
  it.each(RACES)('$label: 423, nothing stored', async (c) => {
    if (c.unlockedBefore) {
      expect((await lock(c.period)()).status).toBe(200);
      expect((await call(base, 'unlockPeriod', { params: { period: c.period }, token: zone() })).status).toBe(200);
    }
    const { method, path, options } = await c.request(c.park, c.period);
    const before = await stored(c.park, c.period);
    const seam = atSeam(c.kind, lock(c.period));

    const r = await call(base, method, path, options);

    expect(seam.answer?.status, JSON.stringify(seam.answer?.body)).toBe(200);
    expect(seam.answer?.body).toMatchObject({ locked: true });
    expect(r.status, JSON.stringify(r.body)).toBe(423);
    expect(r.error?.code).toBe('period_locked');
    // The commit failed on its guard, read the head again and saw the lock: one commit only.
    expect(seam.reached).toBe(1);
    expect(await stored(c.park, c.period)).toEqual(before);
    expect(await store.readHead(c.park, c.period)).toBeNull();
  });

  it('the same seam with nothing landing in it lets the commit through (the seam is on the path)', async () => {
    const seam = atSeam('version', null);
    const { method, path, options } = await submit(PARKS[2]!, '2023Q2');
    expect((await call(base, method, path, options)).status).toBe(201);
    expect(seam.reached).toBe(1);
  });
});

describe('the lock in the heads', () => {
  const headsTable = () => TableClient.fromConnectionString(h.azurite.connectionString, TABLE_NAMES.heads, { allowInsecureConnection: true });
  const markerOf = async (park: string, period: string) => {
    try {
      return (await headsTable().getEntity<{ locked: boolean }>(park, period)).locked;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return null;
      throw error;
    }
  };

  it('lock and unlock write the lock into the head of every park’s period', async () => {
    const period = '2023Q1';
    expect(await Promise.all(PARKS.map((p) => markerOf(p, period)))).toEqual(PARKS.map(() => null));
    await lock(period)();
    expect(await Promise.all(PARKS.map((p) => markerOf(p, period)))).toEqual(PARKS.map(() => true));
    await call(base, 'unlockPeriod', { params: { period }, token: zone() });
    expect(await Promise.all(PARKS.map((p) => markerOf(p, period)))).toEqual(PARKS.map(() => false));
  });

  it('a submission that commits between the lock’s marker read and its write is kept; the lock retries and lands', async () => {
    const park = PARKS[3]!;
    const period = '2024Q3';
    const { method, path, options } = await submit(park, period);
    let done = false;
    let committed: CallResult | null = null;
    store.testHooks.beforeCommit = async (kind, pk) => {
      if (kind !== 'lock_marker' || pk !== partitionOf(park, period) || done) return;
      done = true;
      committed = await call(base, method, path, options);
    };
    const locked = await lock(period)();
    expect(locked.status).toBe(200);
    expect(committed!.status).toBe(201);
    expect(await markerOf(park, period)).toBe(true);
    const after = await call(base, method, path, options);
    expect(after.status).toBe(423);
    expect((await stored(park, period)).versions).toHaveLength(1);
  });
});
