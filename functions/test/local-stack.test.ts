import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../src/auth/dev-tokens.js';
import { LOCAL_STACK_NOTICE } from '../src/local/local-stack-notice.js';
import { azuriteConnectionString } from '../src/settings/read-storage-settings.js';
import { call, TEST_SECRET } from './helpers/harness.js';
import { freeAzuritePorts } from './helpers/free-port.js';

// `npm start` as a person runs it: the stack in a process group of its own, stopped the way a
// terminal stops it (Ctrl-C sends SIGINT to the whole foreground group) or a process manager
// does (SIGTERM to the group). What was saved just before must be there after a restart.
const FUNCTIONS_DIR = fileURLToPath(new URL('..', import.meta.url));
const location = mkdtempSync(join(tmpdir(), 'zj-stack-'));
const started = new Set<ChildProcess>();
const azuritePids = new Set<number>();

afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) killGroup(child, 'SIGKILL');
  for (const pid of azuritePids) killQuietly(pid, 'SIGKILL');
  rmSync(location, { recursive: true, force: true });
  for (const other of otherLocations) rmSync(other, { recursive: true, force: true });
});
const otherLocations: string[] = [];

/** A data folder of its own, for a test whose stacks must not meet the others' data. */
function newLocation(): string {
  const folder = mkdtempSync(join(tmpdir(), 'zj-stack-'));
  otherLocations.push(folder);
  return folder;
}

/** Whether a process runs (a zombie, dead but not yet reaped, does not). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function gone(pid: number, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (!running(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !running(pid);
}

/** What the stack logged of a failed request, on one line: it heads a failure message, which CI shows the first line of. */
function loggedError(output: string): string {
  const line = output.split('\n').find((l) => / error: /.test(l)) ?? 'nothing';
  const code = /"errorCode": "(\w+)"/.exec(output)?.[1];
  return `${line.trim()}${code ? ` (${code})` : ''}`;
}

function azuritePidIn(output: string): number {
  const pid = /Azurite started \(pid (\d+)\)/.exec(output);
  if (!pid) throw new Error(`the stack did not say it started Azurite:\n${output}`);
  return Number(pid[1]);
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  killQuietly(-child.pid!, signal);
}

interface Stack {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
}

/** Starts functions/src/local/start-local-stack.ts (what `npm start` runs) in a new process group. */
async function startStack(
  ports: { blob: number; queue: number; table: number },
  options: { location?: string; until?: RegExp } = {},
): Promise<Stack & { output: () => string }> {
  const connection = `${azuriteConnectionString(ports)};QueueEndpoint=http://127.0.0.1:${ports.queue}/devstoreaccount1`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/local/start-local-stack.ts'], {
    cwd: FUNCTIONS_DIR,
    detached: true, // its own process group, as a terminal gives a foreground job
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      STORAGE_CONNECTION_STRING: connection,
      AZURITE_LOCATION: options.location ?? location,
      AUTH_MODE: 'dev-token',
      DEV_TOKEN_SECRET: TEST_SECRET,
      PORT: '0',
      HOST: '127.0.0.1',
    },
  });
  started.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the stack did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const pid = /Azurite started \(pid (\d+)\)/.exec(output);
      if (pid) azuritePids.add(Number(pid[1]));
      const api = /API:\s+(http:\/\/\S+\/api)/.exec(output);
      if (options.until?.test(output)) {
        clearTimeout(timer);
        resolve('');
      } else if (api && output.includes('Ctrl-C stops')) {
        clearTimeout(timer);
        resolve(api[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(() => reject(new Error(`the stack exited before it started:\n${output}`)));
  });
  return { child, url, exited, output: () => output };
}

describe('npm start says what the local stack is', () => {
  it('for development and demos; production data lives in Azure Storage', async () => {
    const stack = await startStack(await freeAzuritePorts());
    try {
      expect(stack.output()).toContain(LOCAL_STACK_NOTICE);
      expect(LOCAL_STACK_NOTICE).toContain('仅用于开发和演示');
      expect(LOCAL_STACK_NOTICE).toContain('Production data lives in Azure Storage');
    } finally {
      killGroup(stack.child, 'SIGTERM');
      await stack.exited;
    }
    // Stopped as soon as it said it was ready, it stopped Azurite too (saved, not left running).
    expect(stack.output()).toContain(`Azurite stopped; its data is saved in ${location}.`);
  }, 120_000);
});

