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
  // ?platform=OfficeOnline plays Excel on the web.
  const fake = new FakeExcel({ supportedSets: { ExcelApi: '1.13' }, platform: new URLSearchParams(location.search).get('platform') ?? 'PC' });
  fake.install(window as unknown as Record<string, unknown>, false);
  window.__zjFakeExcel = fake;
  // Outside Office, office.js leaves Office.context.requirements and platform undefined: report
  // the fake's, so the ExcelApi 1.13 paths and Excel on the web can be exercised too. Done as soon
  // as office.js has made Office.context, whenever that is: once, at DOMContentLoaded, it was
  // sometimes before (then never, and the pane saw neither ExcelApi 1.13 nor the web).
  type OfficeGlobal = { context?: { requirements?: unknown; platform?: unknown }; onReady?: () => Promise<unknown> };
  const patch = (): boolean => {
    const office = (window as unknown as { Office?: OfficeGlobal }).Office;
    if (!office?.context) return false;
    if (!office.context.requirements) office.context.requirements = fake.office.context.requirements;
    if (!office.context.platform) office.context.platform = fake.office.context.platform;
    return true;
  };
  const timer = setInterval(() => {
    if (!patch()) return;
    clearInterval(timer);
    // And once office.js says it is ready, in case it made its context again meanwhile.
    void (window as unknown as { Office?: OfficeGlobal }).Office?.onReady?.().then(patch);
  }, 2);
}
