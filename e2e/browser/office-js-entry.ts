import { SCENARIOS, type ScenarioName } from './request-scenarios.js';

/**
 * Bundled into a page that has loaded office.js's Excel library (excel-web-16.00.js) outside
 * Office. Every Excel.run gets a session URL, so office.js sends each request over HTTP (its
 * HttpRequestExecutor) with the same body it would hand to Excel; the test captures them.
 */
declare global {
  interface Window {
    __zjRun(name: ScenarioName): Promise<string | null>;
  }
}

const excel = (window as unknown as { Excel: { run: (...args: unknown[]) => Promise<unknown> } }).Excel;
const run = excel.run.bind(excel);
excel.run = (options: unknown, batch: unknown) => run({ ...(options as object), session: `${location.origin}/excel` }, batch);

window.__zjRun = async (name) => {
  try {
    await SCENARIOS[name]();
    return null;
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
};
