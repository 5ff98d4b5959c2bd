import { BlobServiceClient } from '@azure/storage-blob';
import { loadCatalogue, type ReturnResponse, type YearEvaluation } from '@zj/shared';
import { baselineYearPeriod } from '@zj/shared/returns';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AzureReturnStore } from '../src/storage/azure-return-store.js';
import { CatalogueStore } from '../src/storage/catalogue-store.js';
import { WORKBOOK_CACHE_CONTAINER_NAME } from '../src/storage/storage-names.js';
import { call, startHarness, type Harness } from './helpers/harness.js';
import { makeValidReturn } from './helpers/valid-return.js';

/**
 * Issue 16 over real HTTP against a real Azurite: GET /returns/{park}/{period} answers its
 * versions a page at a time (limit, continuation), and a zone workbook or the evaluation asked
 * for again with nothing changed comes from the cache, while any change to what it was built from
 * builds it anew.
 */
const catalogue = loadCatalogue();
const PARK = catalogue.parks[0]!.code;
const OTHER = catalogue.parks[1]!.code;
let h: Harness;
let base: string;
const stat = (park: string) => h.tokens[`${park}-statistician`]!;
const reviewer = (park: string) => h.tokens[`${park}-reviewer`]!;
const zone = () => h.tokens['zone-consolidator']!;

