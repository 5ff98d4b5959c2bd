import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { azuriteConnectionString } from '../src/settings/read-storage-settings.js';
import { call, TEST_SECRET } from './helpers/harness.js';
import { freeAzuritePorts } from './helpers/free-port.js';

/**
 * Sign-in fails closed where it matters: the processes themselves, started as a person or the
 * platform starts them. `npm start` (start-local-stack.ts) refuses dev tokens off loopback unless
 * the README's opt-in is given, and refuses to guess a mode in Azure; in the Functions host a
 * function module refuses to load with settings that would fail open.
 */
const FUNCTIONS_DIR = fileURLToPath(new URL('..', import.meta.url));
const location = mkdtempSync(join(tmpdir(), 'zj-failclosed-'));
const children = new Set<ChildProcess>();

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) killGroup(child, 'SIGKILL');
  rmSync(location, { recursive: true, force: true });
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // gone
  }
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string>): Run {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(AUTH_MODE|DEV_TOKEN_SECRET|ALLOW_DEV_TOKENS_ON_LAN|WEBSITE_|ENTRA_|HOST$|PORT$)/.test(k)),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: FUNCTIONS_DIR,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...clean, AZURITE_LOCATION: location, STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', ...env },
  });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** start-local-stack.ts (what `npm start` runs), with an Azurite of its own on free ports and a scratch folder. */
async function startStack(env: Record<string, string>): Promise<Run> {
  const ports = await freeAzuritePorts();
  const storage = `${azuriteConnectionString(ports)};QueueEndpoint=http://127.0.0.1:${ports.queue}/devstoreaccount1`;
  return run(['src/local/start-local-stack.ts'], { PORT: '0', STORAGE_CONNECTION_STRING: storage, ...env });
}

async function waitForApi(r: Run): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const api = /API:\s+(http:\/\/\S+\/api)/.exec(r.output());
    if (api && r.output().includes('Ctrl-C stops')) return api[1]!;
    if (r.child.exitCode !== null) throw new Error(`the stack exited:\n${r.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the stack did not start:\n${r.output()}`);
}

/** An address of this machine that other machines of its network would use, if it has one. */
function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

describe('npm start refuses what would be unsafe', { timeout: 120_000 }, () => {
  it.each<[string, Record<string, string>, RegExp]>([
    [
      'HOST=0.0.0.0 with dev tokens',
      { HOST: '0.0.0.0', DEV_TOKEN_SECRET: TEST_SECRET },
      /HOST=0\.0\.0\.0 would let other machines in with dev tokens.*ALLOW_DEV_TOKENS_ON_LAN=yes/s,
    ],
    ['HOST=192.168.1.20 with dev tokens', { HOST: '192.168.1.20', DEV_TOKEN_SECRET: TEST_SECRET }, /ALLOW_DEV_TOKENS_ON_LAN=yes/],
    [
      'AUTH_MODE unset in Azure',
      { AUTH_MODE: '', WEBSITE_SITE_NAME: 'zj-returns', DEV_TOKEN_SECRET: TEST_SECRET },
      /AUTH_MODE is not set, and this app runs in Azure/,
    ],
    ['dev tokens in Azure', { AUTH_MODE: 'dev-token', WEBSITE_INSTANCE_ID: 'abc', DEV_TOKEN_SECRET: TEST_SECRET }, /dev-token is refused in Azure/],
    [
      'App Service Authentication with nothing in front',
      { AUTH_MODE: 'app-service', ENTRA_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
      /platform does not say it is on/,
    ],
    [
      'App Service Authentication claimed by the environment, on the local server',
      { AUTH_MODE: 'app-service', WEBSITE_SITE_NAME: 'x', WEBSITE_AUTH_ENABLED: 'True', ENTRA_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
      /cannot run on the local server/,
    ],
  ])('%s: exits 1 with the reason, before starting anything', async (_name, env, reason) => {
    const r = await startStack(env);
    expect(await r.exited).toBe(1);
    expect(r.output()).toMatch(reason);
    expect(r.output()).not.toContain('Azurite started');
    expect(r.output()).not.toContain('API:');
  });

  it('serves the LAN with dev tokens only with ALLOW_DEV_TOKENS_ON_LAN=yes', async () => {
    const r = await startStack({ HOST: '0.0.0.0', DEV_TOKEN_SECRET: TEST_SECRET, ALLOW_DEV_TOKENS_ON_LAN: 'yes' });
    try {
      const url = await waitForApi(r);
      expect(r.output()).toContain('ALLOW_DEV_TOKENS_ON_LAN=yes: dev tokens are accepted from other machines');
      const token = /zone-consolidator .*\n\s+(\S+)/.exec(r.output())![1]!;
      const port = new URL(url).port;
      const lan = lanAddress();
      const r1 = await call(`http://${lan ?? '127.0.0.1'}:${port}/api`, 'GET', '/status/2025', { token });
      expect(r1.status).toBe(200);
    } finally {
      killGroup(r.child, 'SIGTERM');
      await r.exited;
    }
  });

  it('on loopback, as before: a secret made for this machine (none committed), demo tokens printed that work for 12 hours', async () => {
    expect(readFileSync(join(FUNCTIONS_DIR, 'local.settings.json.example'), 'utf8')).not.toMatch(/DEV_TOKEN_SECRET|SECRET|USERS/);
    const r = await startStack({});
    try {
      const url = await waitForApi(r);
      expect(r.output()).toMatch(/Dev token secret: \S+\.data\/dev-token-secret/);
      expect(r.output()).toContain('valid 12 hours');
      const token = /jinshan-statistician .*\n\s+(\S+)/.exec(r.output())![1]!;
      const me = await call(url, 'GET', '/me', { token });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: 'jinshan-statistician', role: 'statistician', park: { code: 'jinshan' }, authMode: 'dev-token' });
      expect((await call(url, 'GET', '/auth-info')).body).toEqual({ authMode: 'dev-token', devTokens: true });
    } finally {
      killGroup(r.child, 'SIGTERM');
      await r.exited;
    }
  });
});

describe('in the Functions host, a function module refuses to load with unsafe settings', { timeout: 60_000 }, () => {
  const load = (env: Record<string, string>) => run(['-e', "await import('./src/functions/get-parks.ts'); console.log('loaded');"], env);

  it.each<[string, Record<string, string>, RegExp]>([
    ['AUTH_MODE unset in Azure', { WEBSITE_SITE_NAME: 'zj-returns' }, /AUTH_MODE is not set, and this app runs in Azure/],
    ['dev tokens in Azure', { WEBSITE_SITE_NAME: 'zj-returns', AUTH_MODE: 'dev-token', DEV_TOKEN_SECRET: TEST_SECRET }, /dev-token is refused in Azure/],
    [
      'App Service Authentication not on',
      { WEBSITE_SITE_NAME: 'zj-returns', AUTH_MODE: 'app-service', ENTRA_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
      /platform does not say it is on/,
    ],
  ])('%s', async (_name, env, reason) => {
    const r = load(env);
    expect(await r.exited).not.toBe(0);
    expect(r.output()).toMatch(reason);
    expect(r.output()).not.toContain('loaded');
  });

  it('loads with entra settings', async () => {
    const r = load({
      WEBSITE_SITE_NAME: 'zj-returns',
      AUTH_MODE: 'entra',
      ENTRA_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      ENTRA_API_CLIENT_ID: '6e3a1c52-8a9f-4c0e-9d3b-0f1b2c3d4e5f',
    });
    expect(await r.exited).toBe(0);
    expect(r.output()).toContain('loaded');
  });
});
