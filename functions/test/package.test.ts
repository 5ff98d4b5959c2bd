import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, type TemplateModel } from '@zj/shared';
import { XLSX_CONTENT_TYPE } from '@zj/shared/api';
import { demoUsers } from '../src/auth/demo-users.js';
import { signDevToken } from '../src/auth/dev-tokens.js';
import { makeSampleData } from '../src/demo/make-sample-data.js';
import { fillTemplateWorkbook } from '../src/demo/fill-template-workbook.js';
import { discoverFunctions } from '../src/local/discover-functions.js';
import { compareRoutes, compileRoute } from '../src/local/route-template.js';
import { startAzurite, type AzuriteHandle } from '../src/local/start-azurite.js';
import { loadWorkbook, shown } from '../src/workbooks/__fixtures__/read-workbook.js';
import { TEST_SECRET } from './helpers/harness.js';
import { entraUsersOf, startLocalOpenIdProvider, type LocalOpenIdProvider } from './helpers/local-openid-provider.js';

// `npm run package` as an administrator uses it: the zip, unpacked into an empty folder outside
// the repository (no node_modules anywhere above it), loaded by plain Node the way the Functions
// worker loads an app (test/helpers/worker-stand-in.cjs), against a real Azurite. The test
// plays the host: it routes each request to the function whose registered route matches.
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const FUNCTIONS_DIR = join(REPO, 'functions');
const ZIP = join(FUNCTIONS_DIR, 'dist', 'package.zip');
const work = realpathSync(mkdtempSync(join(tmpdir(), 'zj-package-')));
const appDir = join(work, 'wwwroot');
const catalogue = loadCatalogue();
const tokens = new Map<string, string>();

interface Registered {
  name: string;
  bindings: Record<string, { type: string; direction: string; route?: string; methods?: string[]; authLevel?: string }>;
}
interface Answer {
  id: number;
  status: number;
  headers: Record<string, string>;
  body: string;
  logs: { level: string; message: string }[];
  error?: string;
}

interface Worker {
  child: ChildProcess;
  ready: { loadMs: number; programmingModel: { name: string; version: string }; functions: Registered[] };
  pending: Map<number, (a: Answer) => void>;
}

let azurite: AzuriteHandle;
/** The package under dev tokens (most tests), and under Entra ID tokens as deployed (AUTH_MODE=entra). */
let worker: Worker;
let entraWorker: Worker;
let provider: LocalOpenIdProvider;
let ready: Worker['ready'];
let nextId = 1;

