import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
  /** Graceful stop: Azurite saves its database, so the data survives a restart. */
  stop(): Promise<void>;
  /** SIGKILL: storage vanishes as a crashed or unplugged server would. */
  kill(): Promise<void>;
}

export interface StartAzuriteOptions {
  /** Data folder; created if missing. */
  location: string;
  /** 0 (the default) picks free ports. */
  ports?: Partial<AzuritePorts>;
  timeoutMs?: number;
  /**
   * Runs Azurite in a process group of its own, so that a signal sent to ours (Ctrl-C in a
   * terminal, SIGTERM from a process manager) reaches this process only, which then stops
   * Azurite with ONE signal. Azurite handles one SIGINT and one SIGTERM: a second shutdown
   * request fails inside it ("Cannot close server in status Closing") and it dies before saving
   * its database, losing the last seconds of writes (it autosaves every 5 s). For `npm start`.
   */
  ownProcessGroup?: boolean;
  /** Keep the data in memory only (--inMemoryPersistence): no autosave of a growing database, for benchmarks. */
  inMemory?: boolean;
}

const require = createRequire(import.meta.url);

function azuriteMain(): string {
  const pkg = require.resolve('azurite/package.json');
  return join(dirname(pkg), 'dist', 'src', 'azurite.js');
}

const LISTENING = /Azurite (Blob|Queue|Table) service is successfully listening at https?:\/\/[^:]+:(\d+)/g;

/**
 * Starts Azurite as a child process of this Node (no shell, no global install) and resolves once
 * all three services listen, with the ports they took. The child is killed if this process exits.
 */
export async function startAzurite(options: StartAzuriteOptions): Promise<AzuriteHandle> {
  mkdirSync(options.location, { recursive: true });
  const ports = { blob: 0, queue: 0, table: 0, ...options.ports };
  const args = [
    azuriteMain(),
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
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: options.ownProcessGroup ?? false });
  const onExit = () => child.kill('SIGKILL');
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
  // Keep reading so the pipes never fill and block the child.
  child.stdout!.resume();
  child.stderr!.resume();

  const actual = { blob: found.Blob!, queue: found.Queue!, table: found.Table! };
  const stopWith = async (signal: NodeJS.Signals, child: ChildProcess) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return {
    ports: actual,
    location: options.location,
    connectionString: azuriteConnectionString(actual),
    pid: child.pid!,
    stop: () => stopWith('SIGTERM', child),
    kill: () => stopWith('SIGKILL', child),
  };
}
