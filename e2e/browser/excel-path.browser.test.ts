import { layoutTemplate, validateReturn, type ReturnInput, type TemplateModel } from '@zj/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeExcel } from '../../addin/test/fake-excel/fake-excel.js';
import { DEV_BASE_URL } from '../../addin/scripts/render-manifest.js';
import { PANE_WIDTH, PaneSession, api, cspViolations, expectServedHeaders, noticeText, snapshot, switchLanguage, waitIdle } from './pane-session.js';

/**
 * The task pane in Excel: the built pane in Debian's Chromium, with office.js from
 * @microsoft/office-js and the fake Excel (whose requests are office.js's, byte for byte: see
 * office-js-requests.browser.test.ts) injected before it, against the real local stack. A
 * statistician of 金山园 whose workbook already has a sheet of their own named 填报表: offline at
 * sign-in → the template beside their sheet (after a protected workbook structure is lifted) →
 * 校验 of an empty sheet → a typo → fixed → a warning explained → a batch held by a cell edit →
 * the consolidator sees 草稿 → 提交 through a dropped connection → receipt, history; the reviewer
 * approves; the consolidator opens the workbooks, in Excel on the desktop and on the web. Every
 * screen is saved in Chinese and English, the sheet beside the pane, in test-artifacts/excel-path/.
 */
const PARK = 'jinshan';

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
  Object.entries(FIGURES_2024).map(([k, v]) => [
    k,
    k === 'pct_applications' ? 142 : Number.isInteger(v) && v < 100000 ? Math.round(v * 1.08) : Math.round(v * 1.08 * 100) / 100,
  ]),
);
/** 研发经费支出 typed with two zeros too many: larger than the whole revenue, and a share of 300%. */
const WRONG = { field: 'rd_expenditure', value: '41472000' };

let s: PaneSession;
let page: Page;
/** The template sheet: 填报表 (2), since the user's own sheet is called 填报表. */
let sheet = '填报表';

async function cell(address: string): Promise<ReturnType<typeof Object.values>[number] | undefined> {
  const snap = await snapshot(page);
  return snap.sheets.find((x) => x.name === sheet)?.cells[address];
}
async function fill(address: string): Promise<string | null> {
  return ((await cell(address)) as { fill?: string | null } | undefined)?.fill ?? null;
}
async function user(action: 'typeInto' | 'paste', address: string, value: string): Promise<string | null> {
  return page.evaluate(([a, addr, v, name]) => (window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel[a as 'typeInto'](name!, addr!, v!), [
    action,
    address,
    value,
    sheet,
  ] as const);
}
async function fake<T>(fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([f, a]) => (window as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>)['__zjFakeExcel']![f as string]!(...(a as unknown[])) as T,
    [fn, args] as const,
  );
}
async function rowOfField(key: string): Promise<number> {
  const snap = await snapshot(page);
  const hit = Object.entries(snap.sheets.find((x) => x.name === sheet)!.cells).find(([address, c]) => address.startsWith('C') && c.value === key);
  if (!hit) throw new Error(`no row for ${key}`);
  return Number(hit[0].slice(1));
}
const summary = () => page.getByTestId('validation-summary').textContent();

