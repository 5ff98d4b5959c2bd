import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { azuriteConnectionString } from '../settings/read-storage-settings.js';

export interface AzuritePorts {
  blob: number;
  queue: number;
  table: number;
}

export interface AzuriteHandle {
  ports: AzuritePorts;
  location: string;
  connectionString: string;
  pid: number;
  /** Graceful stop: Azurite saves its database, so the data survives a restart. How it ended. */
  stop(): Promise<AzuriteStopped>;
  /** SIGKILL: storage vanishes as a crashed or unplugged server would. */
  kill(): Promise<AzuriteStopped>;
}

/** How an Azurite process ended. */
export interface AzuriteStopped {
  /**
   * Whether it closed its three services and exited 0, so its databases were saved. False when it
   * exited otherwise (a failure while closing), was killed, or did not close within the grace.
   */
  saved: boolean;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Its last lines of output (what it said while closing). */
  lastOutput: string;
}

/** The line `npm start` prints once Azurite stopped: that its data is saved, or that it may not be. */
export function azuriteStopLine(stopped: AzuriteStopped, location: string): string {
  if (stopped.saved) return `Azurite stopped; its data is saved in ${location}.`;
  const how = stopped.signal ? `signal ${stopped.signal}` : `exit code ${stopped.code}`;
  return `Azurite did not stop cleanly (${how}): its last seconds of writes may not be saved in ${location}. Its last output:\n${stopped.lastOutput}`;
}

/** What a graceful stop waits for before SIGKILL: saving a large database on a busy machine takes time. */
export const AZURITE_STOP_GRACE_MS = 30_000;
/** Azurite prints these once a service has closed (and so saved its database). */
const CLOSED = ['Blob', 'Queue', 'Table'].map((s) => `Azurite ${s} service successfully closed`);
/** How much of Azurite's output is kept after it started: enough for its closing lines. */
const KEPT_OUTPUT = 8 * 1024;

export interface StartAzuriteOptions {
  /** Data folder; created if missing. */
  location: string;
  /** 0 (the default) picks free ports. */
  ports?: Partial<AzuritePorts>;
  timeoutMs?: number;
  /**
   * Runs Azurite in a process group of its own, so that a signal sent to ours (Ctrl-C in a
   * terminal, SIGTERM from a process manager) reaches this process only, which then stops
   * Azurite by closing its channel (stop()). A signal reaching Azurite besides would be a
   * second shutdown request, which fails inside it ("Cannot close server in status Closing"), and
   * it dies before saving its database, losing the last seconds of writes (it autosaves every
   * 5 s). For `npm start`.
   */
  ownProcessGroup?: boolean;
  /** Keep the data in memory only (--inMemoryPersistence): no autosave of a growing database, for benchmarks. */
  inMemory?: boolean;
}

/** Azurite's entry point under ours (azurite-child.cjs): it stops when this process closes the channel or is gone. */
const AZURITE_CHILD = fileURLToPath(new URL('./azurite-child.cjs', import.meta.url));

const LISTENING = /Azurite (Blob|Queue|Table) service is successfully listening at https?:\/\/[^:]+:(\d+)/g;

/**
 * Starts Azurite as a child process of this Node (no shell, no global install) and resolves once
 * all three services listen, with the ports they took. The child is killed if this process exits.
 */
export async function startAzurite(options: StartAzuriteOptions): Promise<AzuriteHandle> {
  mkdirSync(options.location, { recursive: true });
  const ports = { blob: 0, queue: 0, table: 0, ...options.ports };
  const args = [
    AZURITE_CHILD,
    '--silent',
    '--disableTelemetry',
    '--skipApiVersionCheck',
    // Azurite refuses a data folder with --inMemoryPersistence.
    ...(options.inMemory ? ['--inMemoryPersistence'] : ['--location', options.location]),
    '--blobPort',
    String(ports.blob),
    '--queuePort',
    String(ports.queue),
    '--tablePort',
    String(ports.table),
  ];
  // An IPC channel: closing it is the graceful stop, and it closes by itself when this process is
  // gone, however it ended (azurite-child.cjs).
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: options.ownProcessGroup ?? false });
  child.channel?.unref(); // the channel alone keeps this process running no longer than before
  // When this process exits without stopping it: a test's Azurite is killed with it; `npm start`'s
  // (a process group of its own) sees its channel close and stops, saving what it holds.
  const onExit = () => {
    if (!options.ownProcessGroup) child.kill('SIGKILL');
  };
  process.once('exit', onExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => process.off('exit', onExit));

  const found: Partial<Record<'Blob' | 'Queue' | 'Table', number>> = {};
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within ${options.timeoutMs ?? 30_000} ms:\n${output}`)), options.timeoutMs ?? 30_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      for (const m of output.matchAll(LISTENING)) found[m[1] as 'Blob'] = Number(m[2]);
      if (found.Blob && found.Queue && found.Table) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => fail(new Error(`Azurite exited with code ${code} before it listened:\n${output}`)));
  });
  // Keep reading (so the pipes never fill and block the child), keeping the tail: what it says
  // while closing tells whether it saved.
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-KEPT_OUTPUT);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  const actual = { blob: found.Blob!, queue: found.Queue!, table: found.Table! };
  let killedByUs = false;
  const ended = (): AzuriteStopped => ({
    saved: !killedByUs && child.exitCode === 0 && CLOSED.every((line) => tail.includes(line)),
    code: child.exitCode,
    signal: child.signalCode,
    lastOutput: tail.trim().split('\n').slice(-12).join('\n'),
  });
  const timedOut = () => {
    killedByUs = true;
    child.kill('SIGKILL');
  };
  /** SIGKILL at once; otherwise Azurite's own shutdown, and SIGKILL only if it has not ended within the grace. */
  const stopWith = async (how: 'shutdown' | 'SIGKILL'): Promise<AzuriteStopped> => {
    if (child.exitCode !== null || child.signalCode !== null) return ended();
    const timer = setTimeout(timedOut, AZURITE_STOP_GRACE_MS);
    if (how === 'SIGKILL') {
      killedByUs = true;
      child.kill('SIGKILL');
    } else {
      // Not a signal: Azurite says it listens before it installs its SIGINT and SIGTERM handlers,
      // and a signal in between killed it unsaved (in CI, once in about eight stops made at once
      // after a start). Closing the channel stops it whenever it comes (azurite-child.cjs).
      if (child.connected) child.disconnect();
    }
    await exited;
    clearTimeout(timer);
    return ended();
  };
  return {
    ports: actual,
    location: options.location,
    connectionString: azuriteConnectionString(actual),
    pid: child.pid!,
    stop: () => stopWith('shutdown'),
    kill: () => stopWith('SIGKILL'),
  };
}
