/**
 * Batches queued Office.js commands into as few `context.sync()` calls as the request size
 * allows. Excel on the web refuses a request over 5 MB; each sync here stays under `limitBytes`
 * (3.5 MB by default) as office.js's own serializer counts it: the UTF-8 bytes of the JSON body
 * of Actions and ObjectPaths it sends (ClientRequest.buildRequestMessageBodyAndRequestFlags).
 *
 * The costs below are upper bounds of that body, record by record (see request-costs in the
 * README): the fake Excel builds the same body as office.js, byte for byte (checked against
 * office.js itself in e2e/browser/office-js-requests.browser.test.ts), and the unit tests
 * check every estimate against it.
 */
export const DEFAULT_SYNC_LIMIT_BYTES = 3.5 * 1024 * 1024;

/**
 * What each record of a request costs, at most, with ids of up to seven digits:
 * - a range (`getRange(address)`): its object path, its Instantiate action, and, inside
 *   Excel.run, `_KeepReference` and a second Instantiate (office.js tracks every range);
 * - an object reached from it (format, fill, font, protection, dataValidation): a path and an
 *   Instantiate;
 * - a command (a property set or a method call): its action, without its argument;
 * - a matrix of more than 1500 cells is sent by office.js in pieces of ⌈1500 ÷ columns⌉ rows,
 *   each to an untracked getRow(i).getBoundingRect(getRow(j)), after one _ValidateArraySize;
 * - each request starts by instantiating the workbook, its worksheets and a sheet again.
 */
export const REQUEST_COSTS = {
  range: 380,
  object: 150,
  command: 110,
  matrixPiece: 960,
  validateArray: 130,
  request: 600,
} as const;

/** Office.js sends a matrix of more than this many cells in pieces (setRangePropertiesInBulk). */
export const OFFICE_BULK_CELLS = 1500;

const encoder = new TextEncoder();

/** UTF-8 bytes of a value as JSON (the argument of a command). */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? 'null').length;
}

/** Upper bound of the bytes a matrix property (values, formulas, number formats) adds, argument included. */
export function matrixBytes(matrix: unknown[][]): number {
  const columns = matrix[0]?.length ?? 0;
  const cells = matrix.length * columns;
  let bytes = REQUEST_COSTS.command + jsonBytes(matrix);
  if (cells > OFFICE_BULK_CELLS) {
    const rowsPerPiece = Math.max(1, Math.round(OFFICE_BULK_CELLS / columns));
    bytes += REQUEST_COSTS.validateArray + Math.ceil(matrix.length / rowsPerPiece) * REQUEST_COSTS.matrixPiece;
  }
  return bytes;
}

export interface SyncStats {
  syncs: number;
  /** Estimated request bytes of each sync, in order. */
  bytesPerSync: number[];
}

export class SyncBudget {
  private pending = 0;
  readonly stats: SyncStats = { syncs: 0, bytesPerSync: [] };

  constructor(
    private readonly context: { sync(): Promise<unknown> },
    private readonly limitBytes = DEFAULT_SYNC_LIMIT_BYTES,
  ) {}

  /** Call before queuing commands of `bytes`: syncs first when they would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (bytes + REQUEST_COSTS.request > this.limitBytes) throw new Error(`sync budget: one command of ${bytes} bytes exceeds ${this.limitBytes}`);
    if (this.pending > 0 && this.pending + bytes > this.limitBytes) await this.flush();
    if (this.pending === 0) this.pending = REQUEST_COSTS.request;
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