// Each step waits on a real browser, API and Azurite; on a loaded 2-core CI machine a step that
// builds a workbook can take well over the default 30 s, so steps get two minutes.
describe('the task pane in Excel (Chromium, office.js, the calibrated fake Excel) against the local stack', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    s = await PaneSession.start('excel-path');
    page = await s.openPane({ excel: true });
  }, 240_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('seeds last year’s return through the API, so this year has figures to compare with', async () => {
    const token = s.stack.tokens[`${PARK}-statistician`]!;
    const tpl = await api<TemplateModel>(s.stack, 'GET', `/templates/${PARK}/2024`, token);
    expect(tpl.status).toBe(200);
    const input: ReturnInput = { templateVersion: tpl.body.version, figures: {}, baselines: {} };
    for (const f of tpl.body.fields) {
      if (!f.derived) input.figures[f.key] = FIGURES_2024[f.key] ?? 1;
      if (f.baseline !== null && f.baseline.value === null) input.baselines![f.key] = FIGURES_2024[f.key] ?? 1;
    }
    const checked = validateReturn(tpl.body, input);
    expect(checked.errorCount).toBe(0);
    input.explanations = Object.fromEntries(checked.unexplained.map((k) => [k, '上年数据']));
    expect((await api(s.stack, 'POST', `/returns/${PARK}/2024`, token, input)).status).toBe(201);
  });

  it('builds a production manifest that office-addin-manifest reads', async () => {
    const { OfficeAddinManifest } = await import('office-addin-manifest');
    const info = await OfficeAddinManifest.readManifestFile(`${s.dist}/manifest.xml`);
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_BASE_URL}/taskpane.html`);
  });

  it('offline at sign-in: says the server cannot be reached, and nothing about a sheet (there is none yet)', async () => {
    await page.getByTestId('token').waitFor();
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('object');
    // The API runs in local development mode (dev tokens): the pane offers the demo-token field, and no work-account button.
    expect(await page.getByTestId('sign-in-entra').count()).toBe(0);
    await s.shoot(
      page,
      'sign-in',
      { zh: '登录：本地开发环境，接口接受演示令牌', en: 'Sign in: local development, the API takes demo tokens' },
      { sheet: true },
    );
    // Signing in asks the API who this is (GET /me): with the network down, the user is not signed in yet.
    const me = `${s.stack.api}/me`;
    await page.route(me, (route) => route.abort('internetdisconnected'));
    await page.getByTestId('token').fill(s.stack.tokens[`${PARK}-statistician`]!);
    await page.getByTestId('sign-in').click();
    const text = await noticeText(page, '网络连接失败');
    expect(text).not.toContain('工作表');
    expect(await page.getByTestId('who').count()).toBe(0);
    await s.shoot(
      page,
      'offline-at-sign-in',
      { zh: '登录时断网：只说连不上服务器', en: 'Offline at sign-in: says only that the server is out of reach' },
      { sheet: true },
    );
    await page.unroute(me);
    await page.getByTestId('action-retry').click();
    await page.getByTestId('get-template').waitFor();
    await waitIdle(page);
    expect(await page.getByTestId('who').textContent()).toContain('金山园统计员');
    expect(await page.getByTestId('park').locator('option').allTextContents()).toEqual(['金山园']);
    await page.getByTestId('period').selectOption('2025');
    await s.shoot(page, 'signed-in', { zh: '已登录：本园区，2025 年报', en: 'Signed in: own park, 2025 annual' }, { sheet: true });
  });

  it('a protected workbook structure is said as such, with Retry, and nothing is written', async () => {
    await page.evaluate(() => {
      const f = (window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel;
      // A sheet of the user's own that happens to be called 填报表: 30 rows of their data.
      f.addSheet('填报表');
      for (let r = 1; r <= 30; r++) {
        f.paste('填报表', `A${r}`, `园区企业${r}`);
        f.paste('填报表', `B${r}`, r * 37);
      }
      f.state.activeSheet = '填报表';
      f.state.structureProtected = true;
    });
    await page.getByTestId('get-template').click();
    expect(await noticeText(page, '工作簿结构受保护')).toContain('保护工作簿');
    expect(await page.getByTestId('action-retry').isVisible()).toBe(true);
    expect((await snapshot(page)).sheets.map((x) => x.name)).toEqual(['Sheet1', '填报表']);
    await s.shoot(
      page,
      'workbook-protected',
      { zh: '工作簿结构受保护：说明原因，可重试', en: 'Workbook structure protected: says so, Retry' },
      { sheet: true },
    );
  });

  it('gets the template beside the user’s own 填报表, which is left untouched', async () => {
    await page.evaluate(() => void ((window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel.state.structureProtected = false));
    await page.getByTestId('action-retry').click();
    const text = await noticeText(page, '未作任何改动');
    expect(text).toContain('“填报表 (2)”');
    sheet = '填报表 (2)';
    const snap = await snapshot(page);
    const own = snap.sheets.find((x) => x.name === '填报表')!;
    expect(own.cells['A30']?.value).toBe('园区企业30');
    expect(own.cells['B30']?.value).toBe(30 * 37);
    expect(own.protected).toBe(false);
    const tpl = snap.sheets.find((x) => x.name === sheet)!;
    expect(tpl.protected).toBe(true);
    expect(snap.sheets.find((x) => x.name === '_meta')?.visibility).toBe('VeryHidden');
    expect(snap.names['ZJ_VALUES']).toMatch(/^='填报表 \(2\)'!\$E\$5:\$E\$\d+$/);
    expect(tpl.cells['B4']?.value).toBe('指标');
    await s.shoot(
      page,
      'template',
      { zh: '获取模板：写入“填报表 (2)”，用户自己的“填报表”原样保留', en: "Template in 填报表 (2); the user's own 填报表 untouched" },
      { sheet: true },
    );
  });

  it('校验 of a sheet with nothing typed says 尚未填写: no wall of red, no empty draft', async () => {
    await page.getByTestId('validate').click();
    await page.getByTestId('validation-summary').waitFor();
    await waitIdle(page);
    expect(await summary()).toContain('尚未填写');
    expect(await page.getByTestId('issues').count()).toBe(0);
    expect(await page.getByTestId('draft-note').count()).toBe(0);
    expect(await fill(`E${await rowOfField('operating_revenue')}`)).toBe('#FFF2CC');
    const draft = await api(s.stack, 'GET', `/returns/${PARK}/2025/draft`, s.stack.tokens['zone-consolidator']!);
    expect(draft.status).toBe(404);
    await s.shoot(page, 'validated-empty', { zh: '空表校验：尚未填写', en: 'Validating an empty sheet: nothing filled in yet' }, { sheet: true });
  });

  it('fills the sheet, with one figure two zeros too large', async () => {
    const token = s.stack.tokens[`${PARK}-statistician`]!;
    const template = (await api<TemplateModel>(s.stack, 'GET', `/templates/${PARK}/2025`, token)).body;
    const layout = layoutTemplate(template, 'zh');
    for (const row of layout.rows) {
      const value = FIGURES_2025[row.fieldKey];
      if (value === undefined) continue;
      if (row.cells.value?.kind === 'input')
        expect(await user('typeInto', `E${row.row}`, row.fieldKey === WRONG.field ? WRONG.value : String(value))).toBeNull();
      if (row.cells.baseline?.kind === 'input') expect(await user('typeInto', `G${row.row}`, String(FIGURES_2024[row.fieldKey]))).toBeNull();
    }
    // Excel's own validation (the custom rule IF(ISTEXT(E7),TRUE,AND(ISNUMBER(E7),E7>=0,…)))
    // stops a number out of bounds; text passes to the validator, which reads 无, 3.4万 and
    // 1.2亿元 and refuses the rest with its own message (docs/domain.md, "Workbooks"); locked
    // cells refuse typing…
    const first = layout.rows.find(
      (r) => r.cells.value?.kind === 'input' && r.cells.value.validation?.min === 0 && FIGURES_2025[r.fieldKey] !== undefined && r.fieldKey !== WRONG.field,
    )!;
    expect(await user('typeInto', `E${first.row}`, '-1')).toBe('invalid');
    expect(await user('typeInto', `E${first.row}`, '四百')).toBeNull();
    expect(await user('typeInto', `E${first.row}`, String(FIGURES_2025[first.fieldKey]))).toBeNull();
    expect(await user('typeInto', `B${first.row}`, 'x')).toBe('locked');
  });

  it('validates: the typo is one error, under the figure typed, not also on the locked ratio; a click selects its cell', async () => {
    // The server draft is best effort: with its request dropped, validation still answers.
    const draftUrl = `${s.stack.api}/returns/${PARK}/2025/draft`;
    await page.route(draftUrl, (route) => route.abort('internetdisconnected'));
    await page.getByTestId('validate').click();
    await page.getByTestId('issues').waitFor();
    await waitIdle(page);
    await page.unroute(draftUrl);
    expect(await summary()).toMatch(/还有 1 处错误，1 个提示待说明。/);
    // The computed share the typo spoils is said under the figure typed, naming the share.
    expect(await page.locator(`[data-testid="issue-group"][data-key="field:${WRONG.field}"]`).textContent()).toContain('「企业研发经费支出占营业收入比重」：');
    expect(await page.getByTestId('draft-note').getAttribute('data-state')).toBe('not_saved');
    const rowOf = await rowOfField(WRONG.field);
    const shareRow = await rowOfField('rd_share');
    expect(await fill(`E${rowOf}`)).toBe('#FFC7CE');
    expect(await fill(`E${shareRow}`)).toBe('#F2F2F2');
    const groups = page.locator('[data-testid="issue-group"][data-key="field:rd_share"]');
    expect(await groups.count()).toBe(0);
    const group = page.locator(`[data-testid="issue-group"][data-key="field:${WRONG.field}"]`);
    expect(await group.textContent()).toContain(`第 ${rowOf} 行 · 研发经费支出`);
    await s.shoot(
      page,
      'validated',
      { zh: '校验：一处笔误只报一次，标在填写的单元格上', en: 'Validated: one typo, one error, on the cell typed' },
      { sheet: true },
    );
    await group.locator('[data-testid="issue"]').first().click();
    await page.waitForFunction(
      (address) => (window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel.state.selection?.address === address,
      `E${rowOf}`,
    );
    await s.shoot(page, 'issue-selected', { zh: '点击问题：选中对应单元格', en: 'A click selects the cell' }, { sheet: true });
  });

  it('fixes the figure; the warning left is explained in the pane, shown as saved, and the line above says so', async () => {
    const rowOf = await rowOfField(WRONG.field);
    expect(await user('typeInto', `E${rowOf}`, String(FIGURES_2025[WRONG.field]))).toBeNull();
    await page.getByTestId('validate').click();
    await page.getByTestId('draft-note').waitFor();
    await waitIdle(page);
    expect(await summary()).toMatch(/还有 1 个提示待说明。/);
    expect(await page.getByTestId('draft-note').getAttribute('data-state')).toBe('saved');
    expect(await fill(`E${rowOf}`)).toBe('#FFF2CC');
    const pctRow = await rowOfField('pct_applications');
    expect(await fill(`E${pctRow}`)).toBe('#F8CBAD');
    await s.shoot(
      page,
      'fixed',
      { zh: '改正后再校验：只剩一个提示（PCT 申请量增长 65%）', en: 'Fixed: one warning left (PCT applications +65%)' },
      { sheet: true },
    );
    const box = page.getByTestId('explanation');
    await box.fill('本年新引进两家创新药企业，PCT 国际专利申请集中提交，增长属实。');
    // The line above follows the typing; the explanation says when it reached the sheet.
    expect(await summary()).toContain('校验通过');
    await box.blur();
    await page.locator('[data-testid="explanation-state"][data-state="saved"]').waitFor();
    expect(String(((await cell(`J${pctRow}`)) as { value?: unknown } | undefined)?.value)).toMatch(/^本年新引进/);
    await s.shoot(
      page,
      'explained',
      { zh: '说明已写入工作表“说明”列；提示行更新为“校验通过”', en: 'Explanation saved in the sheet; the line says ready' },
      { sheet: true },
    );
  });

  it('a batch held by a cell being edited says so instead of spinning, and goes on after', async () => {
    await fake('startCellEdit');
    await page.getByTestId('validate').click();
    await page.getByText('Excel 正在编辑单元格').waitFor();
    await s.shoot(
      page,
      'cell-editing',
      { zh: '正在编辑单元格：提示按 Enter 结束编辑', en: 'A cell being edited: says to press Enter' },
      { sheet: true, busy: true },
    );
    await fake('finishCellEdit');
    await waitIdle(page);
    expect(await summary()).toContain('校验通过');
  });

  it('before the submission, the consolidator sees 金山园 as 草稿 (draft)', async () => {
    const zone = await s.openPane({ excel: true });
    try {
      await s.signIn(zone, 'zone-consolidator');
      await zone.getByTestId('period').selectOption('2025');
      await zone.getByTestId('status-table').waitFor();
      await waitIdle(zone);
      const row = zone.getByTestId('status-table').locator('tbody tr', { hasText: '金山园' });
      await row.getByText('草稿').waitFor();
      await s.shoot(
        zone,
        'draft-status',
        { zh: '汇总方：提交前金山园显示“草稿”', en: 'Consolidator: 金山园 is a draft before the submission' },
        { sheet: true },
      );
    } finally {
      await zone.close();
    }
  });

  it('submits through a dropped connection: the message says the figures are in the sheet; Retry stores one version', async () => {
    const submitUrl = `${s.stack.api}/returns/${PARK}/2025`;
    await page.route(submitUrl, (route) => route.abort('internetdisconnected'));
    await page.getByTestId('submit').click();
    await page.getByTestId('action-retry').waitFor();
    expect(await noticeText(page, '网络连接失败')).toContain('您填写的数据仍在工作表中，没有丢失。');
    await s.shoot(
      page,
      'network-failed',
      { zh: '网络中断：数据仍在工作表中，可重试', en: 'Network down: the figures are in the sheet, Retry' },
      { sheet: true },
    );
    await page.unroute(submitUrl);
    await page.getByTestId('action-retry').click();
    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('receipt').textContent()).toContain('第 1 版');
    const history = await api<{ versions: unknown[] }>(s.stack, 'GET', `/returns/${PARK}/2025`, s.stack.tokens[`${PARK}-statistician`]!);
    expect(history.body.versions).toHaveLength(1);
    await s.shoot(page, 'receipt', { zh: '提交成功：报送回执（第 1 版）', en: 'Submitted: the receipt (version 1)' }, { sheet: true });
    await page.getByTestId('history-button').click();
    await page.getByTestId('version').first().waitFor();
    await s.shoot(page, 'history', { zh: '历史版本', en: 'History' }, { sheet: true });
  });

  it('the reviewer sees the submission with its explanation and approves it', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await s.signIn(page, `${PARK}-reviewer`);
    await page.getByTestId('period').selectOption('2025');
    await page.getByTestId('submission').waitFor();
    await waitIdle(page);
    expect(await page.getByTestId('explanation-text').first().textContent()).toContain('本年新引进');
    await s.shoot(page, 'review', { zh: '审核：报送数据与提示说明', en: 'Review: figures and explained warnings' }, { sheet: true });
    await page.getByTestId('approve').click();
    await noticeText(page, '已审核通过第 1 版');
    await s.shoot(page, 'approved', { zh: '审核通过', en: 'Approved' }, { sheet: true });
  });

  it('the consolidator sees who has submitted and opens the workbooks in Excel', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await s.signIn(page, 'zone-consolidator');
    await page.getByTestId('period').selectOption('2025');
    await page.getByTestId('status-table').waitFor();
    await waitIdle(page);
    const rows = await page.getByTestId('status-table').locator('tbody tr').allTextContents();
    expect(rows.find((r) => r.includes('金山园'))).toContain('审核通过');
    await page.getByTestId('download-consolidation').getByRole('button', { name: '在新工作簿中打开' }).click();
    await noticeText(page, '已在新的 Excel 工作簿中打开');
    // ExcelApi 1.13 on the desktop: the evaluation's sheets go into the open workbook, charts and all.
    await page.getByTestId('download-evaluation').getByRole('button', { name: '插入到当前工作簿' }).click();
    await noticeText(page, '已将工作表插入当前工作簿');
    await waitIdle(page);
    const state = await page.evaluate(() => (window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel.state);
    expect([state.createdWorkbooks.length, state.insertedWorkbooks.length]).toEqual([1, 1]);
    await s.shoot(
      page,
      'downloads',
      { zh: '汇总表在新工作簿中打开；年度评估插入当前工作簿', en: 'Consolidation in a new workbook; evaluation inserted' },
      { sheet: true },
    );
  });

  it('in Excel on the web, the evaluation (it has charts) opens as a new workbook, and the pane says why', async () => {
    const web = await s.openPane({ excel: true, query: 'platform=OfficeOnline' });
    try {
      await s.signIn(web, 'zone-consolidator');
      await web.getByTestId('period').selectOption('2025');
      await web.getByTestId('status-table').waitFor();
      await waitIdle(web);
      const evaluation = web.getByTestId('download-evaluation');
      expect(await evaluation.getByRole('button', { name: '插入到当前工作簿' }).count()).toBe(0);
      expect(await evaluation.textContent()).toContain('Excel 网页版插入工作表时不带图表');
      expect(await web.getByTestId('download-consolidation').getByRole('button', { name: '插入到当前工作簿' }).count()).toBe(1);
      await evaluation.getByRole('button', { name: '在新工作簿中打开' }).click();
      await noticeText(web, '已在新的 Excel 工作簿中打开');
      expect(await web.evaluate(() => (window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel.state.createdWorkbooks.length)).toBe(1);
      await s.shoot(
        web,
        'web-evaluation',
        { zh: 'Excel 网页版：年度评估在新工作簿中打开（保留图表）', en: 'Excel on the web: the evaluation opens in a new workbook (charts kept)' },
        { sheet: true },
      );
    } finally {
      await web.close();
    }
  });

  it('in English at 320 px: messages on screen are rendered again, nothing is wider than the pane, the switch keeps to one line', async () => {
    await switchLanguage(page, 'en');
    await page.getByText('Submission status', { exact: true }).first().waitFor();
    // The last message, written in Chinese, now reads in English.
    expect(await page.locator('[data-testid^="notice-"]').first().textContent()).toContain('The sheets were inserted into this workbook.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
    const lang = await page.getByTestId('lang').boundingBox();
    expect(lang!.height).toBeLessThanOrEqual(32);
    // The language switch and every action are reachable with Tab.
    await page.locator('body').focus();
    const reached = new Set<string>();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? document.activeElement?.tagName ?? ''));
    }
    expect(reached).toContain('lang');
    expect(reached).toContain('period');
    await switchLanguage(page, 'zh');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
  });

  it('ran every step under the pane’s Content-Security-Policy with nothing refused; Static Web Apps is given the same headers', async () => {
    expect(await cspViolations(page)).toEqual([]);
    await expectServedHeaders(s);
  });
});
