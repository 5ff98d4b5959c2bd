import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { layoutTemplate, validateReturn, type ReturnInput, type TemplateModel } from '@zj/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin } from '../../addin/scripts/build.js';
import { DEV_BASE_URL } from '../../addin/scripts/render-manifest.js';
import type { FakeExcel, FakeSnapshot } from '../../addin/test/fake-excel/fake-excel.js';
import { fakeExcelScript } from './fake-excel-script.js';
import { renderComposite } from './render-sheet.js';
import { DIST, startStack, type Stack } from './start-stack.js';

/**
 * The built task pane in Debian's Chromium, with office.js from @microsoft/office-js and a fake
 * Excel injected before it, against the real local stack (Azurite + the API adapter serving
 * addin/dist): sign in → get template → fill (one wrong figure) → validate (the figures become
 * the server draft) → see the highlight → fix → explain a warning → the consolidator, in a pane
 * of their own, sees the park as 草稿 → submit (through a dropped connection and a retry) →
 * receipt, then the reviewer approves. Each step is saved as a picture of the sheet beside the pane in
 * test-artifacts/addin/.
 */
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/addin/', import.meta.url));
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
const PARK = 'jinshan';
const SHEET = '填报表';

/** Last year's figures of 金山园 (seeded through the API), and this year's as the statistician types them. */
const FIGURES_2024: Record<string, number> = {
  hnte_cumulative: 420,
  pct_applications: 86,
  incubators_national_or_hq: 5,
  leading_industries_talent: 28500,
  rd_institutions_municipal: 46,
  talent_apartments: 2300,
  chemical_new_materials_scale: 4200000,
  biomedicine_scale: 1150000,
  electronic_info_scale: 680000,
  biomedicine_signed_investment: 320000,
  drug_registration_approvals: 6,
  chain_enterprises_introduced: 18,
  hnte_valid: 395,
  unicorn_hidden_champion: 12,
  hq_incubators: 3,
  leading_industries_scale: 6300000,
  operating_revenue: 12800000,
  rd_expenditure: 384000,
  leading_industries_revenue: 6500000,
};
/** About 8% more; PCT applications +65%: a warning that needs an explanation. */
const FIGURES_2025: Record<string, number> = Object.fromEntries(
  Object.entries(FIGURES_2024).map(([k, v]) => [k, k === 'pct_applications' ? 142 : Number.isInteger(v) && v < 100000 ? Math.round(v * 1.08) : Math.round(v * 1.08 * 100) / 100]),
);
/** 研发经费支出 typed with two zeros too many: larger than the whole revenue. */
const WRONG = { field: 'rd_expenditure', value: '41472000' };

let stack: Stack;
let browser: Browser;
let page: Page;
let sheetPage: Page;
let fakeScript: string;
let step = 0;