async function submit(park: string, period: string, value = 10): Promise<number> {
  const input = await makeValidReturn(base, stat(park), park, period, value);
  const r = await call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.version;
}
async function review(park: string, period: string, version: number, decision: 'approve' | 'return'): Promise<void> {
  const r = await call(base, 'reviewReturn', {
    params: { park, period },
    token: reviewer(park),
    json: { version, decision, comment: decision === 'return' ? '请核实' : '' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
}

beforeAll(async () => {
  // Catalogue versions are published here by another instance (a CatalogueStore of the test's
  // own): the API reads the head on every request, so it sees them at once.
  h = await startHarness({ CATALOGUE_REFRESH_MS: '0' });
  base = h.api.url;
});
afterAll(async () => {
  await h?.stop();
});

describe('GET /returns/{park}/{period}: the versions a page at a time', () => {
  const PERIOD = '2024Q3';

  it('pages from the newest down with the token each page gives, every version once, each with its reviews', async () => {
    // Five versions; every odd one returned, every even one approved.
    for (let v = 1; v <= 5; v++) {
      expect(await submit(PARK, PERIOD, 10 + v)).toBe(v);
      await review(PARK, PERIOD, v, v % 2 === 1 ? 'return' : 'approve');
    }
    const pages: ReturnResponse[] = [];
    let continuation: string | undefined;
    do {
      const r = await call(base, 'getReturn', {
        params: { park: PARK, period: PERIOD },
        token: zone(),
        query: { limit: 2, ...(continuation ? { continuation } : {}) },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      pages.push(r.body);
      continuation = r.body.next ?? undefined;
    } while (continuation);

    expect(pages.map((p) => p.versions.map((v) => v.version))).toEqual([[4, 5], [2, 3], [1]]);
    expect(pages.map((p) => p.reviews.map((r) => [r.version, r.decision]))).toEqual([
      [
        [4, 'approve'],
        [5, 'return'],
      ],
      [
        [2, 'approve'],
        [3, 'return'],
      ],
      [[1, 'return']],
    ]);
    // Every page carries the state and the latest version in full.
    for (const p of pages) expect(p).toMatchObject({ state: 'returned', latest: { version: 5 } });
    // Ten submissions and reviews over HTTP: slow on a loaded machine.
  }, 90_000);

  it('answers 20 versions when no limit is asked for, and nothing more to read below version 1', async () => {
    const r = await call(base, 'getReturn', { params: { park: PARK, period: PERIOD }, token: zone() });
    expect(r.body.versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5]);
    expect(r.body.next).toBeNull();
    const never = await call(base, 'getReturn', { params: { park: OTHER, period: '2023Q1' }, token: zone() });
    expect(never.body).toMatchObject({ latest: null, versions: [], reviews: [], next: null });
  });

  it.each([
    ['limit=0', 'limit=0', 'limit'],
    ['limit=101', 'limit=101', 'limit'],
    ['limit=abc', 'limit=abc', 'limit'],
    ['a token this API did not give', 'continuation=zzz', 'continuation'],
  ])('%s: 400 invalid_query naming the parameter, in both languages', async (_, search, param) => {
    const r = await call(base, 'GET', `/returns/${PARK}/${PERIOD}?${search}`, { token: zone() });
    expect(r.status).toBe(400);
    expect(r.error?.code).toBe('invalid_query');
    const issues = r.error?.issues ?? [];
    expect(issues.map((i) => i.path)).toEqual([param]);
    expect(issues[0]!.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(issues[0]!.message.en).toMatch(/[a-z]/);
  });
});

/** Publishes the catalogue in force again, unchanged, as the next version; answers the one it replaced. */
async function publishSameCatalogue() {
  const catalogues = new CatalogueStore({ kind: 'connection-string', connectionString: h.azurite.connectionString }, 5000);
  const current = await catalogues.current();
  const published = await catalogues.publish(current, current.version, {
    by: 'test',
    byName: '测试',
    at: new Date().toISOString(),
    reason: '同一内容的新版本',
    parks: [],
  });
  expect(published.kind).toBe('published');
  return current;
}

const cached = async () => {
  const names: string[] = [];
  for await (const b of BlobServiceClient.fromConnectionString(h.azurite.connectionString).getContainerClient(WORKBOOK_CACHE_CONTAINER_NAME).listBlobsFlat())
    names.push(b.name);
  return names.sort();
};

describe('zone workbooks: served from cache while nothing they were built from changed', () => {
  const PERIOD = '2025Q2';
  const download = async (path: string) => {
    const r = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${zone()}` } });
    expect(r.status).toBe(200);
    return Buffer.from(await r.arrayBuffer());
  };

  it('consolidation.xlsx: the same file again (its generation time included); a new version, a review or a lock builds a new one', async () => {
    await submit(PARK, PERIOD);
    const first = await download(`/consolidation/${PERIOD}.xlsx`);
    await new Promise((r) => setTimeout(r, 1100)); // a rebuild would carry a later time
    expect((await download(`/consolidation/${PERIOD}.xlsx`)).equals(first)).toBe(true);
    expect((await cached()).filter((n) => n.startsWith(`consolidation-${PERIOD}/`))).toHaveLength(1);

    await submit(OTHER, PERIOD);
    const afterSubmit = await download(`/consolidation/${PERIOD}.xlsx`);
    expect(afterSubmit.equals(first)).toBe(false);
    await review(OTHER, PERIOD, 1, 'return');
    const afterReview = await download(`/consolidation/${PERIOD}.xlsx`);
    expect(afterReview.equals(afterSubmit)).toBe(false);
    // A lock moves every head: built anew (its content may be the same: a lock is not shown).
    expect((await call(base, 'lockPeriod', { params: { period: PERIOD }, token: zone() })).status).toBe(200);
    await download(`/consolidation/${PERIOD}.xlsx`);
    expect((await cached()).filter((n) => n.startsWith(`consolidation-${PERIOD}/`))).toHaveLength(4);
  }, 90_000);

  it('says when its data was consolidated, not a time read as the download time: the build time, and that any change builds it anew', async () => {
    await submit(PARK, '2024Q3');
    const subtitle = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(await download('/consolidation/2024Q3.xlsx')).buffer);
      return String(wb.worksheets[0]!.getCell('A2').value);
    };
    const first = await subtitle();
    expect(first).toMatch(/^数据汇总于\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间，指标目录第\d+版）。此后数据有任何变化，下载时会重新汇总。/);
    expect(first).not.toContain('生成于');
    // The same file again (the test above): the same time, true of the data at any later download.
    expect(await subtitle()).toBe(first);
  });

  it('a new catalogue version in force builds the workbook anew (the key holds the version)', async () => {
    const first = await download(`/consolidation/${PERIOD}.xlsx`);
    expect((await download(`/consolidation/${PERIOD}.xlsx`)).equals(first)).toBe(true);
    const before = (await cached()).length;
    const current = await publishSameCatalogue();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await download(`/consolidation/${PERIOD}.xlsx`)).buffer);
    expect(String(wb.worksheets[0]!.getCell('A2').value)).toContain(`指标目录第${current.version + 1}版`);
    expect((await cached()).length).toBe(before + 1);
  });

  it('evaluation.xlsx: the same file again; a new annual version builds a new one', async () => {
    const first = await download('/evaluation/2025.xlsx');
    expect((await download('/evaluation/2025.xlsx')).equals(first)).toBe(true);
    await submit(PARK, '2025');
    expect((await download('/evaluation/2025.xlsx')).equals(first)).toBe(false);
  });
});

describe('the evaluation (JSON): served from cache while nothing it is built from changed', () => {
  // The year of 金山园's targets (its plan starts in 2025, its baseline year is 2024), which no
  // other test here submits for.
  const YEAR = '2026';
  const evaluation = async (): Promise<YearEvaluation> => {
    const r = await call(base, 'getEvaluation', { params: { year: YEAR }, token: zone() });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as YearEvaluation;
  };
  const entries = async () => (await cached()).filter((n) => n.startsWith(`evaluation-${YEAR}/`) && n.endsWith('.json'));
  const sourceOf = (e: YearEvaluation) => e.sources.find((s) => s.park === PARK) ?? null;
  const baselinesOf = (e: YearEvaluation) => e.evaluations.filter((t) => t.park === PARK).map((t) => t.baseline.value);

  it('the same answer again, kept once; a new version, a review, a baseline and a new catalogue version each change it', async () => {
    expect(await submit(PARK, YEAR, 10)).toBe(1);
    const first = await evaluation();
    expect(sourceOf(first)).toEqual({ park: PARK, version: 1 });
    expect(await evaluation()).toEqual(first);
    expect(await entries()).toHaveLength(1);

    // A new version of the year's return: read at once.
    expect(await submit(PARK, YEAR, 12)).toBe(2);
    const afterVersion = await evaluation();
    expect(sourceOf(afterVersion)).toEqual({ park: PARK, version: 2 });

    // The reviewer returns it: the version before is read again, and the returned one named.
    await review(PARK, YEAR, 2, 'return');
    const afterReview = await evaluation();
    expect(sourceOf(afterReview)).toEqual({ park: PARK, version: 1 });
    expect(afterReview.ignored).toContainEqual({ park: PARK, version: 2, reason: 'returned' });

    // The baseline year's annual return (基期) arrives: the baselines the evaluation reads change.
    expect(await submit(PARK, baselineYearPeriod(catalogue.parks[0]!), 7)).toBe(1);
    const afterBaseline = await evaluation();
    expect(baselinesOf(afterBaseline)).not.toEqual(baselinesOf(afterReview));

    // A new catalogue version in force, even of the same content: the answer names it.
    const current = await publishSameCatalogue();
    const afterCatalogue = await evaluation();
    expect(afterCatalogue.catalogueVersion).toBe(current.version + 1);
    expect(afterBaseline.catalogueVersion).toBe(current.version);

    // One entry per state asked about, and asked again, the last one is served as it was built.
    expect(await entries()).toHaveLength(5);
    expect(await evaluation()).toEqual(afterCatalogue);
  }, 90_000);

  it('the ETags a request checks first are those of the rows a build reads (else every request would build anew)', async () => {
    const store = new AzureReturnStore({ kind: 'connection-string', connectionString: h.azurite.connectionString }, 5000);
    const base = baselineYearPeriod(catalogue.parks[0]!);
    const tags = await store.readHeadTags(PARK, [YEAR, base, '1999'], true);
    const full = await store.readHeadsAndBaselines(PARK, [YEAR, base, '1999']);
    expect(tags.heads).toEqual(full.heads.map((head) => head?.etag ?? null));
    expect(tags.heads[0]).toEqual((await store.readPeriodHead(PARK, YEAR))?.etag);
    expect(tags.heads[2]).toBeNull();
    expect(tags.baselines).toEqual(full.baselines.etag);
    expect(tags.baselines).not.toBeNull();
    expect((await store.readHeadTags(PARK, [YEAR], false)).baselines).toBeNull();
  });
});
