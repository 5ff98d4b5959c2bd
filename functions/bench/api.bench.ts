import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadCatalogue, type ReturnInput } from '@zj/shared';
import { demoUsers } from '../src/auth/demo-users.js';
import { signDevToken } from '../src/auth/dev-tokens.js';
import { startAzurite } from '../src/local/start-azurite.js';
import { call } from '../test/helpers/harness.js';
import { makeValidReturn } from '../test/helpers/valid-return.js';

/**
 * `npm run bench`: p50/p99 latency and throughput of the template GET and of submit, at 20
 * concurrent connections over loopback, against a real Azurite. The API runs in its own
 * process (the node:http adapter); autocannon drives it from this one. Submissions are spread
 * over every park and ten periods, each a valid return with its explanations, each a new version.
 *
 * In the same run, the floor: a bare node:http handler in a process of its own (bare-server.ts)
 * answering the same bytes (a template; a receipt for a POST of the same body) at the same
 * connections, and our throughput as a share of it. Goals (issue 13, item 10): template GET p99
 * ≤ 25 ms, submit p99 ≤ 100 ms, throughput ≥ 50% of the floor's.
 * BENCH_CONNECTIONS and BENCH_SECONDS override 20 connections and 10 seconds.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const SECRET = 'bench-secret-0123456789-0123456789-abcdef';
const PERIODS = ['2024Q1', '2024Q2', '2024Q3', '2024Q4', '2024', '2025Q1', '2025Q2', '2025Q3', '2025Q4', '2025'];
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const location = mkdtempSync(join(tmpdir(), 'zj-bench-'));
const azurite = await startAzurite({ location });
// BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API under load.
const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', fileURLToPath(new URL('./bench-server.ts', import.meta.url))], {
  cwd: ROOT,
  env: {
    ...process.env,
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    AUTH_MODE: 'dev-token',
    DEV_TOKEN_SECRET: SECRET,
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let bare: ReturnType<typeof spawn> | null = null;
const cleanup = async () => {
  server.kill('SIGTERM');
  bare?.kill('SIGTERM');
  await azurite.stop();
  rmSync(location, { recursive: true, force: true });
};

try {
  const port = await listeningPort(server);
  const base = `http://127.0.0.1:${port}/api`;
  const parks = loadCatalogue().parks.map((p) => p.code);
  const tokens: Record<string, string> = {};
  for (const u of demoUsers(loadCatalogue())) if (u.role === 'statistician') tokens[u.park!] = await signDevToken(SECRET, u);

  // Seed every park and period once, oldest first: later templates then know the previous
  // values and the baselines, and stay the same while the benchmark submits the same figures.
  for (const period of PERIODS) {
    for (const park of parks) {
      const input = await makeValidReturn(base, tokens[park]!, park, period);
      const r = await call(base, 'POST', `/returns/${park}/${period}`, { token: tokens[park]!, json: input });
      if (r.status !== 201) throw new Error(`seed ${park}/${period}: ${r.status} ${JSON.stringify(r.body)}`);
    }
  }
  const targets = await Promise.all(
    parks.flatMap((park) => PERIODS.map(async (period) => ({ park, period, input: await makeValidReturn(base, tokens[park]!, park, period) }))),
  );

  const run = (title: string, method: 'GET' | 'POST', pathOf: (t: (typeof targets)[number]) => string, bodyOf?: (input: ReturnInput) => string, at = port) => {
    let next = 0;
    return autocannon({
      url: `http://127.0.0.1:${at}`,
      title,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          setupRequest: (req) => {
            const t = targets[next++ % targets.length]!;
            return {
              ...req,
              method,
              path: pathOf(t),
              headers: { authorization: `Bearer ${tokens[t.park]}`, ...(bodyOf ? { 'content-type': 'application/json' } : {}) },
              ...(bodyOf ? { body: bodyOf(t.input) } : {}),
            };
          },
        },
      ],
    });
  };

  const template = await run('GET /api/templates/{park}/{period}', 'GET', (t) => `/api/templates/${t.park}/${t.period}`);
  const submit = await run(
    'POST /api/returns/{park}/{period}',
    'POST',
    (t) => `/api/returns/${t.park}/${t.period}`,
    (input) => JSON.stringify(input),
  );

  // The floor: the same bytes from a bare node:http handler (a template; a receipt).
  const sampleTemplate = await call(base, 'getTemplate', { params: { park: targets[0]!.park, period: targets[0]!.period }, token: tokens[targets[0]!.park]! });
  const sampleReceipt = await call(base, 'submitReturn', {
    params: { park: targets[0]!.park, period: targets[0]!.period },
    token: tokens[targets[0]!.park]!,
    json: targets[0]!.input,
  });
  writeFileSync(join(location, 'template.json'), JSON.stringify(sampleTemplate.body));
  writeFileSync(join(location, 'receipt.json'), JSON.stringify(sampleReceipt.body));
  bare = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./bare-server.ts', import.meta.url))], {
    cwd: ROOT,
    env: { ...process.env, BARE_BODY_FILE: join(location, 'template.json'), BARE_POST_FILE: join(location, 'receipt.json') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const barePort = await listeningPort(bare);
  const bareGet = await run('bare node:http GET (template bytes)', 'GET', (t) => `/api/templates/${t.park}/${t.period}`, undefined, barePort);
  const barePost = await run(
    'bare node:http POST (receipt bytes)',
    'POST',
    (t) => `/api/returns/${t.park}/${t.period}`,
    (input) => JSON.stringify(input),
    barePort,
  );

  const summary = [template, submit, bareGet, barePost].map((r) => ({
    endpoint: r.title,
    connections: r.connections,
    seconds: r.duration,
    requests: r.requests.total,
    reqPerSec: r.requests.average,
    p50ms: r.latency.p50,
    p90ms: r.latency.p90,
    p99ms: r.latency.p99,
    maxMs: r.latency.max,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0])),
    errors: r.errors,
    timeouts: r.timeouts,
  }));
  console.log(`\nAPI latency at ${CONNECTIONS} connections over loopback, ${DURATION_S}s each (${cpus().length} CPUs, ${cpus()[0]?.model ?? ''}):`);
  console.table(summary.map(({ statusCodes, ...rest }) => ({ ...rest, statusCodes: JSON.stringify(statusCodes) })));
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  const goals = [
    { goal: 'template GET p99 ≤ 25 ms', value: `${template.latency.p99} ms`, met: template.latency.p99 <= 25 },
    { goal: 'submit p99 ≤ 100 ms', value: `${submit.latency.p99} ms`, met: submit.latency.p99 <= 100 },
    {
      goal: 'template GET throughput ≥ 50% of bare node:http',
      value: percent(template.requests.average / bareGet.requests.average),
      met: template.requests.average >= 0.5 * bareGet.requests.average,
    },
    {
      goal: 'submit throughput ≥ 50% of bare node:http',
      value: percent(submit.requests.average / barePost.requests.average),
      met: submit.requests.average >= 0.5 * barePost.requests.average,
    },
  ];
  console.log('\nGoals (issue 13, item 10):');
  console.table(goals.map((g) => ({ ...g, met: g.met ? 'met' : 'NOT MET' })));
  writeFileSync(join(ROOT, 'test-artifacts/bench-api.json'), JSON.stringify({ at: new Date().toISOString(), summary, goals }, null, 2));
  const bad = summary.filter((s) => Object.keys(s.statusCodes).some((c) => !['200', '201'].includes(c)) || s.errors > 0);
  if (bad.length > 0) console.log('Note: answers other than 200/201:', JSON.stringify(bad.map((s) => [s.endpoint, s.statusCodes])));
} finally {
  await cleanup();
}

function percent(x: number): string {
  return `${(x * 100).toFixed(0)}%`;
}

/** The port a child server prints ("listening <port>") once it listens. */
function listeningPort(child: ReturnType<typeof spawn>): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}): ${out}`)));
  });
}
