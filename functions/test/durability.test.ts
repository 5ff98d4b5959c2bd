import { loadCatalogue, type ReturnInput, type ReturnVersion } from '@zj/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobServiceClient } from '@azure/storage-blob';
import { AzureReturnStore } from '../src/storage/azure-return-store.js';
import { CONTAINER_NAME } from '../src/storage/storage-names.js';
import { StorageUnavailableError } from '../src/storage/storage-unavailable-error.js';
import { call, startHarness, type Harness } from './helpers/harness.js';
import { makeValidReturn } from './helpers/valid-return.js';

// Concurrency, idempotency under races, persistence across an Azurite restart, storage down.
const PARKS = loadCatalogue().parks.map((p) => p.code);
let h: Harness;
let base: string;
const stat = (park: string) => h.tokens[`${park}-statistician`]!;
const zone = () => h.tokens['zone-consolidator']!;

beforeAll(async () => {
  h = await startHarness();
  base = h.api.url;
});
afterAll(async () => {
  await h?.stop();
});

/** A variant of the same return: a different note on its first row (a 说明 keyed to its field), so a different content hash. */
const variant = (input: ReturnInput, n: number): ReturnInput => ({
  ...input,
  explanations: { ...input.explanations, [`field:${Object.keys(input.figures)[0]!}`]: `第${n}份` },
});

async function versionsOf(park: string, period: string): Promise<ReturnVersion[]> {
  const list = await call(base, 'getReturn', { params: { park, period }, token: zone() });
  expect(list.status).toBe(200);
  return Promise.all(
    (list.body.versions as { version: number }[]).map(
      async (v) => (await call(base, 'getReturnVersion', { params: { park, period, version: String(v.version) }, token: zone() })).body,
    ),
  );
}

describe('concurrency', () => {
  it('10 parallel submissions for one park and period: distinct versions 1..n or clean 409s, none lost, none doubled', async () => {
    const park = PARKS[0]!;
    const period = '2024';
    const input = await makeValidReturn(base, stat(park), park, period);
    const sent = Array.from({ length: 10 }, (_, n) => variant(input, n));
    const answers = await Promise.all(sent.map((json) => call(base, 'submitReturn', { params: { park, period }, token: stat(park), json })));

    for (const a of answers) {
      expect([201, 409]).toContain(a.status);
      if (a.status === 409) expect((a.body as unknown as { error: { code: string } }).error.code).toBe('version_conflict');
    }
    const receipts = answers.filter((a) => a.status === 201).map((a) => a.body);
    console.info('10 racing submissions:', answers.map((a) => a.status).join(' '));
    const numbers = receipts.map((r) => r.version).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: receipts.length }, (_, i) => i + 1));

    const stored = await versionsOf(park, period);
    expect(stored.map((v) => v.version)).toEqual(numbers);
    for (const r of receipts) expect(stored.find((v) => v.version === r.version)!.contentHash).toBe(r.contentHash);
    expect(new Set(stored.map((v) => v.contentHash)).size).toBe(stored.length);
  });

  it('the same Idempotency-Key sent 6 times at once stores one version; every answer is its receipt', async () => {
    const park = PARKS[1]!;
    const period = '2024';
    const input = await makeValidReturn(base, stat(park), park, period);
    const headers = { 'idempotency-key': 'burst-0001' };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input, headers })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.version))).toEqual(new Set([1]));
    expect(await versionsOf(park, period)).toHaveLength(1);
  });

  it('one version reviewed 6 times at once (approve and return): one review is stored, the others 409 review_not_pending', async () => {
    const park = PARKS[2]!;
    const period = '2024Q4';
    const input = await makeValidReturn(base, stat(park), park, period);
    expect((await call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input })).status).toBe(201);
    const reviewer = h.tokens[`${park}-reviewer`]!;
    const decisions = ['approve', 'return', 'approve', 'return', 'approve', 'return'] as const;
    const answers = await Promise.all(
      decisions.map((decision, n) =>
        call(base, 'reviewReturn', { params: { park, period }, token: reviewer, json: { version: 1, decision, comment: `意见${n}` } }),
      ),
    );
    console.info('6 racing reviews:', answers.map((a) => a.status).join(' '));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 201)) {
      expect(a.status).toBe(409);
      expect(a.error?.code).toBe('review_not_pending');
    }
    const stored = await call(base, 'getReturn', { params: { park, period }, token: zone() });
    const winner = answers.find((a) => a.status === 201)!.body;
    expect(stored.body.reviews).toEqual([winner]);
    expect(stored.body.state).toBe(winner.decision === 'approve' ? 'approved' : 'returned');
  });

  it('parallel submissions to different parks do not interfere', async () => {
    const period = '2024Q1';
    const inputs = await Promise.all(PARKS.map((p) => makeValidReturn(base, stat(p), p, period)));
    const answers = await Promise.all(PARKS.map((p, i) => call(base, 'submitReturn', { params: { park: p, period }, token: stat(p), json: inputs[i] })));
    expect(answers.map((a) => [a.status, a.body.park, a.body.version])).toEqual(PARKS.map((p) => [201, p, 1]));
  });
});

