import { loadCatalogue } from '@zj/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageCall } from './helpers/counting-proxy.js';
import { call, startHarness, type Harness } from './helpers/harness.js';
import { makeValidReturn } from './helpers/valid-return.js';

// Issue 13, item 10: the storage round trips of the two busiest routes, counted by a proxy
// between the API and a real Azurite. Each one costs the API and the storage about a
// millisecond of CPU whatever it carries, so their number, not the park's history, sets what a
// template GET and a submit cost (docs/performance.md).
const park = loadCatalogue().parks.find((p) => p.plan.startYear <= 2025)!.code;
let h: Harness;
let base: string;
const token = () => h.tokens[`${park}-statistician`]!;
const reviewer = () => h.tokens[`${park}-reviewer`]!;
const describeCall = (c: StorageCall) => `${c.method} ${c.path}`;

beforeAll(async () => {
  h = await startHarness({}, { countStorage: true });
  base = h.api.url;
  // A history: the baseline year, the previous period with versions reviewed and returned.
  for (const period of ['2024', '2024Q4', '2024Q4', '2024Q4']) {
    const input = await makeValidReturn(base, token(), park, period);
    expect((await call(base, 'submitReturn', { params: { park, period }, token: token(), json: input })).status).toBe(201);
  }
  const r = await call(base, 'reviewReturn', {
    params: { park, period: '2024Q4' },
    token: reviewer(),
    json: { version: 3, decision: 'return', comment: '数据有误，请核实' },
  });
  expect(r.status).toBe(201);
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('storage calls of the busiest routes', () => {
  it('a template GET makes one query of the park heads, the catalogue head read at most once a refresh window: one round trip', async () => {
    // The catalogue head was read within the window (CATALOGUE_REFRESH_MS, 5 s) by the submissions above.
    await call(base, 'getParks', { token: token() });
    h.storageCalls!.reset();
    const r = await call(base, 'getTemplate', { params: { park, period: '2025Q1' }, token: token() });
    expect(r.status).toBe(200);
    const calls = h.storageCalls!.calls.map(describeCall);
    expect(calls, calls.join('\n')).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('GET /devstoreaccount1/heads()?$filter=PartitionKey eq '))).toHaveLength(1);
    // The template still knows last period's accepted figures (version 2: version 3 was returned).
    expect(r.body.fields.some((f) => f.previous !== null)).toBe(true);
  });

  it('a submit reads two things before it writes (one heads query, the period lock history), the catalogue head within its window', async () => {
    const input = await makeValidReturn(base, token(), park, '2025Q1');
    h.storageCalls!.reset();
    const r = await call(base, 'submitReturn', { params: { park, period: '2025Q1' }, token: token(), json: input });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const calls = h.storageCalls!.calls;
    const firstWrite = calls.findIndex((c) => c.method !== 'GET');
    const reads = calls.slice(0, firstWrite).map(describeCall);
    expect(reads, calls.map(describeCall).join('\n')).toHaveLength(2);
    expect(reads.filter((c) => c.includes('/heads'))).toHaveLength(1);
    // Nothing of the park's history is read: no review list, no version blob, no returns table.
    expect(calls.filter((c) => c.method === 'GET' && /reviews|return-versions|\/returns\(/.test(c.path))).toEqual([]);
  });

  it('a submit after one made by this instance writes four things, not again the record this instance wrote', async () => {
    const input = await makeValidReturn(base, token(), park, '2025Q2');
    expect((await call(base, 'submitReturn', { params: { park, period: '2025Q2' }, token: token(), json: input })).status).toBe(201);
    h.storageCalls!.reset();
    const r = await call(base, 'submitReturn', { params: { park, period: '2025Q2' }, token: token(), json: input });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const writes = h.storageCalls!.calls.filter((c) => c.method !== 'GET').map(describeCall);
    // The version's document, the head, the version's record, the period's change stamp. The
    // previous version's record, which the head held until now, was written by the first submit
    // here: this instance knows it exists and does not write it again (a 409).
    expect(writes, writes.join('\n')).toHaveLength(4);
  });
});
