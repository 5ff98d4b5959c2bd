import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { layoutTemplate, loadCatalogue, type TemplateModel } from '@zj/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin } from '../../addin/scripts/build.js';
import { DEV_BASE_URL } from '../../addin/scripts/render-manifest.js';
import type { FakeExcel, FakeSnapshot } from '../../addin/test/fake-excel/fake-excel.js';
import { demoUsers } from '../../functions/src/auth/demo-users.js';
import { entraUsersOf, startLocalOpenIdProvider, type LocalOpenIdProvider } from '../../functions/test/helpers/local-openid-provider.js';
import { fakeExcelScript } from './fake-excel-script.js';
import { startStack, type Stack } from './start-stack.js';
import { freePort } from '../../functions/test/helpers/free-port.js';

/**
 * Sign-in with Microsoft Entra ID, driven in Chromium: the pane built with an Entra
 * configuration (client id, authority, API scope) whose authority is a real OpenID provider on
 * loopback (functions/test/helpers/local-openid-provider.ts), the API in entra mode validating
 * that provider's tokens. MSAL.js does the authorization code flow with PKCE in a popup (the
 * flow of a browser tab; in Office it is nested app authentication or an Office dialog, which
 * need Office). Screenshots at 320 px, in Chinese and English, in test-artifacts/addin-entra/.
 */
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/addin-entra/', import.meta.url));
const PARK = 'jinshan';
const SHEET = '填报表';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

let provider: LocalOpenIdProvider;
let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let outDir: string;

async function shoot(name: string, on: Page = page): Promise<void> {
  await on.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: false });
}

