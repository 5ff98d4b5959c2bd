import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { layoutTemplate, type TemplateModel } from '@zj/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplateWorkbook } from '../../functions/src/demo/fill-template-workbook.js';
import { makeSampleData } from '../../functions/src/demo/make-sample-data.js';
import { convertWithLibreOffice } from '../../functions/src/workbooks/libreoffice.js';
import { loadCatalogue } from '@zj/shared';
import { PANE_WIDTH, PaneSession, api, cspViolations, noticeText, switchLanguage, waitIdle } from './pane-session.js';

/**
 * The same pane opened in a browser outside Excel, as on a desk where add-ins do not run (WPS):
 * the statistician of 闵行园 downloads the template, fills it as WPS would (here exceljs, and
 * LibreOffice for the file saved in the wrong format), uploads it, reads each problem by row and
 * indicator, corrects the file, writes the explanation of a warning in the pane and submits the
 * same file again, then gets the receipt and the history; the reviewer returns it with a comment;
 * the consolidator follows the status, locks the period and downloads both workbooks. No Excel
 * anywhere. Every screen in Chinese and English, the whole pane, in test-artifacts/browser-path/.
 */
const PARK = 'minhang';
const sample = makeSampleData(loadCatalogue(), { years: [2025] });
const values = sample.years.find((y) => y.park === PARK)!.values;

let s: PaneSession;
let page: Page;
let template: TemplateModel;
let downloaded: Buffer;

async function chooseFile(name: string, bytes: Buffer, mimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): Promise<void> {
  await page.getByTestId('file').setInputFiles({ name, mimeType, buffer: bytes });
  await page.getByTestId('chosen-file').getByText(name).waitFor();
}