/** The host's part: the registered route that takes the path (most specific first, as the host ranks them), then the worker's. */
async function request(
  method: string,
  path: string,
  options: { as: string; body?: Uint8Array; headers?: Record<string, string> },
  via: Worker = worker,
): Promise<{ status: number; headers: Record<string, string>; bytes: Buffer; logs: string }> {
  const routes = via.ready.functions
    .map((f) => ({ f, trigger: Object.values(f.bindings).find((b) => b.type === 'httpTrigger')! }))
    .map((r) => ({ ...r, compiled: compileRoute(r.trigger.route!) }))
    .sort((a, b) => compareRoutes(a.compiled, b.compiled));
  const hit = routes
    .map((r) => ({ r, params: r.compiled.match(path) }))
    .find((m) => m.params !== null && m.r.trigger.methods!.map((x) => x.toUpperCase()).includes(method));
  if (!hit) throw new Error(`no registered function takes ${method} ${path}`);
  const id = nextId++;
  const answer = new Promise<Answer>((resolve) => via.pending.set(id, resolve));
  via.child.stdin!.write(
    `${JSON.stringify({
      id,
      functionName: hit.r.f.name,
      method,
      url: `https://zj-func.azurewebsites.net/api${path}`,
      headers: {
        authorization: `Bearer ${tokens.get(options.as) ?? options.as}`,
        ...(options.body ? { 'content-length': String(options.body.length) } : {}),
        ...options.headers,
      },
      params: hit.params,
      ...(options.body ? { body: Buffer.from(options.body).toString('base64') } : {}),
    })}\n`,
  );
  const a = await answer;
  if (a.error) throw new Error(a.error);
  return { status: a.status, headers: a.headers, bytes: Buffer.from(a.body, 'base64'), logs: a.logs.map((l) => `${l.level}: ${l.message}`).join('\n') };
}

const json = async (method: string, path: string, as: string) => JSON.parse((await request(method, path, { as })).bytes.toString('utf8'));

function unzip(zip: string, into: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const names: string[] = [];
    yauzl.open(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error);
      file.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        const target = join(into, entry.fileName);
        if (!target.startsWith(into + sep)) return reject(new Error(`zip entry outside the folder: ${entry.fileName}`));
        mkdirSync(dirname(target), { recursive: true });
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          stream.pipe(createWriteStream(target)).on('finish', () => file.readEntry());
        });
      });
      file.on('end', () => resolve(names));
      file.readEntry();
    });
  });
}

/** The worker stand-in on the unpacked package, with only `env` (what the platform and the app settings give a worker). */
async function startWorker(env: Record<string, string>): Promise<Worker> {
  const child = spawn(process.execPath, [join(work, 'worker-stand-in.cjs'), appDir], { cwd: appDir, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<Worker['ready']>((resolve, reject) => {
    lines.once('line', (line) => {
      const first = JSON.parse(line) as { type: string; error?: string };
      if (first.type === 'ready') resolve(first as unknown as Worker['ready']);
      else reject(new Error(`${first.error}\n${stderr}`));
    });
    child.once('exit', (code) => reject(new Error(`the worker stand-in exited (${code}):\n${stderr}`)));
  });
  const pending = new Map<number, (a: Answer) => void>();
  lines.on('line', (line) => {
    const a = JSON.parse(line) as Answer;
    pending.get(a.id)?.(a);
    pending.delete(a.id);
  });
  return { child, ready, pending };
}

beforeAll(async () => {
  // `npm run package`, as the README says, less its first step (ensure-deps.mjs: `npm ci` when
  // the lockfile is newer than node_modules, which must never happen in the middle of a test run).
  expect(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).scripts.package).toBe('node scripts/ensure-deps.mjs && npm run -s build -w functions');
  const built = spawnSync('npm', ['run', '-s', 'build', '-w', 'functions'], { cwd: REPO, encoding: 'utf8' });
  expect(built.status, built.stderr + built.stdout).toBe(0);

  mkdirSync(appDir);
  copyFileSync(join(FUNCTIONS_DIR, 'test', 'helpers', 'worker-stand-in.cjs'), join(work, 'worker-stand-in.cjs'));
  await unzip(ZIP, appDir);

  for (const user of demoUsers(catalogue)) tokens.set(user.id, await signDevToken(TEST_SECRET, user));
  azurite = await startAzurite({ location: join(work, 'azurite') });
  // Only what the platform and the app settings give a worker: no NODE_PATH, nothing of the repository.
  const env = {
    PATH: process.env.PATH!,
    HOME: work,
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    AUTH_MODE: 'dev-token',
    DEV_TOKEN_SECRET: TEST_SECRET,
    MAX_BODY_BYTES: String(4 * 1024 * 1024),
  };
  worker = await startWorker(env);
  ready = worker.ready;

  // As deployed: AUTH_MODE=entra, the tokens of a real OpenID provider on loopback, whose
  // certificate the worker trusts the way Node trusts any extra CA (no test seam in the package).
  provider = await startLocalOpenIdProvider({ users: entraUsersOf(demoUsers(catalogue)) });
  const ca = join(work, 'provider-ca.pem');
  writeFileSync(ca, provider.certificate);
  entraWorker = await startWorker({ ...env, AUTH_MODE: 'entra', DEV_TOKEN_SECRET: '', ...provider.apiEnv, NODE_EXTRA_CA_CERTS: ca });
}, 240_000);

afterAll(async () => {
  for (const w of [worker, entraWorker]) {
    w?.child.stdin?.end();
    w?.child.kill();
  }
  await provider?.close();
  await azurite?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('npm run package: the deployment package', () => {
  it('was unpacked where no node_modules can help it', () => {
    for (let d = appDir; d !== dirname(d); d = dirname(d)) expect(existsSync(join(d, 'node_modules')), d).toBe(false);
    expect(appDir.startsWith(REPO)).toBe(false);
  });

  it('holds host.json, a package.json with nothing to install, the code and the licences; no maps, no settings', () => {
    const files = readdirSync(appDir, { recursive: true }).map(String).sort();
    expect(files).toEqual(expect.arrayContaining(['host.json', 'package.json', 'index.js', 'THIRD-PARTY-NOTICES.txt']));
    expect(files.filter((f) => /\.map$|local\.settings|node_modules|\.ts$/.test(f))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({ type: 'module', main: 'index.js', engines: { node: '>=22' } });
    for (const field of ['dependencies', 'optionalDependencies', 'devDependencies', 'peerDependencies', 'bundleDependencies', 'scripts'])
      expect(pkg[field], field).toBeUndefined();
    expect(readFileSync(join(appDir, 'host.json'), 'utf8')).toBe(readFileSync(join(FUNCTIONS_DIR, 'host.json'), 'utf8'));
    expect(readFileSync(join(appDir, 'THIRD-PARTY-NOTICES.txt'), 'utf8')).toContain('exceljs');
  });

  it('every file of it loads, the parts loaded on demand (chunks/) too', () => {
    const files = ['index.js', ...readdirSync(join(appDir, 'chunks')).map((f) => `chunks/${f}`)];
    const script = `for (const f of ${JSON.stringify(files)}) await import('./' + f).catch((e) => { console.log(f + ': ' + e.message); process.exitCode = 1; });`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: appDir, encoding: 'utf8', env: { PATH: process.env.PATH! } });
    expect(run.stdout.split('\n').filter((l) => /^(index|chunks\/)/.test(l))).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('registers every function of src/functions with the worker, with the route and methods its module declares', async () => {
    const declared = await discoverFunctions();
    expect(ready.programmingModel.name).toBe('@azure/functions');
    expect(ready.functions.map((f) => f.name).sort()).toEqual(declared.map((r) => r.name).sort());
    for (const route of declared) {
      const trigger = Object.values(ready.functions.find((f) => f.name === route.name)!.bindings).find((b) => b.type === 'httpTrigger')!;
      expect(trigger, route.name).toMatchObject({ direction: 'in', route: route.route, authLevel: 'anonymous' });
      expect(trigger.methods!.map((m) => m.toUpperCase()).sort()).toEqual([...route.methods].sort());
    }
    console.log(`package: ${ready.functions.length} functions registered; the worker stand-in loaded it in ${ready.loadMs} ms`);
  });

  it('answers JSON routes through the registered handlers, errors included', async () => {
    const parks = await json('GET', '/parks', 'zone-consolidator');
    expect(parks.parks.map((p: { code: string }) => p.code)).toEqual(catalogue.parks.map((p) => p.code));
    const refused = await request('GET', '/consolidation/2025', { as: 'jinshan-statistician' });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.bytes.toString()).error.code).toBe('forbidden_role');
  });

  it("as deployed (AUTH_MODE=entra): validates the provider's tokens over its discovery document and keys, and refuses forged ones", async () => {
    const statistician = await provider.signIn('jinshan-statistician');
    const me = await request('GET', '/me', { as: statistician }, entraWorker);
    expect(me.status, `${me.bytes.toString()}\n${me.logs}`).toBe(200);
    expect(JSON.parse(me.bytes.toString())).toMatchObject({ role: 'statistician', park: { code: 'jinshan' }, authMode: 'entra' });
    expect(JSON.parse((await request('GET', '/auth-info', { as: '' }, entraWorker)).bytes.toString())).toEqual({ authMode: 'entra', devTokens: false });
    const refused = await request('GET', '/consolidation/2025', { as: statistician }, entraWorker);
    expect(refused.status).toBe(403);
    for (const forged of [
      await provider.forgeUnsigned('zone-consolidator'),
      await provider.forgeHs256WithPublicKey('zone-consolidator'),
      await provider.mint('zone-consolidator', {}, 'foreign'),
      tokens.get('zone-consolidator')!,
    ]) {
      const r = await request('GET', '/consolidation/2025', { as: forged }, entraWorker);
      expect(r.status).toBe(401);
      expect(JSON.parse(r.bytes.toString()).error.code).toBe('invalid_token');
    }
  }, 60_000);

  it('answers the .xlsx routes through their registered handlers: template, upload, consolidation, evaluation', async () => {
    const template = await request('GET', '/templates/jinshan/2025.xlsx', { as: 'jinshan-statistician' });
    expect(template.status, template.logs).toBe(200);
    expect(template.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    const model = (await json('GET', '/templates/jinshan/2025', 'jinshan-statistician')) as TemplateModel;
    expect(template.headers.etag).toBe(`"${model.version}"`);

    const sample = makeSampleData(catalogue, { years: [2025] });
    const values = sample.years.find((y) => y.park === 'jinshan')!.values;
    const filled = await fillTemplateWorkbook(
      template.bytes,
      model,
      values,
      sample.baselines.jinshan,
      Object.fromEntries(model.fields.map((f) => [f.key, '示例数据'])),
    );
    const upload = await request('POST', '/returns/jinshan/2025/upload', {
      as: 'jinshan-statistician',
      body: filled,
      headers: { 'content-type': XLSX_CONTENT_TYPE },
    });
    expect(upload.status, `${upload.bytes.toString()}\n${upload.logs}`).toBe(201);
    expect(JSON.parse(upload.bytes.toString())).toMatchObject({ park: 'jinshan', period: '2025', version: 1 });

    for (const path of ['/consolidation/2025.xlsx', '/evaluation/2025.xlsx']) {
      const file = await request('GET', path, { as: 'zone-consolidator' });
      expect(file.status, `${path}\n${file.logs}`).toBe(200);
      expect(file.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
      const wb = await loadWorkbook(file.bytes);
      const cells = wb.worksheets.flatMap((ws) =>
        ws
          .getSheetValues()
          .flatMap((row) => (Array.isArray(row) ? row : []))
          .map(String),
      );
      expect(
        cells.some((c) => c.includes('金山园')),
        path,
      ).toBe(true);
      expect(wb.worksheets.length).toBeGreaterThan(1);
      expect(shown(wb.worksheets[0]!.getCell('A1'))).not.toBe('');
    }
  }, 120_000);

  it('reads a plan uploaded as .docx and as PDF through the registered handler (mammoth and pdf.js bundled), and a scan gets its code', async () => {
    const plans = join(FUNCTIONS_DIR, 'src', 'plans', '__fixtures__');
    for (const [file, format] of [
      ['baoshan-plan.docx', 'docx'],
      ['baoshan-plan.pdf', 'pdf'],
    ] as const) {
      const started = await request('POST', '/onboarding/file', {
        as: 'zone-consolidator',
        body: readFileSync(join(plans, file)),
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': file },
      });
      expect(started.status, `${started.bytes.toString().slice(0, 500)}\n${started.logs}`).toBe(201);
      const draft = JSON.parse(started.bytes.toString());
      expect(draft.source.format).toBe(format);
      expect(draft.proposals.map((p: { quote: string }) => p.quote)).toContain('每年举办科技成果路演活动不少于20场');
    }
    const scan = await request('POST', '/onboarding/file', {
      as: 'zone-consolidator',
      body: readFileSync(join(plans, 'scanned-plan.pdf')),
      headers: { 'content-type': 'application/pdf' },
    });
    expect([scan.status, JSON.parse(scan.bytes.toString()).error.code]).toEqual([422, 'plan_no_text']);
  }, 60_000);
});