async function snapshot(): Promise<FakeSnapshot> {
  return page.evaluate(() => (window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel.snapshot());
}

async function waitIdle(on: Page = page): Promise<void> {
  await on.waitForFunction(() => !document.querySelector('[role="progressbar"]'));
}

/** Signs `login` in at the provider's pages in the window MSAL sent there, until it closes or comes back to the pane's origin. */
async function signInAtProvider(popup: Page, login: string, shot?: string): Promise<void> {
  popup.setDefaultTimeout(60_000);
  if (process.env.ZJ_DEBUG_SIGNIN) {
    popup.on('framenavigated', (f) => console.log('[popup nav]', f.url()));
    popup.on('console', (m) => console.log('[popup console]', m.text()));
    popup.on('requestfailed', (r) => console.log('[popup failed]', r.url(), r.failure()?.errorText));
    popup.on('response', (r) => console.log('[popup resp]', r.status(), r.url()));
  }
  while (!popup.isClosed()) {
    const field = popup.locator('input[name="login"]');
    const consent = popup.locator('input[name="prompt"][value="consent"]');
    const state = await Promise.race([
      field.waitFor().then(() => 'login' as const),
      consent.waitFor({ state: 'attached' }).then(() => 'consent' as const),
      popup.waitForEvent('close').then(() => 'closed' as const),
      // Back at the pane's origin (the redirect page, or the dialog page): done here.
      popup.waitForURL((url) => url.href.startsWith(stack.origin)).then(() => 'closed' as const),
    ]).catch((e: unknown) => {
      if (process.env.ZJ_DEBUG_SIGNIN) console.log('[popup race]', e);
      return 'closed' as const;
    });
    if (process.env.ZJ_DEBUG_SIGNIN) console.log('[popup state]', state);
    if (state === 'closed') return;
    const at = popup.url();
    if (state === 'login') {
      await field.fill(login);
      await popup.locator('input[name="password"]').fill('any-password');
      if (shot) await shoot(shot, popup);
    }
    // The popup may close under the click (the redirect page closes it).
    await popup
      .locator('button[type="submit"]')
      .click()
      .catch(() => undefined);
    // On to the next page (the consent page, or the pane's redirect page, which closes the popup).
    for (let i = 0; i < 300 && !popup.isClosed() && popup.url() === at; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('sign-in with Microsoft Entra ID in Chromium, against a local OpenID provider', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const users = [
      ...entraUsersOf(demoUsers(loadCatalogue())),
      { login: 'newcomer', oid: '5d2f1c3b-0a9e-4f7d-8c6b-2e1a0f9d8c7b', name: '新同事', username: 'newcomer@zj-park.example.cn', roles: [] },
    ];
    provider = await startLocalOpenIdProvider({ users, redirectUris: [`${origin}/auth-redirect.html`] });
    outDir = mkdtempSync(join(tmpdir(), 'zj-addin-entra-'));
    await buildAddin({
      baseUrl: DEV_BASE_URL,
      apiBaseUrl: null,
      officeJs: 'local',
      minify: true,
      outDir,
      entra: { clientId: provider.paneClientId, authority: provider.issuer, apiScope: provider.apiScope },
    });
    stack = await startStack({
      staticDir: outDir,
      env: { ...provider.apiEnv, ACCESS_CONTACT: '张江管委会信息中心 021-5080 0000' },
      services: { entra: { fetch: provider.fetch, jwksCooldownMs: 0 } },
      port,
    });
    const fakeScript = fakeExcelScript();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    // The provider's certificate is made for this run: the context trusts it (and only this context exists).
    context = await browser.newContext({ viewport: { width: 320, height: 900 }, locale: 'zh-CN', ignoreHTTPSErrors: true });
    context.setDefaultTimeout(90_000);
    await context.addInitScript({ content: fakeScript });
    // Nothing but the stack and the provider: no internet here, and nothing else may be asked.
    const allowed = new Set([new URL(stack.origin).host, new URL(provider.authorityHost).host]);
    await context.route('**/*', (route) => (allowed.has(new URL(route.request().url()).host) ? route.continue() : route.abort()));
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('[page error]', error));
    if (process.env.ZJ_DEBUG_SIGNIN) {
      page.on('console', (m) => console.log('[pane console]', m.text()));
      page.on('requestfailed', (r) => console.log('[pane failed]', r.url(), r.failure()?.errorText));
      page.on('response', (r) => console.log('[pane resp]', r.status(), r.url()));
    }
    await page.goto(`${stack.origin}/taskpane.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await provider?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('offers the work account only: the API is not in local development mode, so no token field', async () => {
    await page.getByTestId('sign-in-entra').waitFor();
    expect(await page.getByTestId('sign-in-checking').count()).toBe(0);
    expect(await page.getByTestId('token').count()).toBe(0);
    expect(await page.getByTestId('sign-in-entra').textContent()).toContain('使用单位账号登录');
    await shoot('01-sign-in-zh');
  });

  it('signs in through the provider (authorization code + PKCE in a popup); the first screen shows name, role and park from GET /me', async () => {
    const popup = page.waitForEvent('popup');
    await page.getByTestId('sign-in-entra').click();
    await signInAtProvider(await popup, `${PARK}-statistician`, '02-provider-login');
    await page.getByTestId('me').waitFor();
    await waitIdle();
    expect(await page.getByTestId('me-name').textContent()).toBe('金山园统计员');
    expect(await page.getByTestId('me-role').textContent()).toBe('统计员');
    expect(await page.getByTestId('me-park').textContent()).toBe('金山园');
    expect(await page.getByTestId('me-method').textContent()).toBe('单位账号（Microsoft Entra ID）');
    expect(await page.getByTestId('who').textContent()).toContain('金山园统计员');
    expect(await page.getByTestId('token').count()).toBe(0);
    // The park picker holds the park Entra ID's app roles assigned, and nothing else.
    expect(await page.getByTestId('park').locator('option').allTextContents()).toEqual(['金山园']);
    // MSAL keeps the account, never our storage: no token of ours in localStorage.
    expect(await page.evaluate(() => localStorage.getItem('zj.session'))).toBeNull();
    await shoot('03-signed-in-zh');
  });

  it('shows the same in English', async () => {
    await page.getByTestId('lang').click();
    await page.getByTestId('me').waitFor();
    expect(await page.getByTestId('me-role').textContent()).toBe('Statistician');
    expect(await page.getByTestId('me-park').textContent()).toBe('Jinshan Park');
    expect(await page.getByTestId('me-method').textContent()).toBe('Work account (Microsoft Entra ID)');
    await shoot('04-signed-in-en');
    await page.getByTestId('lang').click(); // back to Chinese
    await page.getByTestId('me-role').filter({ hasText: '统计员' }).waitFor();
  });

  it('stays signed in when the pane is opened again (MSAL’s cache, no prompt)', async () => {
    await page.reload();
    await page.getByTestId('me').waitFor();
    expect(await page.getByTestId('me-name').textContent()).toBe('金山园统计员');
    await waitIdle();
  });

  it('answers a refused token with one silent retry; a second refusal asks to sign in again, and nothing typed is lost', async () => {
    await page.getByTestId('period').selectOption('2025');
    await page.getByTestId('get-template').click();
    await page.locator('[data-testid^="notice-"]', { hasText: '模板已写入' }).waitFor();
    await waitIdle();
    // The statistician types figures into the sheet.
    const token = await provider.signIn(`${PARK}-statistician`);
    const template = (await (await fetch(`${stack.api}/templates/${PARK}/2025`, { headers: { authorization: `Bearer ${token}` } })).json()) as TemplateModel;
    const rows = layoutTemplate(template, 'zh')
      .rows.filter((r) => r.cells.value?.kind === 'input')
      .slice(0, 4);
    for (const [i, row] of rows.entries()) {
      const typed = await page.evaluate(([addr, v, sheet]) => (window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel.typeInto(sheet!, addr!, v!), [
        `E${row.row}`,
        String(100 + i),
        SHEET,
      ] as const);
      expect(typed).toBeNull();
    }
    const typedValues = async () => {
      const cells = (await snapshot()).sheets.find((s) => s.name === SHEET)!.cells;
      return rows.map((r) => cells[`E${r.row}`]?.value);
    };
    expect(await typedValues()).toEqual([100, 101, 102, 103]);

    // The API never refuses a token it accepted a moment ago, so the test stands in for it: the
    // next template request is refused once (keys rolled over, say), as the API answers 401.
    const templates = '**/api/templates/**';
    const sent: string[] = [];
    const onRequest = (r: { url(): string; headers(): Record<string, string> }) => {
      if (r.url().includes('/api/templates/')) sent.push(r.headers().authorization ?? '');
    };
    page.on('request', onRequest);
    const refusal = {
      status: 401,
      contentType: 'application/json',
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
      body: JSON.stringify({
        error: {
          code: 'invalid_token',
          message: { zh: '身份令牌无效或已过期，请重新获取。', en: 'The identity token is invalid or has expired: get a new one.' },
        },
      }),
    };
    await page.route(templates, (route) => route.fulfill(refusal), { times: 1 });
    await page.getByTestId('get-template').click();
    await page.locator('[data-testid^="notice-"]', { hasText: '模板已写入' }).waitFor();
    await waitIdle();
    // Twice: refused, then sent again with a token MSAL refreshed silently; no prompt.
    expect(sent).toHaveLength(2);
    expect(sent[1]).not.toBe(sent[0]);
    expect(await page.locator('[data-testid="action-sign_in"]').count()).toBe(0);
    expect(await typedValues()).toEqual([100, 101, 102, 103]);

    // Refused for good: one silent retry, then the user is asked to sign in again.
    sent.length = 0;
    await page.route(templates, (route) => route.fulfill(refusal));
    await page.getByTestId('get-template').click();
    await page.locator('[data-testid="action-sign_in"]').waitFor();
    expect(sent).toHaveLength(2);
    expect(await page.locator('[data-testid="notice-error"]').textContent()).toMatch(/登录已失效，请重新登录。\s*您填写的数据仍在工作表中，没有丢失。/);
    expect(await typedValues()).toEqual([100, 101, 102, 103]);
    await shoot('05-sign-in-again-zh');
    // Signing in again (the provider still knows the user: the popup closes by itself) runs the refused operation once more.
    await page.unroute(templates);
    const popup = page.waitForEvent('popup');
    await page.getByTestId('action-sign_in').click();
    await signInAtProvider(await popup, `${PARK}-statistician`);
    await page.locator('[data-testid^="notice-"]', { hasText: '模板已写入' }).waitFor();
    await waitIdle();
    page.off('request', onRequest);
    expect(await page.getByTestId('me-name').textContent()).toBe('金山园统计员');
    expect(await typedValues()).toEqual([100, 101, 102, 103]);
  });

  it('signs in again after MSAL’s cache and the provider’s session are gone, and the figures typed before are still there', async () => {
    const before = (await snapshot()).sheets.find((s) => s.name === SHEET)!.cells;
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('msal.')) localStorage.removeItem(key);
      for (const key of Object.keys(sessionStorage)) if (key.startsWith('msal.')) sessionStorage.removeItem(key);
    });
    await context.clearCookies();
    // The workbook outlives the pane (Excel reopens a pane over the same workbook): carried over the reload.
    const workbook = await page.evaluate(() =>
      JSON.stringify((window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel.state, (_k, v: unknown) => (v instanceof Map ? { __map: [...v] } : v)),
    );
    await page.reload();
    await page.evaluate((json) => {
      (window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel.state = JSON.parse(json, (_k, v: { __map?: [unknown, unknown][] } | null) =>
        v?.__map ? new Map(v.__map) : v,
      );
    }, workbook);
    // The pane finds no account: the sign-in screen, the sheet untouched.
    await page.getByTestId('sign-in-entra').waitFor();
    expect((await snapshot()).sheets.find((s) => s.name === SHEET)!.cells).toEqual(before);
    const popup = page.waitForEvent('popup');
    await page.getByTestId('sign-in-entra').click();
    await signInAtProvider(await popup, `${PARK}-statistician`);
    await page.getByTestId('me').waitFor();
    await waitIdle();
    await page.getByTestId('period').selectOption('2025');
    await page.getByTestId('validate').click();
    // What is left after 校验 is said in one line: most figures are still blank.
    await page.locator('[data-testid="validation-summary"]', { hasText: /还有 \d+ 项未填/ }).waitFor();
    await waitIdle();
    const after = (await snapshot()).sheets.find((s) => s.name === SHEET)!.cells;
    for (const [address, cell] of Object.entries(before))
      if (/^E\d+$/.test(address) && typeof cell.value === 'number') expect(after[address]?.value).toBe(cell.value);
  });

  it('the Office dialog page (an Office without nested app authentication) signs in with MSAL’s redirect flow and hands the token to the pane', async () => {
    // Office's part, messageParent, is stood in for; the page, MSAL and the provider are real.
    const dialog = await context.newPage();
    if (process.env.ZJ_DEBUG_SIGNIN) {
      dialog.on('console', (m) => console.log('[dialog console]', m.text()));
      dialog.on('framenavigated', (f) => f === dialog.mainFrame() && console.log('[dialog nav]', f.url()));
      dialog.on('pageerror', (e) => console.log('[dialog error]', e));
    }
    await dialog.addInitScript(() => {
      const w = window as unknown as { __zjDialogMessages: string[]; Office?: { context?: { ui?: unknown } } };
      w.__zjDialogMessages = [];
      // office.js (re)builds Office.context as it starts outside Office: keep the stand-in in place.
      const ui = { messageParent: (m: string) => void w.__zjDialogMessages.push(m) };
      const timer = setInterval(() => {
        if (w.Office?.context && w.Office.context.ui !== ui) w.Office.context.ui = ui;
      }, 1);
      setTimeout(() => clearInterval(timer), 30_000);
    });
    await context.clearCookies();
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('msal.')) localStorage.removeItem(key);
    });
    await dialog.goto(`${stack.origin}/auth-dialog.html`);
    // No account: the dialog goes to the provider; the user signs in there, in the dialog itself.
    await dialog.waitForURL((url) => url.href.startsWith(provider.authorityHost));
    await signInAtProvider(dialog, `${PARK}-reviewer`);
    await dialog.waitForFunction(() => (window as unknown as { __zjDialogMessages?: string[] }).__zjDialogMessages?.length === 1, undefined, {
      timeout: 60_000,
    });
    const message = JSON.parse(await dialog.evaluate(() => (window as unknown as { __zjDialogMessages: string[] }).__zjDialogMessages[0]!)) as {
      kind: string;
      accessToken: string;
      expiresOn: number;
    };
    expect(message.kind).toBe('token');
    expect(message.expiresOn).toBeGreaterThan(Date.now());
    // The token it hands over is one the API takes, for the user who signed in.
    const me = await fetch(`${stack.api}/me`, { headers: { authorization: `Bearer ${message.accessToken}` } });
    expect(await me.json()).toMatchObject({ role: 'reviewer', park: { code: PARK } });
    await dialog.close();
  });

  it('says whom to ask when Entra ID knows the user but no role or park is assigned', async () => {
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-entra').waitFor();
    await context.clearCookies();
    const popup = page.waitForEvent('popup');
    await page.getByTestId('sign-in-entra').click();
    await signInAtProvider(await popup, 'newcomer');
    const notice = page.locator('[data-testid="notice-error"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('尚未分配本系统的角色');
    expect(await notice.textContent()).toContain('张江管委会信息中心 021-5080 0000');
    expect(await page.getByTestId('me').count()).toBe(0);
    await shoot('06-no-role-zh');
    await page.getByTestId('lang').click();
    await shoot('07-sign-in-en');
  });
});
