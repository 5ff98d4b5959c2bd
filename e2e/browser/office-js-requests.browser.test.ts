import { buildSync } from 'esbuild';
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeExcel } from '../../addin/test/fake-excel/fake-excel.js';
import { openOfficeJsPage, settle } from './office-js-host.js';
import { PREPARE, SCENARIOS, type ScenarioName } from './request-scenarios.js';

/**
 * The sync budget measured with office.js's own request serializer. The add-in's batches run in
 * Chromium through @microsoft/office-js (its Excel library, outside Office, sending each
 * request over HTTP to a stand-in that records it), and the same batches run in Node against the
 * fake Excel the unit tests use. The fake must build the very same requests, record for record:
 * then every byte count the unit tests assert is office.js's.
 */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/office-js-requests/', import.meta.url));
const MB = 1024 * 1024;
/** Reference ids are numbered over the whole run: the same requests may carry different ones. */
const normalise = (body: string) => body.replace(/\{\d{8}-0000-0000-0000-000000000000\}/g, '{ref}');
/**
 * A batch running longer than 0.8 s makes run-excel.ts ask Excel whether a cell edit holds it up
 * (a tiny request of its own, loading the workbook's name): when it comes depends on the
 * machine's speed, so it is left out of the comparison on both sides.
 */
const isCellEditCheck = (body: string) => {
  const parsed = JSON.parse(body) as { Actions: Array<{ ActionType: number; QueryInfo?: { Select?: string[] } }> };
  return parsed.Actions.length === 2 && parsed.Actions[1]!.ActionType === 2 && parsed.Actions[1]!.QueryInfo?.Select?.join() === 'name';
};

let browser: Browser;
let bundle: string;

async function officeJsRequests(name: ScenarioName): Promise<string[]> {
  const { page, requests } = await openOfficeJsPage(browser, bundle);
  try {
    const failed = await page.evaluate((n) => window.__zjRun(n), name);
    expect(failed).toBeNull();
    await settle(requests);
    return requests.filter((b) => !isCellEditCheck(b));
  } finally {
    await page.close();
  }
}

async function fakeRequests(name: ScenarioName): Promise<{ syncs: string[]; cleanups: string[]; requests: string[] }> {
  const fake = new FakeExcel({ keepBodies: true });
  const uninstall = fake.install();
  try {
    await PREPARE[name]?.();
    fake.resetSyncs();
    await SCENARIOS[name]();
    const bodies = (list: typeof fake.syncs) => list.map((s) => s.body!).filter((b) => !isCellEditCheck(b));
    return { syncs: bodies(fake.syncs), cleanups: bodies(fake.cleanups), requests: bodies(fake.requests) };
  } finally {
    uninstall();
  }
}

const size = (body: string) => Buffer.byteLength(body, 'utf8');

describe('office.js request sizes', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    bundle = buildSync({
      entryPoints: [fileURLToPath(new URL('./office-js-entry.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2020',
    }).outputFiles[0]!.text;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(Object.keys(SCENARIOS) as ScenarioName[])('%s: the fake builds the requests office.js sends, byte for byte', async (name) => {
    const real = await officeJsRequests(name);
    const fake = await fakeRequests(name);
    const ours = fake.requests;
    console.info(
      `${name}: office.js ${real.map((b) => (size(b) / MB).toFixed(3)).join(' + ')} MB; fake ${fake.syncs.map((b) => (size(b) / MB).toFixed(3)).join(' + ')} MB and clean-up ${fake.cleanups.map((b) => (size(b) / MB).toFixed(3)).join(' + ')} MB`,
    );
    const file = name.replace(/[^a-z0-9]+/gi, '-');
    const mismatch = ours.findIndex((body, i) => normalise(body) !== normalise(real[i] ?? ''));
    if (mismatch >= 0 || ours.length !== real.length) {
      writeFileSync(
        `${ARTIFACTS}${file}-office-js.json`,
        JSON.stringify(
          real.map((b) => JSON.parse(b)),
          null,
          1,
        ),
      );
      writeFileSync(
        `${ARTIFACTS}${file}-fake.json`,
        JSON.stringify(
          ours.map((b) => JSON.parse(b)),
          null,
          1,
        ),
      );
    }
    expect(ours.map((b) => size(b))).toEqual(real.map((b) => size(b)));
    // The bodies are equal too (not printed: megabytes of JSON; on a mismatch both are saved in test-artifacts/).
    expect(mismatch).toBe(-1);
    // Excel on the web refuses a request over 5 MB: each stays under 4 MB by office.js's measure.
    for (const body of real) expect(size(body)).toBeLessThan(4 * MB);
  });
});
