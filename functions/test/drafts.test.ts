import { BlobServiceClient } from '@azure/storage-blob';
import { TableClient, odata } from '@azure/data-tables';
import { contentHash, type ReturnInput } from '@zj/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFTS_CONTAINER_NAME, TABLE_NAMES } from '../src/storage/storage-names.js';
import { DRAFT_ROWS, partitionOf } from '../src/storage/storage-keys.js';
import { call, startHarness, type Harness } from './helpers/harness.js';
import { makeValidReturn } from './helpers/valid-return.js';

// Server drafts (草稿) over real HTTP, against a real Azurite.
let h: Harness;
let base: string;
let parks: string[];
const stat = (park: string) => h.tokens[`${park}-statistician`]!;
const zone = () => h.tokens['zone-consolidator']!;

beforeAll(async () => {
  h = await startHarness();
  base = h.api.url;
  parks = h.users.filter((u) => u.role === 'statistician').map((u) => u.park!);
});
afterAll(async () => {
  await h?.stop();
});

const put = (park: string, period: string, json: ReturnInput) => call(base, 'saveDraft', { params: { park, period }, token: stat(park), json });
const stateOf = async (park: string, period: string) => {
  const status = await call(base, 'getStatus', { params: { period }, token: zone() });
  return status.body.parks.find((p) => p.park === park)!;
};
/** A few of the figures, one of them not a number: a draft is work in progress. */
const partial = (input: ReturnInput, text = '待核实'): ReturnInput => {
  const [first, second] = Object.keys(input.figures);
  return { templateVersion: input.templateVersion, figures: { [first!]: input.figures[first!]!, [second!]: text } };
};

describe('PUT and GET /returns/{park}/{period}/draft', () => {
  it('keeps incomplete figures as a draft, not a version; the state is draft', async () => {
    const park = parks[0]!;
    const period = '2025Q2';
    const input = partial(await makeValidReturn(base, stat(park), park, period));
    const saved = await put(park, period, input);
    expect(saved.status).toBe(200);
    expect(Object.keys(saved.body).sort()).toEqual(['contentHash', 'savedAt']);
    expect(saved.body.contentHash).toBe(contentHash(input));

    const read = await call(base, 'getDraft', { params: { park, period }, token: stat(park) });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      park,
      period,
      savedAt: saved.body.savedAt,
      savedBy: expect.objectContaining({ id: `${park}-statistician` }),
      contentHash: saved.body.contentHash,
      input,
    });
    const ret = await call(base, 'getReturn', { params: { park, period }, token: stat(park) });
    expect(ret.body).toMatchObject({ state: 'draft', latest: null, versions: [] });
    expect(await stateOf(park, period)).toMatchObject({ state: 'draft', latestVersion: null, draftSavedAt: saved.body.savedAt });
    // The consolidator reads it too.
    expect((await call(base, 'getDraft', { params: { park, period }, token: zone() })).body).toEqual(read.body);
  });

  it('each save is a new record (blob and entity); reading takes the newest; none is overwritten', async () => {
    const park = parks[1]!;
    const period = '2025Q2';
    const input = await makeValidReturn(base, stat(park), park, period);
    const first = await put(park, period, partial(input, '第一稿'));
    const second = await put(park, period, partial(input, '第二稿'));
    expect(second.body.contentHash).not.toBe(first.body.contentHash);
    const read = await call(base, 'getDraft', { params: { park, period }, token: stat(park) });
    expect(read.body.contentHash).toBe(second.body.contentHash);

    const table = TableClient.fromConnectionString(h.azurite.connectionString, TABLE_NAMES.returns, { allowInsecureConnection: true });
    const rows: { contentHash: string }[] = [];
    const filter = odata`PartitionKey eq ${partitionOf(park, period)} and RowKey ge ${DRAFT_ROWS.from} and RowKey lt ${DRAFT_ROWS.to}`;
    for await (const row of table.listEntities<{ contentHash: string }>({ queryOptions: { filter } })) rows.push(row);
    expect(rows.map((r) => r.contentHash)).toEqual([second.body.contentHash, first.body.contentHash]);
    const blobs: string[] = [];
    const container = BlobServiceClient.fromConnectionString(h.azurite.connectionString).getContainerClient(DRAFTS_CONTAINER_NAME);
    for await (const blob of container.listBlobsFlat({ prefix: `${park}/${period}/` })) blobs.push(blob.name);
    expect(blobs).toHaveLength(2);
    expect((await call(base, 'getReturn', { params: { park, period }, token: stat(park) })).body.versions).toEqual([]);
  });

  it('draft until submitted; a newer draft with new figures is draft again, the submitted figures validated again are not', async () => {
    const park = parks[2]!;
    const period = '2025Q2';
    const input = await makeValidReturn(base, stat(park), park, period);
    await put(park, period, partial(input));
    expect((await stateOf(park, period)).state).toBe('draft');
    expect((await call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input })).status).toBe(201);
    expect((await stateOf(park, period)).state).toBe('submitted');
    await put(park, period, input);
    expect((await stateOf(park, period)).state).toBe('submitted');
    const approved = await call(base, 'reviewReturn', {
      params: { park, period },
      token: h.tokens[`${park}-reviewer`]!,
      json: { version: 1, decision: 'approve' },
    });
    expect(approved.status).toBe(201);
    expect((await stateOf(park, period)).state).toBe('approved');
    const changed = await put(park, period, partial(input, '改一下'));
    expect(await stateOf(park, period)).toMatchObject({ state: 'draft', latestVersion: 1, draftSavedAt: changed.body.savedAt });
  });

  it('a draft past the due date is draft, not late', async () => {
    const park = parks[3]!;
    const period = '2023';
    expect((await stateOf(park, period)).state).toBe('late');
    await put(park, period, { templateVersion: 'any', figures: {} });
    expect((await stateOf(park, period)).state).toBe('draft');
  });

  it('a locked period refuses a draft (423) and stores nothing; unlocked, it takes it again', async () => {
    const park = parks[4]!;
    const period = '2025Q3';
    const input = { templateVersion: 'v', figures: {} };
    expect((await call(base, 'lockPeriod', { params: { period }, token: zone() })).status).toBe(200);
    const refused = await put(park, period, input);
    expect(refused.status).toBe(423);
    expect((refused.body as unknown as { error: { code: string } }).error.code).toBe('period_locked');
    expect((await call(base, 'getDraft', { params: { park, period }, token: stat(park) })).status).toBe(404);
    expect((await call(base, 'unlockPeriod', { params: { period }, token: zone() })).status).toBe(200);
    expect((await put(park, period, input)).status).toBe(200);
  });
});
