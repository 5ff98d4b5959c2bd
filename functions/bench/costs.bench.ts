import { BlobServiceClient } from '@azure/storage-blob';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from '@zj/shared';
import { demoUsers } from '../src/auth/demo-users.js';
import { signDevToken } from '../src/auth/dev-tokens.js';
import { startAzurite } from '../src/local/start-azurite.js';
import { startLocalApi, type LocalApi } from '../src/local/start-local-api.js';
import { AzureReturnStore } from '../src/storage/azure-return-store.js';
import { CatalogueStore } from '../src/storage/catalogue-store.js';
import { CATALOGUE_CONTAINER_NAME } from '../src/storage/storage-names.js';
import { makeValidReturn } from '../test/helpers/valid-return.js';
import { periodsOf, writeStacks, type StackSpec } from './stacks.js';
import { syntheticCatalogue } from './synthetic-zone.js';

/**
 * `npm run bench -- costs`: do the costs of the API stay flat as a zone's years accumulate?
 * (issue 16). One run, one Azurite, one client sending one request at a time; each figure is the
 * median of many requests, and each goal is a ratio to a baseline measured in the same run:
 *
 * - template GET and submit for 2025Q1 of a park with 10,000 reviewed versions (20 periods of
 *   500, every version reviewed, the latest of each period returned), vs a copy of the same park
 *   with nothing stored: within 1.5×;
 * - evaluation JSON of 2025 for 25 parks × 20 periods whose latest versions were returned, vs 5
 *   parks with one version each: within 2×;
 * - consolidation.xlsx of 2025 at 25 parks downloaded again with nothing changed: ≤ 20 ms (beside
 *   the first download it repeats);
 * - and, for the record, GET /returns/{park}/{period} of a period with 500 reviewed versions.
 *
 * Each ratio's two sides are measured in turns (requests alternating; the two zones'
 * evaluations in three rounds each), so a change of the machine's load during the run weighs on
 * both sides alike.
 *
 * The stacks are written straight through the store (stacks.ts). BENCH_RUNS overrides the
 * number of measured requests (41), BENCH_STACK_VERSIONS the 500 versions a period of the big
 * stack (a smaller stack for a quick look; the goals are stated at 500).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 41);
const STACK = Number(process.env.BENCH_STACK_VERSIONS ?? 500);
const ROUNDS = 3;
const SECRET = 'bench-secret-0123456789-0123456789-abcdef';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const location = mkdtempSync(join(tmpdir(), 'zj-costs-bench-'));
// In memory: Azurite's autosave of a database this large would dominate what is measured.
const azurite = await startAzurite({ location, inMemory: true });
// A long storage deadline: the bench measures slow reads, it does not want them answered 503.
const env = { STORAGE_CONNECTION_STRING: azurite.connectionString, AUTH_MODE: 'dev-token', DEV_TOKEN_SECRET: SECRET, STORAGE_TIMEOUT_MS: '120000' };
const storage = { kind: 'connection-string', connectionString: azurite.connectionString } as const;
const store = new AzureReturnStore(storage, 30_000);

// Two copies of 金山园: one empty, one with 10,000 reviewed versions.
const pair = syntheticCatalogue(2, { prefix: 'stack', sourceOf: () => 0 });
const [empty, big] = pair.parks.map((p) => p.code) as [string, string];
// Five parks with one annual version each, and 25 parks × 20 periods whose latest versions were returned.
const light = syntheticCatalogue(5, { prefix: 'light' });
const heavy = syntheticCatalogue(25, { prefix: 'heavy' });
const YEARS = [2021, 2022, 2023, 2024];

interface Row {
  measure: string;
  baseline: string;
  baselineMs: number;
  measured: string;
  measuredMs: number;
  ratio: number;
  goal: string;
  met: boolean;
}
const rows: Row[] = [];

// Other processes on the machine slow every figure: the load average says how busy it was.
const loadAtStart = loadavg();
try {
  let started = performance.now();
  const returned = (n: number, of: number): 'return' | 'approve' => (n === of || n % 2 === 0 ? 'return' : 'approve');
  const bigStack: StackSpec[] = periodsOf(YEARS).map((period) => ({ park: big, period, versions: STACK, review: returned }));
  await writeStacks(store, pair, bigStack, 20);
  console.log(
    `stack: ${big} ${(STACK * 20).toLocaleString('en')} reviewed versions over ${bigStack.length} periods, written in ${s(performance.now() - started)}`,
  );
  started = performance.now();
  await writeStacks(
    store,
    light,
    light.parks.map((p) => ({ park: p.code, period: '2025', versions: 1, review: () => null })),
  );
  const heavyStack = heavy.parks.flatMap((p) =>
    periodsOf([2022, 2023, 2024, 2025]).map((period) => ({ park: p.code, period, versions: 2, review: (n: number) => (n === 2 ? ('return' as const) : null) })),
  );
  await writeStacks(store, heavy, heavyStack, 16);
  console.log(
    `zones: ${light.parks.length} parks × 1 version; ${heavy.parks.length} parks × 20 periods × 2 versions, the latest returned; written in ${s(performance.now() - started)}`,
  );

  await withApi(pair, async (api, token) => {
    const template = (park: string) => () => get(api, `/templates/${park}/2025Q1`, token(park));
    const [emptyGet, bigGet] = await paired(template(empty), template(big));
    push('template GET 2025Q1', `${empty}: nothing stored`, emptyGet, `${big}: ${(STACK * 20).toLocaleString('en')} reviewed versions`, bigGet, 1.5);

    const inputs = { [empty]: await makeValidReturn(api.url, token(empty), empty, '2025Q1'), [big]: await makeValidReturn(api.url, token(big), big, '2025Q1') };
    const submit = (park: string) => () => post(api, `/returns/${park}/2025Q1`, token(park), JSON.stringify(inputs[park]));
    const [emptySubmit, bigSubmit] = await paired(submit(empty), submit(big));
    push('submit 2025Q1', `${empty}: nothing stored before`, emptySubmit, `${big}: ${(STACK * 20).toLocaleString('en')} reviewed versions`, bigSubmit, 1.5);

    const one = await median(() => get(api, `/returns/${big}/2025Q1`, token(big)));
    const many = await median(() => get(api, `/returns/${big}/2024`, token(big)));
    const bytes = (await fetchOk(api, `/returns/${big}/2024`, token(big))).byteLength;
    const fewBytes = (await fetchOk(api, `/returns/${big}/2025Q1`, token(big))).byteLength;
    push(`GET /returns (${kb(fewBytes)} vs ${kb(bytes)})`, `${big}/2025Q1: ${RUNS + 5} versions`, one, `${big}/2024: ${STACK} reviewed versions`, many, null);
  });

  // The two zones are measured in turns (ROUNDS turns each, RUNS requests in all), so that a
  // machine whose load changes during the run slows both alike and the ratio stays fair.
  const evalTimes = { light: [] as number[], heavy: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, zone] of [['light', light] as const, ['heavy', heavy] as const]) {
      await withApi(zone, async (api, token) => {
        evalTimes[name].push(...(await sample(() => get(api, '/evaluation/2025', token(null)), Math.ceil(RUNS / ROUNDS))));
      });
    }
  }
  push(
    'evaluation JSON 2025',
    `${light.parks.length} parks × 1 version`,
    middle(evalTimes.light),
    `${heavy.parks.length} parks × 20 periods, latest returned`,
    middle(evalTimes.heavy),
    2,
  );

  await withApi(heavy, async (api, token) => {
    const first = await time(() => get(api, '/consolidation/2025.xlsx', token(null)));
    const again = await median(() => get(api, '/consolidation/2025.xlsx', token(null)), 0);
    record({
      measure: `consolidation.xlsx 2025, ${heavy.parks.length} parks`,
      baseline: 'first download',
      baselineMs: first,
      measured: 'again, nothing changed',
      measuredMs: again,
      ratio: again / first,
      goal: '≤ 20 ms',
      met: again <= 20,
    });
  });

  console.log(
    `\nCosts as a zone's years accumulate: one client, median of ${RUNS} requests each (${cpus().length} CPUs, ${cpus()[0]?.model ?? ''}; load average ${load(loadAtStart)} at the start, ${load(loadavg())} at the end):`,
  );
  table(
    ['measure', 'baseline', 'ms', 'measured', 'ms', 'ratio', 'goal', ''],
    rows.map((r) => [
      r.measure,
      r.baseline,
      r.baselineMs.toFixed(1),
      r.measured,
      r.measuredMs.toFixed(1),
      `${r.ratio.toFixed(2)}×`,
      r.goal,
      r.goal === '' ? '' : r.met ? 'met' : 'NOT MET',
    ]),
  );
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  writeFileSync(
    join(ROOT, 'test-artifacts/bench-costs.json'),
    JSON.stringify({ at: new Date().toISOString(), runs: RUNS, loadAverage: { start: loadAtStart, end: loadavg() }, rows }, null, 2),
  );
} finally {
  await azurite.stop();
  rmSync(location, { recursive: true, force: true });
}

function push(measure: string, baseline: string, baselineMs: number, measured: string, measuredMs: number, within: number | null): void {
  const ratio = measuredMs / baselineMs;
  record({ measure, baseline, baselineMs, measured, measuredMs, ratio, goal: within === null ? '' : `≤ ${within}×`, met: within === null || ratio <= within });
}

/** Keeps a row for the table, and prints it at once: a run that fails later keeps what it measured. */
function record(row: Row): void {
  rows.push(row);
  console.log(
    `${row.measure}: ${row.baseline} ${row.baselineMs.toFixed(1)} ms; ${row.measured} ${row.measuredMs.toFixed(1)} ms; ${row.ratio.toFixed(2)}× ${row.goal}`,
  );
}

