import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { FakeExcel, FakeSnapshot } from '../../addin/test/fake-excel/fake-excel.js';
import { buildAddin } from '../../addin/scripts/build.js';
import { DEV_BASE_URL } from '../../addin/scripts/render-manifest.js';
import { fakeExcelScript } from './fake-excel-script.js';
import { renderComposite } from './render-sheet.js';
import { startStack, type Stack } from './start-stack.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** 320 px: the narrowest task pane Excel shows. */
export const PANE_WIDTH = 320;

/**
 * One browser test's world: the task pane built into a folder of its own, the real local stack
 * (Azurite + the API adapter) serving it, Chromium, and the screenshots of each step in both
 * languages in test-artifacts/<name>/.
 */
export class PaneSession {
  private step = 0;
  private sheetPage: Page | null = null;
  private constructor(
    readonly stack: Stack,
    readonly browser: Browser,
    readonly dist: string,
    readonly artifacts: string,
    private readonly fakeScript: string,
  ) {}

  static async start(name: string): Promise<PaneSession> {
    const artifacts = fileURLToPath(new URL(`../../test-artifacts/${name}/`, import.meta.url));
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    const dist = mkdtempSync(join(tmpdir(), `zj-pane-${name}-`));
    await buildAddin({ baseUrl: DEV_BASE_URL, apiBaseUrl: null, officeJs: 'local', minify: true, outDir: dist });
    const fakeScript = fakeExcelScript();
    const stack = await startStack({ staticDir: dist });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    return new PaneSession(stack, browser, dist, artifacts, fakeScript);
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.stack?.stop();
    rmSync(this.dist, { recursive: true, force: true });
  }

  /**
   * A task pane at 320 px, in Chinese, offline but for the local stack (office.js's telemetry and
   * anything else is refused at once). `excel`: with the fake Excel injected before office.js
   * (the Excel path); without it the pane runs in a plain browser (the WPS path).
   */
  async openPane(options: { excel: boolean; downloads?: boolean; query?: string }): Promise<Page> {
    const pane = await this.browser.newPage({ viewport: { width: PANE_WIDTH, height: 900 }, locale: 'zh-CN', acceptDownloads: options.downloads ?? false });
    pane.setDefaultTimeout(90_000);
    if (options.excel) await pane.addInitScript({ content: this.fakeScript });
    // What the pane's Content-Security-Policy refuses, kept for cspViolations() to read.
    await pane.addInitScript({
      content: `window.__zjCspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.__zjCspViolations.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + ' ' + e.sample));`,
    });
    const local = new URL(this.stack.origin);
    await pane.route('**/*', (route) => (new URL(route.request().url()).host === local.host ? route.continue() : route.abort()));
    pane.on('pageerror', (error) => console.error('[page error]', error));
    await pane.goto(`${this.stack.origin}/taskpane.html${options.query ? `?${options.query}` : ''}`);
    return pane;
  }

  async signIn(pane: Page, user: string): Promise<void> {
    await pane.getByTestId('token').fill(this.stack.tokens[user]!);
    await pane.getByTestId('sign-in').click();
    await pane.getByTestId('period').waitFor();
    await waitIdle(pane);
  }

  /**
   * Saves this step in both languages: the pane as it is, then again after the language switch
   * (every message on screen is rendered anew), and back. `busy`: the picture is of an operation
   * still going on. With the fake Excel, each picture is
   * the sheet as Excel would show it beside the pane; without, the whole pane.
   */
  async shoot(pane: Page, name: string, caption: { zh: string; en: string }, options: { sheet?: boolean; busy?: boolean } = {}): Promise<string[]> {
    this.step += 1;
    const files: string[] = [];
    // A step is pictured once its work is done, unless the picture is of the work going on.
    if (!options.busy) await waitIdle(pane);
    const start = await language(pane);
    for (const lang of start === 'zh' ? (['zh', 'en'] as const) : (['en', 'zh'] as const)) {
      if ((await language(pane)) !== lang) await switchLanguage(pane, lang);
      const file = `${String(this.step).padStart(2, '0')}-${name}.${lang}.png`;
      if (options.sheet) {
        const shot = await pane.screenshot({ fullPage: false });
        this.sheetPage ??= await this.browser.newPage({ viewport: { width: 1280, height: 900 } });
        await this.sheetPage.setContent(renderComposite(await snapshot(pane), shot, `${this.step}. ${caption[lang]}`, { lang }));
        await this.sheetPage.screenshot({ path: `${this.artifacts}${file}`, fullPage: false });
      } else {
        writeFileSync(`${this.artifacts}${file}`, await pane.screenshot({ fullPage: true }));
      }
      files.push(file);
    }
    await switchLanguage(pane, start);
    return files;
  }
}

export async function language(pane: Page): Promise<'zh' | 'en'> {
  return (await pane.evaluate(() => document.documentElement.lang)).startsWith('zh') ? 'zh' : 'en';
}

export async function switchLanguage(pane: Page, lang: 'zh' | 'en'): Promise<void> {
  if ((await language(pane)) === lang) return;
  await pane.getByTestId('lang').click();
  await pane.waitForFunction((want) => document.documentElement.lang.startsWith(want), lang);
  // No tooltip left over the pane in the pictures.
  await pane.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await pane.mouse.move(1, 890);
  // Fluent hides a tooltip a moment after the pointer leaves.
  await pane.waitForTimeout(400);
}

export async function waitIdle(pane: Page): Promise<void> {
  await pane.waitForFunction(() => !document.querySelector('[role="progressbar"]'));
}

/** Waits for the message that says `expected` (not whatever message is still showing), returns its text. */
export async function noticeText(pane: Page, expected: string | RegExp): Promise<string> {
  const bar = pane.locator('[data-testid^="notice-"]', { hasText: expected });
  await bar.first().waitFor();
  return (await bar.first().textContent()) ?? '';
}

/** What the pane's Content-Security-Policy refused in this page so far (nothing, as it should be). */
export async function cspViolations(pane: Page): Promise<string[]> {
  return pane.evaluate(() => (window as unknown as { __zjCspViolations: string[] }).__zjCspViolations);
}

/** The pane's page is served with the policy the build wrote, and Static Web Apps is given the same headers. */
export async function expectServedHeaders(session: PaneSession): Promise<void> {
  const served = await fetch(`${session.stack.origin}/taskpane.html`);
  expect(served.headers.get('content-security-policy')).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
  const config = JSON.parse(readFileSync(join(session.dist, 'staticwebapp.config.json'), 'utf8')) as { globalHeaders: Record<string, string> };
  for (const [name, value] of Object.entries(config.globalHeaders)) expect([name, served.headers.get(name)]).toEqual([name, value]);
}

export async function snapshot(pane: Page): Promise<FakeSnapshot> {
  return pane.evaluate(() => (window as unknown as { __zjFakeExcel: FakeExcel }).__zjFakeExcel.snapshot());
}

/** An API call as another client would make it (seeding data, checking what was stored). */
export async function api<T>(stack: Stack, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${stack.api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as T };
}