describe('persistence', () => {
  it('versions, drafts, reviews and locks survive an Azurite restart on the same folder', async () => {
    const park = PARKS[2]!;
    const period = '2024Q2';
    const input = await makeValidReturn(base, stat(park), park, period);
    expect((await call(base, 'saveDraft', { params: { park, period }, token: stat(park), json: { ...input, figures: {} } })).status).toBe(200);
    await call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input });
    await call(base, 'reviewReturn', {
      params: { park, period },
      token: h.tokens[`${park}-reviewer`]!,
      json: { version: 1, decision: 'return', comment: '请核实' },
    });
    await call(base, 'lockPeriod', { params: { period: '2024Q2' }, token: zone() });
    const before = await call(base, 'getReturn', { params: { park, period }, token: zone() });
    const draftBefore = await call(base, 'getDraft', { params: { park, period }, token: zone() });
    expect(draftBefore.status).toBe(200);

    await h.restartAzurite();

    const after = await call(base, 'getReturn', { params: { park, period }, token: zone() });
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    expect((await call(base, 'getDraft', { params: { park, period }, token: zone() })).body).toEqual(draftBefore.body);
    expect(after.body).toMatchObject({ state: 'returned', locked: true, versions: [{ version: 1 }] });
    await call(base, 'unlockPeriod', { params: { period: '2024Q2' }, token: zone() });
    const next = await call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input });
    expect(next.body.version).toBe(2);
    // Azurite saves its database, stops and loads it again: 20-40 s on a loaded 2-core machine.
  }, 90_000);
});

