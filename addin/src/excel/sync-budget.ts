/**
 * Batches queued Office.js commands into as few `context.sync()` calls as the payload allows.
 * Excel on the web refuses a request over 5 MB; we keep each sync under `limitBytes` (2 MB by
 * default), measured as the UTF-8 size of the JSON each command carries plus a fixed allowance for
 * the object path and action envelope Office.js adds around it.
 */
export const DEFAULT_SYNC_LIMIT_BYTES = 2 * 1024 * 1024;
/** Office.js wraps each command in an action and object-path record of roughly this size. */
export const COMMAND_ENVELOPE_BYTES = 200;

const encoder = new TextEncoder();

/**
 * Estimated request bytes of queuing `value` as `commands` Office.js commands on one new object
 * (a range): the data once, plus an envelope per command and one for the object path.
 */
export function payloadBytes(value: unknown, commands = 1): number {
  return encoder.encode(JSON.stringify(value) ?? '').length + COMMAND_ENVELOPE_BYTES * (commands + 1);
}

export interface SyncStats {
  syncs: number;
  /** Estimated payload bytes of each sync, in order. */
  bytesPerSync: number[];
}

export class SyncBudget {
  private pending = 0;
  readonly stats: SyncStats = { syncs: 0, bytesPerSync: [] };

  constructor(
    private readonly context: { sync(): Promise<unknown> },
    private readonly limitBytes = DEFAULT_SYNC_LIMIT_BYTES,
  ) {}

  /** Call before queuing a command of `bytes`: syncs first when it would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (bytes > this.limitBytes) throw new Error(`sync budget: one command of ${bytes} bytes exceeds ${this.limitBytes}`);
    if (this.pending > 0 && this.pending + bytes > this.limitBytes) await this.flush();
    this.pending += bytes;
  }

  /** Sends what is queued (also used where a read must come back before going on). */
  async flush(): Promise<void> {
    await this.context.sync();
    this.stats.syncs += 1;
    this.stats.bytesPerSync.push(this.pending);
    this.pending = 0;
  }
}