describe('npm start, stopped as a terminal or a process manager stops it', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'keeps what was saved just before %s reached the whole process group',
    async (signal) => {
      const ports = await freeAzuritePorts();
      const token = await signDevToken(TEST_SECRET, { id: 'jinshan-statistician', name: '金山园统计员', role: 'statistician', park: 'jinshan' });
      const period = signal === 'SIGINT' ? '2025Q1' : '2025Q2';

      const first = await startStack(ports);
      const saved = await call(first.url, 'saveDraft', {
        params: { park: 'jinshan', period },
        token,
        json: { templateVersion: 'x', figures: { operating_revenue: 5000 } },
      });
      expect(saved.status).toBe(200);
      // At once, well inside Azurite's 5-second autosave: only a graceful stop saves it.
      killGroup(first.child, signal);
      await first.exited;
      // It says whether Azurite saved: a stop that did not would lose the draft.
      expect(first.output()).toContain(`Azurite stopped; its data is saved in ${location}.`);
      expect(first.child.exitCode).toBe(0);

      const second = await startStack(ports);
      try {
        const draft = await call(second.url, 'getDraft', { params: { park: 'jinshan', period }, token });
        expect(
          draft.status,
          `the restarted stack logged: ${loggedError(second.output())}\n${JSON.stringify(draft.body)}\nfirst stack:\n${first.output()}\nsecond stack:\n${second.output()}`,
        ).toBe(200);
        expect(draft.body.contentHash).toBe(saved.body.contentHash);
      } finally {
        killGroup(second.child, 'SIGTERM');
        await second.exited;
      }
    },
    120_000,
  );
});

describe('npm start, ended otherwise', () => {
  it('killed outright (SIGKILL: no stop runs), its Azurite stops by itself and keeps what was saved', async () => {
    const ports = await freeAzuritePorts();
    const folder = newLocation();
    const token = await signDevToken(TEST_SECRET, { id: 'jinshan-statistician', name: '金山园统计员', role: 'statistician', park: 'jinshan' });
    const first = await startStack(ports, { location: folder });
    const azurite = azuritePidIn(first.output());
    const saved = await call(first.url, 'saveDraft', {
      params: { park: 'jinshan', period: '2025Q3' },
      token,
      json: { templateVersion: 'x', figures: { operating_revenue: 6000 } },
    });
    expect(saved.status).toBe(200);
    killGroup(first.child, 'SIGKILL');
    await first.exited;
    // Azurite runs in a process group of its own, which the kill did not reach. Left running, it
    // would hold the data folder under the next start's Azurite and write its older database
    // over the newer one's (a draft's head then names a document that is gone).
    expect(await gone(azurite, 30_000), `Azurite (pid ${azurite}) outlived the stack that started it`).toBe(true);

    const second = await startStack(ports, { location: folder });
    try {
      const draft = await call(second.url, 'getDraft', { params: { park: 'jinshan', period: '2025Q3' }, token });
      expect(draft.status, `the restarted stack logged: ${loggedError(second.output())}\n${JSON.stringify(draft.body)}`).toBe(200);
      expect(draft.body.contentHash).toBe(saved.body.contentHash);
    } finally {
      killGroup(second.child, 'SIGTERM');
      await second.exited;
    }
  }, 120_000);

  it.each([
    ['as soon as it has read its settings', /^Settings: .*$/m],
    ['as soon as Azurite runs', /Azurite started \(pid \d+\)/],
  ])(
    'stopped while it is still starting (SIGTERM %s), it stops Azurite and exits cleanly',
    async (_moment, until) => {
      const ports = await freeAzuritePorts();
      const starting = await startStack(ports, { location: newLocation(), until });
      killGroup(starting.child, 'SIGTERM');
      await starting.exited;
      expect(starting.child.signalCode, `the stack died of the signal instead of stopping:\n${starting.output()}`).toBeNull();
      expect(starting.child.exitCode, starting.output()).toBe(0);
      // Stopped before Azurite started (the signal can reach it while it is being spawned), or
      // Azurite stopped and saved: never left running.
      if (starting.output().includes('Stopped before Azurite started.')) expect(starting.output()).not.toMatch(/Azurite started \(pid/);
      else {
        expect(starting.output()).toContain('Azurite stopped; its data is saved in');
        expect(running(azuritePidIn(starting.output()))).toBe(false);
      }
    },
    120_000,
  );
});
