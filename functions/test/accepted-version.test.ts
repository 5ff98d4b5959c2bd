import type { Consolidation, Receipt } from '@zj/shared';
import { loadCatalogue } from '@zj/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkbook, shown } from '../src/workbooks/__fixtures__/read-workbook.js';
import { call, startHarness, type Harness } from './helpers/harness.js';
import { makeValidReturn } from './helpers/valid-return.js';

// DOMAIN.md: "Consolidation and evaluation read the latest accepted version and say which versions
// they used." Accepted = the latest version a reviewer has not returned (退回): approved or not yet
// reviewed. Over real HTTP, against a real Azurite.
const catalogue = loadCatalogue();
// Two parks whose plans have started by 2025, so the evaluation reads them too.
const [A, B] = catalogue.parks.filter((p) => p.plan.startYear <= 2025).map((p) => p.code) as [string, string];
const PERIOD = '2025';
let h: Harness;
let base: string;
const stat = (park: string) => h.tokens[`${park}-statistician`]!;
const reviewer = (park: string) => h.tokens[`${park}-reviewer`]!;
const zone = () => h.tokens['zone-consolidator']!;

async function submit(park: string, value: number): Promise<Receipt> {
  const input = await makeValidReturn(base, stat(park), park, PERIOD, value);
  const r = await call(base, 'submitReturn', { params: { park, period: PERIOD }, token: stat(park), json: input });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function review(park: string, version: number, decision: 'approve' | 'return'): Promise<void> {
  const r = await call(base, 'reviewReturn', {
    params: { park, period: PERIOD },
    token: reviewer(park),
    json: { version, decision, comment: decision === 'return' ? '数据有误,请核实后重报' : '' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
}

const version = async (park: string, n: number) =>
  (await call(base, 'getReturnVersion', { params: { park, period: PERIOD, version: String(n) }, token: zone() })).body;
const consolidation = async () => (await call(base, 'getConsolidation', { params: { period: PERIOD }, token: zone() })).body;
const evaluation = async () => (await call(base, 'getEvaluation', { params: { year: PERIOD }, token: zone() })).body;
const revenueOf = (c: Consolidation, park: string) => c.rows.find((r) => r.indicator === 'operating_revenue')!.cells.find((x) => x.unit === park)!.value;
const previousRevenue = async (park: string) =>
  (await call(base, 'getTemplate', { params: { park, period: '2026' }, token: stat(park) })).body.fields.find((f) => f.key === 'operating_revenue')!.previous;

beforeAll(async () => {
  h = await startHarness();
  base = h.api.url;
});
afterAll(async () => {
  await h?.stop();
});

describe('consolidation and evaluation read the latest accepted version', () => {
  it('v2 returned: v1 is read, and the results say v2 was left out because it was returned', async () => {
    expect((await submit(A, 10)).version).toBe(1);
    expect((await submit(A, 20)).version).toBe(2);
    await review(A, 2, 'return');
    const v1 = await version(A, 1);
    expect((await version(A, 2)).values.operating_revenue).not.toBe(v1.values.operating_revenue);

    const c = await consolidation();
    expect(c.sources).toContainEqual({ park: A, version: 1 });
    expect(c.ignored).toContainEqual({ park: A, version: 2, reason: 'returned' });
    expect(revenueOf(c, A)).toBe(v1.values.operating_revenue);
    expect(c.missingReturns).not.toContain(A);

    const e = await evaluation();
    expect(e.sources).toContainEqual({ park: A, version: 1 });
    expect(e.ignored).toContainEqual({ park: A, version: 2, reason: 'returned' });
    expect(e.evaluations.filter((x) => x.park === A).every((x) => x.source?.version === 1)).toBe(true);

    // The next period's template compares with the accepted figures, not the returned ones.
    expect(await previousRevenue(A)).toBe(v1.values.operating_revenue);
  });

  it('a park whose only version was returned counts as not reported, with the reason', async () => {
    await submit(B, 10);
    await review(B, 1, 'return');

    const c = await consolidation();
    expect(c.missingReturns).toContain(B);
    expect(c.sources.map((s) => s.park)).not.toContain(B);
    expect(c.ignored).toContainEqual({ park: B, version: 1, reason: 'returned' });
    expect(revenueOf(c, B)).toBeNull();

    const e = await evaluation();
    expect(e.sources.map((s) => s.park)).not.toContain(B);
    expect(e.ignored).toContainEqual({ park: B, version: 1, reason: 'returned' });
    expect(e.evaluations.filter((x) => x.park === B).every((x) => x.status === 'not_reported' && x.source === null)).toBe(true);

    expect(await previousRevenue(B)).toBeNull();
    // The state still says what happened: the park's return was returned, not never sent.
    expect((await call(base, 'getReturn', { params: { park: B, period: PERIOD }, token: zone() })).body.state).toBe('returned');
  });

  it('the workbooks say so too', async () => {
    const file = await fetch(`${base}/consolidation/${PERIOD}.xlsx`, { headers: { authorization: `Bearer ${zone()}` } });
    const notes = (await loadWorkbook(new Uint8Array(await file.arrayBuffer()))).getWorksheet('说明')!;
    const lines = new Map<string, string>();
    notes.eachRow((row) => lines.set(String(shown(row.getCell(1))), String(shown(row.getCell(2)))));
    const name = (code: string) => catalogue.parks.find((p) => p.code === code)!.name.zh;
    expect(lines.get('使用的报送版本')).toContain(`${name(A)} 第1版`);
    expect(lines.get('未报送园区')).toContain(`${name(B)}：第1版已被审核退回`);
    expect(lines.get('未使用的报表')).toContain(`${name(A)} 第2版：该版本已被审核退回，未使用`);
  });

  it('a new version approved is read, and nothing is left out any more', async () => {
    expect((await submit(A, 30)).version).toBe(3);
    await review(A, 3, 'approve');
    const v3 = await version(A, 3);

    const c = await consolidation();
    expect(c.sources).toContainEqual({ park: A, version: 3 });
    expect(c.ignored.filter((x) => x.park === A)).toEqual([]);
    expect(revenueOf(c, A)).toBe(v3.values.operating_revenue);

    const e = await evaluation();
    expect(e.sources).toContainEqual({ park: A, version: 3 });
    expect(e.ignored.filter((x) => x.park === A)).toEqual([]);
    expect(await previousRevenue(A)).toBe(v3.values.operating_revenue);
  });
});