async function edit(bytes: Uint8Array, change: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  change(wb.getWorksheet('填报表')!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const rowOf = (key: string) => layoutTemplate(template, 'zh').rows.find((r) => r.fieldKey === key)!.row;

describe('the pane in a browser outside Excel (the WPS path) against the local stack', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    s = await PaneSession.start('browser-path');
    page = await s.openPane({ excel: false, downloads: true });
    template = (await api<TemplateModel>(s.stack, 'GET', `/templates/${PARK}/2025`, s.stack.tokens[`${PARK}-statistician`]!)).body;
  }, 240_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('signs in: the statistician gets the browser path, said in a line, instead of “not in Excel”', async () => {
    await s.signIn(page, `${PARK}-statistician`);
    await page.getByTestId('period').selectOption('2025');
    await page.getByTestId('upload-view').waitFor();
    expect(await page.getByTestId('browser-mode').textContent()).toContain('WPS');
    expect(await page.getByTestId('get-template').count()).toBe(0);
    await s.shoot(page, 'signed-in', { zh: '浏览器中登录：下载模板、上传文件', en: 'Signed in in a browser: download, upload' });
  });

  it('downloads the template (.xlsx)', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-template').click()]);
    expect(download.suggestedFilename()).toBe('闵行园-2025-填报表.xlsx');
    downloaded = readFileSync((await download.path())!);
    expect(downloaded.subarray(0, 2).toString()).toBe('PK');
    await noticeText(page, '模板已下载');
    await s.shoot(page, 'downloaded', { zh: '模板已下载', en: 'Template downloaded' });
  });

  it('a file saved as .ods is refused with how to save it as .xlsx', async () => {
    const filled = await fillTemplateWorkbook(downloaded, template, values, sample.baselines[PARK]);
    await chooseFile(
      '闵行园-2025-填报表.ods',
      await convertWithLibreOffice(filled, 'ods', { recalculate: false }),
      'application/vnd.oasis.opendocument.spreadsheet',
    );
    await page.getByTestId('upload').click();
    const text = await noticeText(page, 'OpenDocument');
    expect(text).toContain('另存为');
    await s.shoot(page, 'ods-refused', { zh: '.ods 文件：请另存为 .xlsx', en: '.ods: save it as .xlsx' });
    // LibreOffice's first start with a fresh profile took 44 s alone and over 120 s beside other
    // tests on 2 cores: the test allows the conversion its own limit (180 s) and the rest.
  }, 240_000);

  it('a file whose rows were sorted is refused once: sort them back by 序号', async () => {
    const filled = await fillTemplateWorkbook(downloaded, template, values, sample.baselines[PARK]);
    const sorted = await edit(filled, (ws) => {
      const layout = layoutTemplate(template, 'zh');
      const rows = layout.rows.map((r) => layout.columns.map((c) => ws.getCell(`${c.letter}${r.row}`).value));
      rows
        .reverse()
        .forEach((v, i) => layout.columns.forEach((c, j) => (ws.getCell(`${c.letter}${layout.firstDataRow + i}`).value = v[j] as ExcelJS.CellValue)));
    });
    await chooseFile('闵行园-2025-填报表(排序后).xlsx', sorted);
    await page.getByTestId('upload').click();
    expect(await noticeText(page, '行顺序')).toContain('请按“序号”列从小到大排序后再上传');
    await s.shoot(page, 'rows-sorted', { zh: '行被排序：请按序号排序后再上传', en: 'Rows sorted: sort by No. and upload again' });
  });

  it('uploads the filled file: each problem by row and indicator, in words', async () => {
    // 营业收入 typed with a unit of count; 当年PCT申请量 answered 无, which needs a reason.
    const filled = await fillTemplateWorkbook(downloaded, template, { ...values, operating_revenue: '500家', pct_applications: '无' }, sample.baselines[PARK]);
    await chooseFile('闵行园-2025-填报表.xlsx', filled);
    await page.getByTestId('upload').click();
    await noticeText(page, '未报送');
    expect(await noticeText(page, '未报送')).toContain('1 处错误');
    const group = page.locator('[data-testid="issue-group"][data-key="field:operating_revenue"]');
    expect(await group.textContent()).toContain(`第 ${rowOf('operating_revenue')} 行 · 营业收入`);
    expect(await group.textContent()).toContain('「500家」中的单位「家」与本栏单位万元不是同一种量');
    expect(await page.locator('[data-testid="issues"]').textContent()).not.toMatch(/figure_|operating_revenue|value_declared/);
    await s.shoot(page, 'upload-refused', { zh: '上传后的答复：按行号和指标列出问题', en: 'The answer: problems by row and indicator' });
  });

  it('corrects the file; the warning left is explained in the pane and the same file goes again', async () => {
    const corrected = await fillTemplateWorkbook(downloaded, template, { ...values, pct_applications: '无' }, sample.baselines[PARK]);
    await chooseFile('闵行园-2025-填报表(改正).xlsx', corrected);
    await page.getByTestId('upload').click();
    expect(await noticeText(page, '未报送')).toContain('写明原因');
    const box = page.getByTestId('explanation');
    await box.fill('本年度园区企业未提交 PCT 国际专利申请，已与区统计局核实。');
    await s.shoot(page, 'explain', { zh: '写明提示的原因，随同一文件重新报送', en: 'Explain the warning; the same file goes again' });
    await page.getByTestId('resubmit').click();
    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('receipt').textContent()).toContain('第 1 版');
    await page.getByTestId('history').waitFor();
    const stored = await api<{ versions: Array<{ source: string }> }>(s.stack, 'GET', `/returns/${PARK}/2025`, s.stack.tokens[`${PARK}-statistician`]!);
    expect(stored.body.versions.map((v) => v.source)).toEqual(['upload']);
    await s.shoot(page, 'receipt', { zh: '报送成功：回执与历史版本', en: 'Submitted: receipt and history' });
  });

  it('the reviewer, in a browser, returns it with a comment', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await s.signIn(page, `${PARK}-reviewer`);
    await page.getByTestId('period').selectOption('2025');
    await page.getByTestId('submission').waitFor();
    await waitIdle(page);
    expect(await page.getByTestId('explanation-text').first().textContent()).toContain('PCT');
    await s.shoot(page, 'review', { zh: '审核（浏览器）：报送数据与说明', en: 'Review in a browser' });
    await page.getByTestId('review-comment').fill('请核对营业收入口径后重新报送。');
    await page.getByTestId('return').click();
    await noticeText(page, '已退回第 1 版');
    await s.shoot(page, 'returned', { zh: '退回并附意见', en: 'Returned with a comment' });
  });

  it('the consolidator, in a browser, follows the status, locks the period and downloads both workbooks', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await s.signIn(page, 'zone-consolidator');
    await page.getByTestId('period').selectOption('2025');
    await page.getByTestId('status-table').waitFor();
    await waitIdle(page);
    const row = page.getByTestId('status-table').locator('tbody tr', { hasText: '闵行园' });
    expect(await row.textContent()).toContain('已退回');
    await page.getByRole('button', { name: '锁定报告期' }).click();
    await page.getByRole('button', { name: '解除锁定' }).waitFor();
    await waitIdle(page);
    // The lock is said, and shown beside the status for as long as it holds.
    expect(await noticeText(page, '已锁定')).toContain('2025年 年报');
    expect(await page.getByTestId('period-locked').textContent()).toBe('已锁定');
    for (const [card, name] of [
      ['download-consolidation', '汇总表（2025）.xlsx'],
      ['download-evaluation', '年度评估（2025）.xlsx'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`${card}-download`).click()]);
      expect(download.suggestedFilename()).toBe(name);
      expect(
        readFileSync((await download.path())!)
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
      await noticeText(page, `已下载：${name}`);
    }
    const lock = await api<{ locked: boolean }>(s.stack, 'GET', '/status/2025', s.stack.tokens['zone-consolidator']!);
    expect(lock.body.locked).toBe(true);
    await s.shoot(page, 'consolidator', { zh: '汇总（浏览器）：状态、锁定、下载工作簿', en: 'Consolidator in a browser: status, lock, downloads' });
  });

  it('nothing is wider than the pane at 320 px, in either language; a state badge keeps its words on one line inside it', async () => {
    // The newest period: parks that have not submitted yet ("Not submitted", the longest state in English).
    await page.getByTestId('period').selectOption({ index: 0 });
    await page.getByTestId('status-table').waitFor();
    await waitIdle(page);
    for (const lang of ['en', 'zh'] as const) {
      await switchLanguage(page, lang);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
      const badges = await page.getByTestId('state').evaluateAll((els) =>
        els.map((el) => ({
          text: el.textContent ?? '',
          fits: el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1,
          height: el.getBoundingClientRect().height,
        })),
      );
      expect(badges.length).toBeGreaterThan(0);
      for (const badge of badges) expect(badge, badge.text).toMatchObject({ fits: true });
      expect(new Set(badges.map((b) => b.height)).size).toBe(1);
    }
  });

  it('ran every step under the pane’s Content-Security-Policy with nothing refused', async () => {
    expect(await cspViolations(page)).toEqual([]);
  });
});
