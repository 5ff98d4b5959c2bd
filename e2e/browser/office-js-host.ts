import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** office.js's files as the npm package ships them (the same the build copies into addin/dist). */
export const OFFICE_JS_DIST = join(dirname(createRequire(import.meta.url).resolve('@microsoft/office-js/package.json')), 'dist');
/** The Excel library Excel on the web loads (where a request of 5 MB is refused). */
export const EXCEL_LIBRARY = 'excel-web-16.00.js';

const ORIGIN = 'https://excel-host.test';

interface RichApiBody {
  Actions: Array<{ Id: number; ActionType: number; Name: string; ObjectPathId: number }>;
  ObjectPaths: Record<string, { Id: number; ObjectPathType: number; Name: string; ParentObjectPathId?: number }>;
}

/**
 * A page where office.js runs outside Office and sends every request over HTTP to a stand-in
 * for Excel, which records the request bodies and answers as Excel does where the batch needs an
 * answer: reference ids for added sheets and for the ranges Excel.run keeps, and what a new
 * workbook holds (Sheet1, no names, editable, its structure not protected). `requests` are the bodies in order.
 */
export async function openOfficeJsPage(browser: Browser, bundle: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  let references = 0;
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/excel/ProcessQuery')) {
      const text = route.request().postData() ?? '';
      requests.push(text);
      const body = JSON.parse(text) as RichApiBody;
      const results: Array<{ ActionId: number; Value: unknown }> = [];
      body.Actions.forEach((action, i) => {
        const path = body.ObjectPaths[action.ObjectPathId];
        const parent = path?.ParentObjectPathId === undefined ? undefined : body.ObjectPaths[path.ParentObjectPathId];
        const previous = body.Actions[i - 1];
        const reference = () => ({ _ReferenceId: `{${String(++references).padStart(8, '0')}-0000-0000-0000-000000000000}` });
        if (action.ActionType === 1 && path?.Name === 'Add' && parent?.Name === 'Worksheets') results.push({ ActionId: action.Id, Value: reference() });
        else if (action.ActionType === 1 && previous?.Name === '_KeepReference' && previous.ObjectPathId === action.ObjectPathId)
          results.push({ ActionId: action.Id, Value: reference() });
        else if (action.ActionType === 2 && path?.Name === 'Worksheets')
          results.push({ ActionId: action.Id, Value: { _Items: [{ Name: 'Sheet1', Visibility: 'Visible', Position: 0 }] } });
        else if (action.ActionType === 2 && path?.Name === 'Names') results.push({ ActionId: action.Id, Value: { _Items: [] } });
        else if (action.ActionType === 2 && path?.ObjectPathType === 1) results.push({ ActionId: action.Id, Value: { Name: 'Book1.xlsx', ReadOnly: false } });
        else if (action.ActionType === 2 && path?.Name === 'Protection' && parent?.ObjectPathType === 1)
          results.push({ ActionId: action.Id, Value: { Protected: false } });
      });
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ Results: results }) });
    }
    if (url.pathname === '/scenarios.js') return route.fulfill({ status: 200, contentType: 'text/javascript', body: bundle });
    if (url.pathname.endsWith('.js'))
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(join(OFFICE_JS_DIST, url.pathname.slice(1))) });
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>' });
  });
  await page.goto(`${ORIGIN}/index.html`);
  await page.addScriptTag({ url: `${ORIGIN}/${EXCEL_LIBRARY}` });
  await page.addScriptTag({ url: `${ORIGIN}/scenarios.js` });
  return { page, requests };
}

/** Waits until no request has come for `quietMs` (Excel.run's clean-up request is sent after the batch resolves). */
export async function settle(requests: readonly string[], quietMs = 300): Promise<void> {
  let seen = -1;
  while (seen !== requests.length) {
    seen = requests.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}