describe('storage down', () => {
  it('answers 503 storage_unavailable fast while Azurite is down, and stores nothing', async () => {
    const park = PARKS[3]!;
    const period = '2024Q3';
    const input = await makeValidReturn(base, stat(park), park, period);
    await call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input });
    const before = await versionsOf(park, period);

    await h.azurite.stop();
    try {
      for (const [method, path, json] of [
        ['POST', `/returns/${park}/${period}`, input],
        ['POST', `/returns/${park}/${period}/validate`, input],
        ['PUT', `/returns/${park}/${period}/draft`, input],
        ['GET', `/templates/${park}/${period}`, undefined],
        ['GET', `/returns/${park}/${period}`, undefined],
        ['GET', `/status/${period}`, undefined],
      ] as const) {
        const started = performance.now();
        const r = await call(base, method, path, { token: method === 'GET' && path.startsWith('/status') ? zone() : stat(park), ...(json ? { json } : {}) });
        expect(r.status, `${method} ${path}`).toBe(503);
        expect(r.error?.code).toBe('storage_unavailable');
        expect(r.error?.message.zh).toMatch(/存储/);
        expect(r.headers.get('retry-after')).toBe('5');
        expect(performance.now() - started).toBeLessThan(2000);
      }
    } finally {
      await h.restartAzurite();
    }
    expect(await versionsOf(park, period)).toEqual(before);
  });

  it('Azurite stopping in the middle of a burst leaves only whole versions, each one a submission sent', async () => {
    const park = PARKS[4]!;
    const period = '2024Q3';
    const input = await makeValidReturn(base, stat(park), park, period);
    const sent = Array.from({ length: 6 }, (_, n) => variant(input, n));
    // Stop Azurite as soon as the first submission is stored, while the others race for the
    // next version numbers (whatever it hits, the checks below must hold).
    let stopped: Promise<unknown> | null = null;
    const burst = Promise.all(
      sent.map((json) =>
        call(base, 'submitReturn', { params: { park, period }, token: stat(park), json }).then((a) => {
          if (a.status === 201) stopped ??= h.azurite.stop();
          return a;
        }),
      ),
    );
    const answers = await burst;
    await (stopped ?? h.azurite.stop());
    await h.restartAzurite();

    for (const a of answers) expect([201, 409, 503]).toContain(a.status);
    console.info('burst answers while stopping:', answers.map((a) => a.status).join(' '));
    const stored = await versionsOf(park, period);
    expect(stored.map((v) => v.version)).toEqual(stored.map((_, i) => i + 1));
    const hashes = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.contentHash));
    for (const h of hashes) expect(stored.some((v) => v.contentHash === h)).toBe(true);
    for (const v of stored) expect(sent.some((s) => JSON.stringify(s) === JSON.stringify(v.input))).toBe(true);
  });

  it('a commit that fails after the document blob was written leaves an invisible orphan, not a version', async () => {
    const store = new AzureReturnStore({ kind: 'connection-string', connectionString: h.azurite.connectionString }, 3000);
    const park = PARKS[0]!;
    const period = '2023Q3';
    const base0 = await store.listVersions(park, period);
    // Fail the head's commit as an unreachable storage would, after the blob upload succeeded.
    const refused = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const heads = (store as unknown as { storage: { heads: Record<'createEntity' | 'updateEntity' | 'submitTransaction', () => Promise<never>> } }).storage
      .heads;
    heads.createEntity = heads.updateEntity = heads.submitTransaction = refused;
    const draft = {
      park,
      period,
      submittedAt: new Date().toISOString(),
      submittedBy: h.users[0]!,
      templateVersion: 't',
      contentHash: 'c',
      input: { templateVersion: 't', figures: {} },
      values: {},
      derived: {},
      baselines: {},
      issues: [],
      source: 'api' as const,
    };
    await expect(store.appendVersion(draft, 'orphan-key')).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(await store.listVersions(park, period)).toEqual(base0);
    expect(await store.readHead(park, period)).toBeNull();
    expect(await store.findIdempotent(park, period, 'orphan-key')).toBeNull();
    expect(await store.readVersion(park, period, 1)).toBeNull();
    // The document was written: it is there, named by nothing.
    const container = BlobServiceClient.fromConnectionString(h.azurite.connectionString).getContainerClient(CONTAINER_NAME);
    const orphans: string[] = [];
    for await (const blob of container.listBlobsFlat({ prefix: `${park}/${period}/` })) orphans.push(blob.name);
    expect(orphans).toHaveLength(1);
  });

  it('keeps an uploaded workbook as sent, under a unique name', async () => {
    const store = new AzureReturnStore({ kind: 'connection-string', connectionString: h.azurite.connectionString }, 3000);
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const a = await store.saveUpload(PARKS[0]!, '2025', bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const b = await store.saveUpload(PARKS[0]!, '2025', bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(a).not.toBe(b);
    expect(await store.readUpload(a)).toEqual(bytes);
    expect(await store.readUpload('no/such/upload')).toBeNull();
  });
});