/**
 * The API on this catalogue, in this process, while `run` measures it; token(null) is the
 * consolidator's. The catalogue is stored as version 1, the way a first start seeds it
 * (catalogue-store.ts), after removing the previous run's.
 */
async function withApi<T>(catalogue: Catalogue, run: (api: LocalApi, token: (park: string | null) => string) => Promise<T>): Promise<T> {
  const catalogues = new CatalogueStore(storage, 30_000, () => catalogue);
  await BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(CATALOGUE_CONTAINER_NAME).deleteIfExists();
  await catalogues.current();
  const api = await startLocalApi({ env });
  const tokens = new Map<string | null, string>();
  for (const u of demoUsers(catalogue)) if (u.role !== 'reviewer') tokens.set(u.park, await signDevToken(SECRET, u));
  try {
    return await run(api, (park) => tokens.get(park)!);
  } finally {
    await api.close();
  }
}

async function fetchOk(api: LocalApi, path: string, token: string, init: { method?: string; body?: string } = {}): Promise<ArrayBuffer> {
  const r = await fetch(`${api.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    ...(init.body ? { body: init.body } : {}),
  });
  const body = await r.arrayBuffer();
  if (r.status !== 200 && r.status !== 201) throw new Error(`${init.method ?? 'GET'} ${path}: ${r.status} ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
  return body;
}
async function get(api: LocalApi, path: string, token: string): Promise<void> {
  await fetchOk(api, path, token);
}
async function post(api: LocalApi, path: string, token: string, body: string): Promise<void> {
  await fetchOk(api, path, token, { method: 'POST', body });
}

async function time(f: () => Promise<void>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

/** The median time of RUNS calls of f, after `warmup` calls that are not counted. */
async function median(f: () => Promise<void>, warmup = 5): Promise<number> {
  return middle(await sample(f, RUNS, warmup));
}

/** The median times of RUNS calls of a and of b, called in turns (after 5 of each not counted): both see the same machine. */
async function paired(a: () => Promise<void>, b: () => Promise<void>): Promise<[number, number]> {
  for (let i = 0; i < 5; i++) {
    await a();
    await b();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < RUNS; i++) {
    times[0].push(await time(a));
    times[1].push(await time(b));
  }
  return [middle(times[0]), middle(times[1])];
}

/** The times of `runs` calls of f, after `warmup` calls that are not counted. */
async function sample(f: () => Promise<void>, runs: number, warmup = 5): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await time(f));
  return times;
}

function middle(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function load(l: number[]): string {
  return l.map((x) => x.toFixed(2)).join(' ');
}
function s(x: number): string {
  return `${(x / 1000).toFixed(1)} s`;
}
function kb(x: number): string {
  return `${(x / 1024).toFixed(0)} kB`;
}
function table(header: string[], body: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 1 || i === 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const r of body) console.log(line(r));
}