async function api<T>(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${stack.api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function snapshot(on: Page = page): Promise<FakeSnapshot> {
  return on.evaluate(() => (window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel.snapshot());
}

/** Saves the pane, and the pane beside its sheet, for this step (`on`: another user's pane). */
async function shoot(name: string, caption: string, on: Page = page): Promise<void> {
  step += 1;
  const file = `${String(step).padStart(2, '0')}-${name}`;
  const pane = await on.screenshot({ fullPage: false });
  writeFileSync(`${ARTIFACTS}${file}-pane.png`, pane);
  await sheetPage.setContent(renderComposite(await snapshot(on), pane, `${step}. ${caption}`));
  await sheetPage.screenshot({ path: `${ARTIFACTS}${file}.png`, fullPage: false });
}

/** A task pane at 320 px with the fake Excel, offline but for the local stack. */
async function openPane(): Promise<Page> {
  const pane = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: 'zh-CN' });
  pane.setDefaultTimeout(90_000);
  await pane.addInitScript({ content: fakeScript });
  // What the pane's Content-Security-Policy refuses, kept for the last step to read.
  await pane.addInitScript({
    content: `window.__zjCspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.__zjCspViolations.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + ' ' + e.sample));`,
  });
  const local = new URL(stack.origin);
  await pane.route('**/*', (route) => (new URL(route.request().url()).host === local.host ? route.continue() : route.abort()));
  pane.on('pageerror', (error) => console.error('[page error]', error));
  await pane.goto(`${stack.origin}/taskpane.html`);
  return pane;
}

async function cell(address: string): Promise<FakeSnapshot['sheets'][number]['cells'][string] | undefined> {
  const snap = await snapshot();
  return snap.sheets.find((s) => s.name === SHEET)?.cells[address];
}

async function user(action: 'typeInto' | 'paste', address: string, value: string): Promise<string | null> {
  return page.evaluate(([a, addr, v, sheet]) => (window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel[a as 'typeInto'](sheet!, addr!, v!), [action, address, value, SHEET] as const);
}

/** Waits for the message that says `expected` (not whatever message is still showing), returns its text. */
async function noticeText(expected: string | RegExp): Promise<string> {
  const bar = page.locator('[data-testid^="notice-"]', { hasText: expected });
  await bar.first().waitFor();
  return (await bar.first().textContent()) ?? '';
}

async function waitIdle(): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[role="progressbar"]'));
}

// Each step waits on a real browser, API and Azurite; on a loaded 2-core CI machine a step that
// builds a workbook can take well over the default 30 s, so steps get two minutes.
describe('the task pane in Chromium against the local stack', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    await buildAddin({ baseUrl: DEV_BASE_URL, apiBaseUrl: null, officeJs: 'local', minify: true, outDir: DIST });
    fakeScript = fakeExcelScript();
    stack = await startStack();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    // 320 px: the narrowest task pane Excel shows. No internet here: office.js's telemetry and
    // anything else off the stack is refused at once (openPane).
    page = await openPane();
    sheetPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('seeds last year’s return through the API, so this year has figures to compare with', async () => {
    const token = stack.tokens[`${PARK}-statistician`]!;
    const tpl = await api<TemplateModel>('GET', `/templates/${PARK}/2024`, token);
    expect(tpl.status).toBe(200);
    const input: ReturnInput = { templateVersion: tpl.body.version, figures: {}, baselines: {} };
    for (const f of tpl.body.fields) {
      if (!f.derived) input.figures[f.key] = FIGURES_2024[f.key] ?? 1;
      if (f.baseline !== null && f.baseline.value === null) input.baselines![f.key] = FIGURES_2024[f.key] ?? 1;
    }
    const checked = validateReturn(tpl.body, input);
    expect(checked.errorCount).toBe(0);
    input.explanations = Object.fromEntries(checked.unexplained.map((k) => [k, '上年数据']));
    const submitted = await api('POST', `/returns/${PARK}/2024`, token, input);
    expect(submitted.status).toBe(201);
  });

  it('builds a production manifest into dist that office-addin-manifest reads', async () => {
    const { OfficeAddinManifest } = await import('office-addin-manifest');
    const info = await OfficeAddinManifest.readManifestFile(`${DIST}/manifest.xml`);
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_BASE_URL}/taskpane.html`);
  });

  it('signs in with a demo token; the park picker shows only the statistician’s park', async () => {
    await page.getByTestId('token').waitFor();
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('object');
    // The API runs in local development mode (dev tokens): the pane offers the demo-token field, and no work-account button.
    expect(await page.getByTestId('sign-in-entra').count()).toBe(0);
    await shoot('sign-in', '登录：本地开发环境，接口接受演示令牌');
    await page.getByTestId('token').fill(stack.tokens[`${PARK}-statistician`]!);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('get-template').waitFor();
    await waitIdle();
    expect(await page.getByTestId('who').textContent()).toContain('金山园统计员');
    const park = page.getByTestId('park');
    expect(await park.locator('option').allTextContents()).toEqual(['金山园']);
    expect(await park.isDisabled()).toBe(true);
    await page.getByTestId('period').selectOption('2025');
    await shoot('signed-in', '已登录：园区固定为本园区，选择报告期 2025 年报');
  });

  it('gets the template: the shared layout is written into the sheet', async () => {
    await page.getByTestId('get-template').click();
    expect(await noticeText('模板已写入“填报表”工作表')).toContain('共 21 项指标');
    const snap = await snapshot();
    const sheet = snap.sheets.find((s) => s.name === SHEET)!;
    expect(sheet.protected).toBe(true);
    expect(snap.sheets.find((s) => s.name === '_meta')?.visibility).toBe('VeryHidden');
    expect(Object.keys(snap.names).sort()).toEqual(['ZJ_BASELINES', 'ZJ_EXPLANATIONS', 'ZJ_VALUES']);
    expect(sheet.cells['B4']?.value).toBe('指标');
    await shoot('template', '获取模板：黄色为填写单元格，比例由公式计算，其余锁定');
  });

  it('fills the sheet, with one figure two zeros too large', async () => {
    const token = stack.tokens[`${PARK}-statistician`]!;
    const template = (await api<TemplateModel>('GET', `/templates/${PARK}/2025`, token)).body;
    const layout = layoutTemplate(template, 'zh');
    expect(template.fields.find((f) => f.key === 'pct_applications')?.previous).toBe(86);
    for (const row of layout.rows) {
      const value = FIGURES_2025[row.fieldKey];
      if (value === undefined) continue;
      if (row.cells.value?.kind === 'input') {
        const typed = row.fieldKey === WRONG.field ? WRONG.value : String(value);
        expect(await user('typeInto', `E${row.row}`, typed)).toBeNull();
      }
      if (row.cells.baseline?.kind === 'input') expect(await user('typeInto', `G${row.row}`, String(FIGURES_2024[row.fieldKey]))).toBeNull();
    }
    // Excel's own validation stops text typed into a number cell, and locked cells refuse typing…
    expect(await user('typeInto', 'E7', '四百')).toBe('invalid');
    expect(await user('typeInto', 'B7', 'x')).toBe('locked');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot('filled', '填写：研发经费支出多打了两个 0（41,472,000 万元）');
  });

  it('validates: the wrong figure is an error, highlighted in red with its message; a click selects its cell', async () => {
    // The server draft is best effort: with its request dropped, validation still answers, and
    // the failure is one quiet line.
    const draftUrl = `${stack.api}/returns/${PARK}/2025/draft`;
    await page.route(draftUrl, (route) => route.abort('internetdisconnected'));
    await page.getByTestId('validate').click();
    expect(await noticeText(/[1-9]\d* 个错误/)).toContain('个提示');
    await waitIdle();
    await page.unroute(draftUrl);
    expect(await page.getByTestId('draft-note').getAttribute('data-state')).toBe('not_saved');
    expect(await page.getByTestId('draft-note').textContent()).toContain('草稿未能保存到服务器');
    const rowOf = await rowOfField(WRONG.field);
    expect((await cell(`E${rowOf}`))?.fill).toBe('#FFC7CE');
    expect(String((await cell(`I${rowOf}`))?.value)).toMatch(/^✖ /);
    const issue = page.locator(`[data-testid="issue"][data-path="figures.${WRONG.field}"]`).first();
    await issue.waitFor();
    await shoot('validated', '校验：错误标红，“校验”列写明原因；提示标橙');
    await issue.click();
    await page.waitForFunction((address) => (window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel.state.selection?.address === address, `E${rowOf}`);
    await shoot('issue-selected', '点击问题：选中对应单元格');
  });

  it('fixes the figure; the second validation leaves one warning, explained in the pane and saved in the sheet', async () => {
    const rowOf = await rowOfField(WRONG.field);
    expect(await user('typeInto', `E${rowOf}`, String(FIGURES_2025[WRONG.field]))).toBeNull();
    await page.getByTestId('validate').click();
    await noticeText('0 个错误，1 个提示（1 个尚未说明）');
    await waitIdle();
    // This time the figures became the server draft.
    expect(await page.getByTestId('draft-note').getAttribute('data-state')).toBe('saved');
    expect(await page.getByTestId('draft-note').textContent()).toContain('草稿已保存到服务器');
    expect((await cell(`E${rowOf}`))?.fill).toBe('#FFF2CC');
    const pctRow = await rowOfField('pct_applications');
    expect((await cell(`E${pctRow}`))?.fill).toBe('#F8CBAD');
    await shoot('fixed', '改正后再校验：只剩一个提示（PCT 申请量增长 65%）');
    const box = page.getByTestId('explanation');
    await box.fill('本年新引进两家创新药企业，PCT 国际专利申请集中提交，增长属实。');
    await box.blur();
    await page.waitForFunction(
      (address) => String((window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel.valueOf('填报表', address)).startsWith('本年新引进'),
      `J${pctRow}`,
    );
    await shoot('explained', '说明原因：写入工作表“说明”列（草稿保存在工作表中）');
  });

  it('before the submission, the consolidator sees 金山园 as 草稿 (draft): validate saved it on the server', async () => {
    const draft = await api<{ input: ReturnInput; savedBy: { id: string } }>('GET', `/returns/${PARK}/2025/draft`, stack.tokens['zone-consolidator']!);
    expect(draft.status).toBe(200);
    expect(draft.body.savedBy.id).toBe(`${PARK}-statistician`);
    expect(draft.body.input.figures[WRONG.field]).toBe(FIGURES_2025[WRONG.field]); // the second validation's, fixed
    const zone = await openPane();
    try {
      await zone.getByTestId('token').fill(stack.tokens['zone-consolidator']!);
      await zone.getByTestId('sign-in').click();
      await zone.getByTestId('period').selectOption('2025');
      await zone.getByTestId('status-table').waitFor();
      await zone.waitForFunction(() => !document.querySelector('[role="progressbar"]'));
      const row = zone.getByTestId('status-table').locator('tbody tr', { hasText: '金山园' });
      await row.getByText('草稿').waitFor();
      expect(await row.getByTestId('state').textContent()).toBe('草稿');
      await shoot('draft-status', '汇总方：校验后、提交前，金山园显示“草稿”（服务器草稿）', zone);
    } finally {
      await zone.close();
    }
    expect((await api<{ versions: unknown[] }>('GET', `/returns/${PARK}/2025`, stack.tokens[`${PARK}-statistician`]!)).body.versions).toHaveLength(0);
  });

  it('submits through a dropped connection: nothing is lost, Retry stores one version and shows the receipt', async () => {
    const submitUrl = `${stack.api}/returns/${PARK}/2025`;
    let dropped = 0;
    await page.route(submitUrl, (route) => {
      dropped += 1;
      return route.abort('internetdisconnected');
    });
    await page.getByTestId('submit').click();
    await page.getByTestId('action-retry').waitFor();
    await noticeText('数据仍在工作表中');
    expect(dropped).toBeGreaterThanOrEqual(1);
    await shoot('network-failed', '网络中断：提示数据仍在工作表中，可重试');
    await page.unroute(submitUrl);
    await page.getByTestId('action-retry').click();
    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('receipt').textContent()).toContain('第 1 版');
    const history = await api<{ versions: unknown[] }>('GET', `/returns/${PARK}/2025`, stack.tokens[`${PARK}-statistician`]!);
    expect(history.body.versions).toHaveLength(1);
    await shoot('receipt', '提交成功：报送回执（第 1 版）');
  });

  it('shows the history', async () => {
    await page.getByTestId('history-button').click();
    await page.getByTestId('version').first().waitFor();
    await page.getByTestId('history').scrollIntoViewIfNeeded();
    await shoot('history', '历史版本');
  });

  it('the reviewer sees the submission with its explanation and approves it', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByTestId('token').fill(stack.tokens[`${PARK}-reviewer`]!);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('period').selectOption('2025');
    await page.getByTestId('submission').waitFor();
    await waitIdle();
    expect(await page.getByTestId('park').locator('option').allTextContents()).toEqual(['金山园']);
    expect(await page.getByTestId('who').textContent()).toContain('金山园审核 · 审核 · 金山园');
    expect(await page.getByTestId('explanation-text').first().textContent()).toContain('本年新引进');
    await shoot('review', '审核：查看报送数据与提示说明');
    await page.getByTestId('approve').click();
    await noticeText('已审核通过第 1 版');
    await shoot('approved', '审核通过');
  });

  it('the consolidator sees who has submitted and opens the consolidated workbook in Excel', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByTestId('token').fill(stack.tokens['zone-consolidator']!);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('period').selectOption('2025');
    await page.getByTestId('status-table').waitFor();
    await waitIdle();
    const rows = await page.getByTestId('status-table').locator('tbody tr').allTextContents();
    expect(rows.find((r) => r.includes('金山园'))).toContain('审核通过');
    expect(rows.find((r) => r.includes('闵行园'))).toMatch(/未报送|逾期未报/); // late or not depends on today's date
    await shoot('status', '汇总：填报状态');
    await page.getByTestId('download-consolidation').getByRole('button', { name: '在新工作簿中打开' }).click();
    await noticeText('已在新的 Excel 工作簿中打开');
    const created = await page.evaluate(() => (window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel.state.createdWorkbooks);
    expect(created).toHaveLength(1);
    expect(created[0]).toBeGreaterThan(1000);
    // ExcelApi 1.13: the evaluation workbook's sheets go into the open workbook.
    await page.getByTestId('download-evaluation').getByRole('button', { name: '插入到当前工作簿' }).click();
    await noticeText('已将工作表插入当前工作簿');
    await waitIdle();
    const inserted = await page.evaluate(() => (window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel.state.insertedWorkbooks);
    expect(inserted).toHaveLength(1);
    await shoot('downloads', '汇总表在新工作簿中打开；年度评估插入当前工作簿（ExcelApi 1.13）');
  });

  it('switches to English, and is usable by keyboard at 320 px', async () => {
    await page.getByTestId('lang').click();
    await page.getByText('Submission status', { exact: true }).first().waitFor();
    // Nothing wider than the pane: no horizontal scrolling at 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // The language switch and every action are reachable with Tab.
    await page.locator('body').focus();
    const reached = new Set<string>();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? document.activeElement?.tagName ?? ''));
    }
    expect(reached).toContain('lang');
    expect(reached).toContain('period');
    await shoot('english', 'English UI (follows Office display language by default)');
  });

  it('ran every step under the pane’s Content-Security-Policy with nothing refused; Static Web Apps is given the same headers', async () => {
    const served = await fetch(`${stack.origin}/taskpane.html`);
    expect(served.headers.get('content-security-policy')).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
    expect(await page.evaluate(() => (window as unknown as { __zjCspViolations: string[] }).__zjCspViolations)).toEqual([]);
    const config = JSON.parse(readFileSync(`${DIST}/staticwebapp.config.json`, 'utf8')) as { globalHeaders: Record<string, string> };
    for (const [name, value] of Object.entries(config.globalHeaders)) expect([name, served.headers.get(name)]).toEqual([name, value]);
  });
});

async function rowOfField(key: string): Promise<number> {
  const snap = await snapshot();
  const cells = snap.sheets.find((s) => s.name === SHEET)!.cells;
  const hit = Object.entries(cells).find(([address, c]) => address.startsWith('C') && c.value === key);
  if (!hit) throw new Error(`no row for ${key}`);
  return Number(hit[0].slice(1));
}
