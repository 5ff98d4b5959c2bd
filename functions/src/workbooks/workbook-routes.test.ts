import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { layoutTemplate, loadCatalogue, type TemplateModel } from '@zj/shared';
import { call, startHarness, type Harness } from '../../test/helpers/harness.js';
import { UPLOADS_CONTAINER_NAME } from '../storage/storage-names.js';
import { fillTemplateWorkbook } from '../demo/fill-template-workbook.js';
import { loadWorkbook, shown } from './__fixtures__/read-workbook.js';
import { makeSampleData } from '../demo/make-sample-data.js';

// The workbook routes over real HTTP, against a real Azurite (the API's own harness).
const catalogue = loadCatalogue();
const sample = makeSampleData(catalogue, { years: [2025] });
let h: Harness;
let base: string;
const token = (id: string) => h.tokens[id]!;

async function download(path: string, who: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const r = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token(who)}` } });
  return { status: r.status, headers: r.headers, bytes: Buffer.from(await r.arrayBuffer()) };
}

async function filled(park: string, period: string): Promise<{ bytes: Buffer; template: TemplateModel }> {
  const template = (await call(base, 'getTemplate', { params: { park, period }, token: token(`${park}-statistician`) })).body;
  const file = await download(`/templates/${park}/${period}.xlsx`, `${park}-statistician`);
  const values = sample.years.find((y) => y.park === park)!.values;
  const explanations = Object.fromEntries(template.fields.map((f) => [f.key, '示例数据']));
  return { bytes: await fillTemplateWorkbook(file.bytes, template, values, sample.baselines[park], explanations), template };
}

/** Names of the uploaded workbooks kept for a park and period. */
async function keptUploads(park: string, period: string): Promise<string[]> {
  const uploads = BlobServiceClient.fromConnectionString(h.azurite.connectionString).getContainerClient(UPLOADS_CONTAINER_NAME);
  const names: string[] = [];
  if (await uploads.exists()) for await (const blob of uploads.listBlobsFlat({ prefix: `${park}/${period}/` })) names.push(blob.name);
  return names;
}

beforeAll(async () => {
  h = await startHarness();
  base = h.api.url;
}, 120_000);
afterAll(async () => {
  await h?.stop();
});

describe('workbook routes', () => {
  it('GET /templates/{park}/{period}.xlsx answers the template workbook of the current template version', async () => {
    const json = await call(base, 'getTemplate', { params: { park: 'jinshan', period: '2025' }, token: token('jinshan-statistician') });
    const file = await download('/templates/jinshan/2025.xlsx', 'jinshan-statistician');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('金山园-2025-填报表.xlsx')}`);
    expect(file.headers.get('etag')).toBe(`"${json.body.version}"`);
    const wb = await loadWorkbook(file.bytes);
    expect(shown(wb.getWorksheet('_meta')!.getCell('B3'))).toBe(json.body.version);
  });

  it('POST /returns/{park}/{period}/upload stores a version from the workbook and keeps the file as a blob', async () => {
    const { bytes } = await filled('jinshan', '2025');
    const r = await call(base, 'uploadReturnXlsx', {
      params: { park: 'jinshan', period: '2025' },
      token: token('jinshan-statistician'),
      raw: { body: bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const v = await call(base, 'getReturnVersion', {
      params: { park: 'jinshan', period: '2025', version: String(r.body.version) },
      token: token('jinshan-statistician'),
    });
    expect(v.body).toMatchObject({ source: 'upload', uploadBlob: r.body.uploadBlob });
    expect(v.body.values.operating_revenue).toBe(sample.years.find((y) => y.park === 'jinshan')!.values.operating_revenue);
    const blob = BlobServiceClient.fromConnectionString(h.azurite.connectionString)
      .getContainerClient(UPLOADS_CONTAINER_NAME)
      .getBlockBlobClient(String(r.body.uploadBlob));
    expect(Buffer.compare(await blob.downloadToBuffer(), bytes)).toBe(0);
  });

  it('an upload retried with its Idempotency-Key answers the same version and the blob that version names', async () => {
    const { bytes } = await filled('jinshan', '2025');
    const send = () =>
      call(base, 'uploadReturnXlsx', {
        params: { park: 'jinshan', period: '2025' },
        token: token('jinshan-statistician'),
        raw: { body: bytes },
        headers: { 'idempotency-key': 'upload-retry-1' },
      });
    const first = await send();
    const again = await send();
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    const v = await call(base, 'getReturnVersion', {
      params: { park: 'jinshan', period: '2025', version: String(first.body.version) },
      token: token('jinshan-statistician'),
    });
    expect(v.body.uploadBlob).toBe(first.body.uploadBlob);
  });

  it.each([
    ['another park’s workbook', async () => (await filled('minhang', '2025')).bytes, 409, 'upload_wrong_park'],
    ['a text file', async () => Buffer.from('营业收入,5000'), 415, 'upload_not_xlsx'],
    ['a file over the body limit', async () => Buffer.alloc(70 * 1024, 1), 413, 'upload_too_large'],
  ])('refuses %s with a clear error and stores nothing', async (_name, make, status, code) => {
    const before = await call(base, 'getReturn', { params: { park: 'jinshan', period: '2025' }, token: token('jinshan-statistician') });
    const r = await call(base, 'uploadReturnXlsx', {
      params: { park: 'jinshan', period: '2025' },
      token: token('jinshan-statistician'),
      raw: { body: await make() },
    });
    expect(r.status).toBe(status);
    expect(r.error?.code).toBe(code);
    expect(r.error?.message.zh.length).toBeGreaterThan(5);
    const after = await call(base, 'getReturn', { params: { park: 'jinshan', period: '2025' }, token: token('jinshan-statistician') });
    expect(after.body.versions.length).toBe(before.body.versions.length);
  });

  it('says how large a file far over the limit is, not that it is as large as the limit', async () => {
    const r = await call(base, 'uploadReturnXlsx', {
      params: { park: 'jinshan', period: '2025' },
      token: token('jinshan-statistician'),
      raw: { body: Buffer.alloc(3 * 1024 * 1024, 1) },
    });
    expect(r.status).toBe(413);
    expect(r.error?.code).toBe('upload_too_large');
    expect(r.error?.message.zh).toContain('文件大小为3MB');
    // Just over the limit: the two sizes must not read the same.
    const near = await call(base, 'uploadReturnXlsx', {
      params: { park: 'jinshan', period: '2025' },
      token: token('jinshan-statistician'),
      raw: { body: Buffer.alloc(70 * 1024, 1) },
    });
    expect(near.error?.message.zh).toContain('文件大小为0.07MB，超过上限0.06MB');
  });

  it.each([
    ['one that fails validation (422)', '2025', 422, 'return_not_acceptable'],
    ['one for a locked period (423)', '2025Q4', 423, 'period_locked'],
  ])('keeps no copy of a refused upload: %s', async (_name, period, status, code) => {
    const template = (await call(base, 'getTemplate', { params: { park: 'jinshan', period }, token: token('jinshan-statistician') })).body;
    const file = await download(`/templates/jinshan/${period}.xlsx`, 'jinshan-statistician');
    // 营业收入 left blank: a required figure, so validation refuses the return.
    const values = { ...sample.years.find((y) => y.park === 'jinshan')!.values, operating_revenue: null };
    const bytes = await fillTemplateWorkbook(file.bytes, template, values, sample.baselines.jinshan);
    if (status === 423) expect((await call(base, 'lockPeriod', { params: { period }, token: token('zone-consolidator') })).status).toBe(200);
    const before = await keptUploads('jinshan', period);
    const r = await call(base, 'uploadReturnXlsx', { params: { park: 'jinshan', period }, token: token('jinshan-statistician'), raw: { body: bytes } });
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.error?.code).toBe(code);
    expect(await keptUploads('jinshan', period)).toEqual(before);
  });

  it('a refused upload names row, indicator and column; the explanation written in the pane goes with the same file (multipart)', async () => {
    const template = (await call<TemplateModel>(base, 'GET', '/templates/jinshan/2026', { token: token('jinshan-statistician') })).body;
    const file = await download('/templates/jinshan/2026.xlsx', 'jinshan-statistician');
    // 无 in a required figure: a warning that needs a reason (说明), none written in the file.
    const values = { ...sample.years.find((y) => y.park === 'jinshan')!.values, pct_applications: '无' };
    const bytes = await fillTemplateWorkbook(file.bytes, template, values, sample.baselines.jinshan);
    const send = async (explanations?: Record<string, string>) => {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(bytes)]), '金山园-2026-填报表.xlsx');
      if (explanations) form.set('explanations', JSON.stringify(explanations));
      const r = await fetch(`${base}/returns/jinshan/2026/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token('jinshan-statistician')}` },
        body: form,
      });
      return { status: r.status, body: (await r.json()) as any };
    };
    const refused = await send();
    expect(refused.status).toBe(422);
    const row = layoutTemplate(template, 'zh').rows.find((r) => r.fieldKey === 'pct_applications')!.row;
    const issue = refused.body.error.issues.find((i: { path: string }) => i.path === 'figures.pct_applications');
    expect(issue.message.zh).toMatch(new RegExp(`^第${row}行「[^」]*PCT[^」]*」（本期数）：`));
    expect(issue.params.row).toBe(row);
    const accepted = await send({ 'field:pct_applications': '本年未提交 PCT 申请,已与统计局核实。' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body.explanations['field:pct_applications']).toBe('本年未提交 PCT 申请,已与统计局核实。');
    // A malformed explanations part is refused, not ignored.
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(bytes)]));
    form.set('explanations', '{not json');
    const bad = await fetch(`${base}/returns/jinshan/2026/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token('jinshan-statistician')}` },
      body: form,
    });
    expect(bad.status).toBe(400);
  });

  it('GET /consolidation/{period}.xlsx and /evaluation/{year}.xlsx answer the workbooks of what was stored', async () => {
    const { bytes } = await filled('minhang', '2025');
    expect(
      (await call(base, 'uploadReturnXlsx', { params: { park: 'minhang', period: '2025' }, token: token('minhang-statistician'), raw: { body: bytes } }))
        .status,
    ).toBe(201);
    const consolidation = await download('/consolidation/2025.xlsx', 'zone-consolidator');
    expect(consolidation.status).toBe(200);
    const wb = await loadWorkbook(consolidation.bytes);
    const summary = wb.getWorksheet('汇总')!;
    let row = 4;
    while (summary.getCell(`C${row}`).value !== 'operating_revenue') row += 1;
    const expected = ['jinshan', 'minhang'].map((p) => sample.years.find((y) => y.park === p)!.values.operating_revenue!);
    // The total of two parks' revenue, in 亿元 on 汇总.
    expect(shown(summary.getRow(row).getCell(5 + catalogue.parks.length)) as number).toBeCloseTo((expected[0]! + expected[1]!) / 10_000, 9);
    const evaluation = await download('/evaluation/2025.xlsx', 'zone-consolidator');
    expect(evaluation.status).toBe(200);
    expect(Object.keys(unzipSync(evaluation.bytes)).filter((f) => f.startsWith('xl/charts/'))).toHaveLength(
      catalogue.parks.filter((p) => p.plan.startYear <= 2025).length,
    );
    expect(strFromU8(unzipSync(evaluation.bytes)['xl/workbook.xml']!)).toContain('name="金山园"');
    expect((await download('/evaluation/2025.xlsx', 'jinshan-statistician')).status).toBe(403);
  });
});
