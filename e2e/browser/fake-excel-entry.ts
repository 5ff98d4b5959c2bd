import { FakeExcel } from '../../addin/test/fake-excel/fake-excel.js';

/**
 * Injected into the task pane page before office.js loads (page.addInitScript): `Excel` is the
 * fake; office.js still provides `Office` (outside Office its host is null). The test drives the
 * workbook through `window.__zjFakeExcel` (typeInto, paste, snapshot).
 */
declare global {
  interface Window {
    __zjFakeExcel?: FakeExcel;
  }
}

if (!window.__zjFakeExcel) {
  const fake = new FakeExcel({ supportedSets: { ExcelApi: '1.13' } });
  fake.install(window as unknown as Record<string, unknown>, false);
  window.__zjFakeExcel = fake;
  // Outside Office, office.js leaves Office.context.requirements undefined: report the fake's
  // requirement sets, so the ExcelApi 1.13 paths can be exercised too.
  document.addEventListener('DOMContentLoaded', () => {
    const office = (window as unknown as { Office?: { context?: { requirements?: unknown } } }).Office;
    if (office?.context && !office.context.requirements) office.context.requirements = fake.office.context.requirements;
  });
}
