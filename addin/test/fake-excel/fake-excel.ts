import { cellKey, columnLetters, parseAddress, type Rect } from './a1.js';
import { evaluateFormula } from './evaluate-formula.js';
import { OfficeRequestModel, PATH, type ObjectPath } from './office-request.js';
import { emptyCell, newSheet, newWorkbook, type CellState, type SheetState, type WorkbookState } from './state.js';

/**
 * A typed recorder standing in for Excel's JavaScript API: the subset the add-in uses
 * (worksheets, ranges with values/formulas/numberFormat/format/dataValidation, names,
 * protection, Excel.run, context.sync, createWorkbook, insertWorksheetsFromBase64).
 *
 * Like Office.js, commands are queued and only run at `context.sync()`, loaded properties can be
 * read only after a sync, and a batch fails on writes Excel refuses (locked cells of a protected
 * sheet, arrays that do not match the range). Each sync is measured as the request Office.js
 * would send, built record for record by office-request.ts (calibrated against office.js itself
 * by e2e/browser/office-js-requests.browser.test.ts), so tests can bound syncs and payload size.
 */
export interface FakeSync {
  /** Actions in the request. */
  actions: number;
  /** UTF-8 bytes of the request body. */
  bytes: number;
  /** The request body (JSON), kept when the fake is made with `keepBodies`. */
  body?: string;
}

export interface FakeExcelOptions {
  /** Requirement sets reported as supported, e.g. { ExcelApi: '1.13' }. */
  supportedSets?: Record<string, string>;
  displayLanguage?: string;
  /** Office.context.platform: 'OfficeOnline' for Excel on the web, 'PC', 'Mac'… */
  platform?: string;
  /**
   * The user is typing in a cell: a batch not run with delayForCellEdit fails; one run with it
   * waits until `finishCellEdit()`.
   */
  cellEditing?: boolean;
  /** Keep each request's body in `syncs` (the calibration test compares them with office.js's). */
  keepBodies?: boolean;
}

type Json = unknown;

function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, name: 'RichApi.Error' });
}

class Context {
  private pending: Array<() => void> = [];
  private loads: Array<() => void> = [];
  private book: FakeWorkbook | null = null;
  readonly model: OfficeRequestModel;

  constructor(
    readonly host: FakeExcel,
    private readonly delayForCellEdit: boolean,
  ) {
    this.model = new OfficeRequestModel(() => ++host.referenceIds);
  }

  /** Made on first use, as Office.js's root object is instantiated then. */
  get workbook(): FakeWorkbook {
    if (!this.book) {
      this.model.instantiate(this.model.root);
      this.book = new FakeWorkbook(this, this.model.root);
    }
    return this.book;
  }

  /** Queues what a command does in the workbook; it runs at sync. */
  effect(apply: () => void): void {
    this.pending.push(apply);
  }

  /** What a load answers, filled in at sync. */
  answer(resolve: () => void): void {
    this.loads.push(resolve);
  }

  get unsent(): number {
    return this.model.pending;
  }

  async sync(): Promise<void> {
    const pending = this.pending;
    const loads = this.loads;
    this.pending = [];
    this.loads = [];
    const built = this.model.build();
    // Office.js sends nothing for a sync with nothing queued.
    if (built === null) return;
    const record = { actions: built.actions, bytes: built.bytes, ...(this.host.options.keepBodies ? { body: built.body } : {}) };
    this.host.syncs.push(record);
    this.host.requests.push(record);
    await Promise.resolve();
    if (this.host.options.cellEditing) {
      if (!this.delayForCellEdit) {
        this.model.refused();
        throw officeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
      }
      await this.host.cellEditDone;
    }
    const refusal = this.host.refusals.shift();
    if (refusal !== undefined && refusal !== null) {
      this.model.refused();
      throw officeError(refusal, `Excel refused the request (${refusal}).`);
    }
    try {
      if (this.host.state.readOnly && pending.length > 0) throw officeError('AccessDenied', 'The workbook is read-only.');
      for (const apply of pending) apply();
    } catch (error) {
      this.model.refused();
      throw error;
    }
    this.model.sent();
    for (const resolve of loads) resolve();
  }

  /** The clean-up request Excel.run sends after the batch (kept ranges released). */
  finish(): void {
    const built = this.model.cleanup();
    if (!built) return;
    const record = { actions: built.actions, bytes: built.bytes, ...(this.host.options.keepBodies ? { body: built.body } : {}) };
    this.host.cleanups.push(record);
    this.host.requests.push(record);
  }
}

/** The Select list of a load, as Office.js sends it: `items/` dropped for a collection. */
function selectOf(props: string | string[] | undefined): string[] {
  return parseLoad(props).map((p) => p.replace(/^items\//, ''));
}

/** Properties readable only after load + sync, as in Office.js. */
class Loadable {
  protected loaded = new Map<string, unknown>();

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw officeError('PropertyNotLoaded', `The property '${name}' is not available. Call load and sync first.`);
    }
    return this.loaded.get(name) as T;
  }
}

class SheetRef {
  constructor(
    private readonly host: FakeExcel,
    private readonly name: string,
    private state: SheetState | null = null,
  ) {}
  exists(): boolean {
    return this.state !== null || this.host.findSheet(this.name) !== undefined;
  }
  resolve(): SheetState {
    if (!this.state) {
      const found = this.host.findSheet(this.name);
      if (!found) throw officeError('ItemNotFound', `The requested resource "${this.name}" doesn't exist.`);
      this.state = found;
    }
    return this.state;
  }
  bind(state: SheetState): void {
    this.state = state;
  }
}

function parseLoad(props: string | string[] | undefined): string[] {
  if (props === undefined) return [];
  const list = Array.isArray(props) ? props : props.split(',');
  return list.map((p) => p.trim()).filter(Boolean);
}

class FakeWorkbook extends Loadable {
  private sheetsProxy: FakeWorksheetCollection | null = null;
  private namesProxy: FakeNames | null = null;
  private protectionProxy: FakeProtectionFlag | null = null;
  constructor(
    private readonly ctx: Context,
    readonly path: ObjectPath,
  ) {
    super();
  }
  get name(): string {
    return this.read('name');
  }
  get readOnly(): boolean {
    return this.read('readOnly');
  }
  load(props?: string | string[]): this {
    this.ctx.model.query(this.path, selectOf(props));
    this.ctx.answer(() => {
      this.loaded.set('name', 'Book1.xlsx');
      this.loaded.set('readOnly', this.ctx.host.state.readOnly);
    });
    return this;
  }
  get protection(): FakeProtectionFlag {
    return (this.protectionProxy ??= new FakeProtectionFlag(
      this.ctx,
      this.ctx.model.proxy(PATH.property, 'Protection', this.path),
      () => this.ctx.host.state.structureProtected,
    ));
  }
  get worksheets(): FakeWorksheetCollection {
    return (this.sheetsProxy ??= new FakeWorksheetCollection(this.ctx, this.ctx.model.proxy(PATH.property, 'Worksheets', this.path)));
  }
  get names(): FakeNames {
    return (this.namesProxy ??= new FakeNames(this.ctx, this.ctx.model.proxy(PATH.property, 'Names', this.path)));
  }
  insertWorksheetsFromBase64(base64: string, options?: Json): { value: string[] } {
    this.ctx.model.method(this.path, 'InsertWorksheetsFromBase64', [base64, options]);
    this.ctx.effect(() => void this.ctx.host.state.insertedWorkbooks.push(base64.length));
    return { value: [] };
  }
}

/** A protection's `protected` flag, loadable: the workbook's structure, or a sheet's. */
class FakeProtectionFlag extends Loadable {
  constructor(
    protected readonly ctx: Context,
    protected readonly path: ObjectPath,
    private readonly flag: () => boolean,
  ) {
    super();
  }
  get protected(): boolean {
    return this.read('protected');
  }
  load(props: string | string[] = 'protected'): this {
    this.ctx.model.query(this.path, selectOf(props));
    this.ctx.answer(() => this.loaded.set('protected', this.flag()));
    return this;
  }
}

/** Changing the sheets of a workbook whose structure is protected is refused. */
function guardStructure(host: FakeExcel): void {
  if (host.state.structureProtected) throw officeError('AccessDenied', 'The workbook structure is protected.');
}

class FakeWorksheetCollection extends Loadable {
  constructor(
    private readonly ctx: Context,
    private readonly path: ObjectPath,
  ) {
    super();
  }
  get items(): FakeWorksheet[] {
    return this.read('items');
  }
  load(props?: string | string[]): this {
    this.ctx.model.query(this.path, selectOf(props));
    this.ctx.answer(() => {
      const sheets = this.ctx.host.state.sheets;
      this.ctx.model.itemsLoaded(sheets.length);
      this.loaded.set(
        'items',
        sheets.map((s) => {
          const ws = new FakeWorksheet(this.ctx, new SheetRef(this.ctx.host, s.name, s), null);
          ws.markLoaded(s);
          return ws;
        }),
      );
    });
    return this;
  }
  add(name: string): FakeWorksheet {
    const ref = new SheetRef(this.ctx.host, name);
    // The Instantiate action of worksheets.add() is what adds the sheet.
    const ws = new FakeWorksheet(this.ctx, ref, this.ctx.model.proxy(PATH.method, 'Add', this.path, [name], true));
    this.ctx.effect(() => {
      guardStructure(this.ctx.host);
      if (this.ctx.host.findSheet(name)) throw officeError('ItemAlreadyExists', `A sheet named ${name} exists.`);
      const state = newSheet(name);
      this.ctx.host.state.sheets.push(state);
      ref.bind(state);
    });
    return ws;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, new SheetRef(this.ctx.host, name), this.ctx.model.proxy(PATH.indexer, '', this.path, [name]));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, new SheetRef(this.ctx.host, name), this.ctx.model.proxy(PATH.method, 'GetItemOrNullObject', this.path, [name]), true);
  }
}

class FakeWorksheet extends Loadable {
  private protectionProxy: FakeProtection | null = null;
  private freezeProxy: FakeFreezePanes | null = null;

  constructor(
    private readonly ctx: Context,
    readonly ref: SheetRef,
    /** Null for an item of a loaded collection, which is only read. */
    private readonly objectPath: ObjectPath | null,
    private readonly nullable = false,
  ) {
    super();
  }

  private get path(): ObjectPath {
    if (!this.objectPath) throw new Error('fake Excel: a loaded collection item is only read here');
    return this.objectPath;
  }

  get protection(): FakeProtection {
    return (this.protectionProxy ??= new FakeProtection(this.ctx, this.ref, this.ctx.model.proxy(PATH.property, 'Protection', this.path)));
  }

  get freezePanes(): FakeFreezePanes {
    return (this.freezeProxy ??= new FakeFreezePanes(this.ctx, this.ref, this.ctx.model.proxy(PATH.property, 'FreezePanes', this.path)));
  }

  markLoaded(s: SheetState): void {
    this.loaded.set('name', s.name);
    this.loaded.set('visibility', s.visibility);
    this.loaded.set('position', this.ctx.host.state.sheets.indexOf(s));
  }

  get position(): number {
    return this.read('position');
  }
  set position(value: number) {
    this.ctx.model.setProperty(this.path, 'Position', value);
    this.ctx.effect(() => {
      guardStructure(this.ctx.host);
      const s = this.ref.resolve();
      const sheets = this.ctx.host.state.sheets.filter((x) => x !== s);
      if (value < 0 || value > sheets.length) throw officeError('InvalidArgument', `position ${value}`);
      sheets.splice(value, 0, s);
      this.ctx.host.state.sheets = sheets;
    });
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.ctx.model.setProperty(this.path, 'Name', value);
    this.ctx.effect(() => {
      guardStructure(this.ctx.host);
      const s = this.ref.resolve();
      if (this.ctx.host.findSheet(value) && this.ctx.host.findSheet(value) !== s) throw officeError('ItemAlreadyExists', value);
      if (this.ctx.host.state.activeSheet === s.name) this.ctx.host.state.activeSheet = value;
      // Like Excel, defined names follow the sheet they refer to.
      const quote = (n: string) => `'${n.replace(/'/g, "''")}'!`;
      for (const [name, ref] of this.ctx.host.state.names) {
        if (ref.includes(quote(s.name))) this.ctx.host.state.names.set(name, ref.replace(quote(s.name), quote(value)));
      }
      s.name = value;
    });
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(value: SheetState['visibility']) {
    this.ctx.model.setProperty(this.path, 'Visibility', value);
    this.ctx.effect(() => {
      guardStructure(this.ctx.host);
      this.ref.resolve().visibility = value;
    });
  }
  load(props?: string | string[]): this {
    this.ctx.model.query(this.path, selectOf(props));
    this.ctx.answer(() => {
      const exists = this.ref.exists();
      if (!this.nullable && !exists) throw officeError('ItemNotFound', 'sheet');
      this.loaded.set('isNullObject', !exists);
      if (exists) this.markLoaded(this.ref.resolve());
    });
    return this;
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this.ref, address, this.ctx.model.proxy(PATH.method, 'GetRange', this.path, [address]));
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this.ref, undefined, this.ctx.model.proxy(PATH.method, 'GetUsedRangeOrNullObject', this.path, [valuesOnly]), {
      used: { valuesOnly },
    });
  }
  activate(): void {
    this.ctx.model.method(this.path, 'Activate', []);
    this.ctx.effect(() => {
      const s = this.ref.resolve();
      if (s.visibility !== 'Visible') throw officeError('InvalidOperation', 'cannot activate a hidden sheet');
      this.ctx.host.state.activeSheet = s.name;
    });
  }
  delete(): void {
    this.ctx.model.method(this.path, 'Delete', []);
    this.ctx.effect(() => {
      guardStructure(this.ctx.host);
      const s = this.ref.resolve();
      this.ctx.host.state.sheets = this.ctx.host.state.sheets.filter((x) => x !== s);
      if (this.ctx.host.state.activeSheet === s.name)
        this.ctx.host.state.activeSheet = this.ctx.host.state.sheets.find((x) => x.visibility === 'Visible')?.name ?? null;
    });
  }
}

class FakeFreezePanes {
  constructor(
    private readonly ctx: Context,
    private readonly ref: SheetRef,
    private readonly path: ObjectPath,
  ) {}
  freezeRows(count: number): void {
    this.ctx.model.method(this.path, 'FreezeRows', [count]);
    this.ctx.effect(() => void (this.ref.resolve().frozenRows = count));
  }
  freezeAt(address: string): void {
    this.ctx.model.method(this.path, 'FreezeAt', [address]);
    this.ctx.effect(() => {
      const rect = parseAddress(address);
      const s = this.ref.resolve();
      if (rect.r1 !== 0 || rect.c1 !== 0) throw officeError('InvalidArgument', 'freezeAt starts at A1');
      s.frozenRows = rect.r2 + 1;
      s.frozenColumns = rect.c2 + 1;
    });
  }
  unfreeze(): void {
    this.ctx.model.method(this.path, 'Unfreeze', []);
    this.ctx.effect(() => {
      const s = this.ref.resolve();
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }
}

class FakeProtection extends FakeProtectionFlag {
  constructor(
    ctx: Context,
    private readonly ref: SheetRef,
    path: ObjectPath,
  ) {
    super(ctx, path, () => ref.resolve().protected);
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    this.ctx.model.method(this.path, 'Protect', [options, password]);
    this.ctx.effect(() => {
      const s = this.ref.resolve();
      if (s.protected) throw officeError('InvalidOperation', 'The worksheet is already protected.');
      s.protected = true;
      s.protectionOptions = options ?? {};
    });
  }
  unprotect(password?: string): void {
    this.ctx.model.method(this.path, 'Unprotect', [password]);
    this.ctx.effect(() => {
      const s = this.ref.resolve();
      s.protected = false;
    });
  }
}

class FakeRange extends Loadable {
  private formatProxy: ReturnType<FakeRange['makeFormat']> | null = null;
  private validationProxy: ReturnType<FakeRange['makeValidation']> | null = null;

  constructor(
    private readonly ctx: Context,
    private readonly ref: SheetRef,
    private readonly address: string | undefined,
    private readonly path: ObjectPath,
    private readonly special: { used?: { valuesOnly: boolean; within?: string } } = {},
  ) {
    super();
    // Inside Excel.run, Office.js tracks every range it makes.
    ctx.model.keepReference(path);
  }

  get format(): ReturnType<FakeRange['makeFormat']> {
    return (this.formatProxy ??= this.makeFormat());
  }

  get dataValidation(): ReturnType<FakeRange['makeValidation']> {
    return (this.validationProxy ??= this.makeValidation());
  }

  private rect(): Rect {
    if (this.special.used) {
      const used = this.usedRect();
      if (!used) throw officeError('ItemNotFound', 'empty sheet');
      return used;
    }
    return parseAddress(this.address);
  }

  /** The used part of the sheet, or of this range (Range.getUsedRangeOrNullObject). */
  private usedRect(): Rect | null {
    const used = this.special.used!;
    const rect = this.ctx.host.usedRect(this.ref.resolve(), used.valuesOnly, used.within === undefined ? undefined : parseAddress(used.within));
    return rect;
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const path = this.ctx.model.proxy(PATH.method, 'GetUsedRangeOrNullObject', this.path, [valuesOnly]);
    return new FakeRange(this.ctx, this.ref, undefined, path, { used: { valuesOnly, ...(this.address !== undefined ? { within: this.address } : {}) } });
  }

  /** A command on this range: the request record now, the effect at sync. */
  private command(path: ObjectPath, kind: 'set' | 'method', name: string, args: unknown[], apply: () => void): void {
    if (kind === 'set') this.ctx.model.setProperty(path, name, args[0]);
    else this.ctx.model.method(path, name, args);
    this.ctx.effect(apply);
  }

  private each(write: boolean, fn: (cell: CellState, r: number, c: number) => void): void {
    const s = this.ref.resolve();
    const rect = this.rect();
    if (rect.r2 - rect.r1 > 100_000 || rect.c2 - rect.c1 > 1000) {
      // Whole-sheet or whole-column ranges: only touch the cells that exist.
      for (const [key, cell] of s.cells) {
        const p = parseAddress(key);
        if (p.r1 >= rect.r1 && p.r1 <= rect.r2 && p.c1 >= rect.c1 && p.c1 <= rect.c2) fn(cell, p.r1, p.c1);
      }
      return;
    }
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) {
        const key = cellKey(r, c);
        let cell = s.cells.get(key);
        if (!cell) {
          if (!write) {
            fn(emptyCell(), r, c);
            continue;
          }
          cell = emptyCell();
          s.cells.set(key, cell);
        }
        fn(cell, r, c);
      }
    }
  }

  /** Formatting a protected sheet is refused unless the protection allows it. */
  private guardFormat(allow = 'allowFormatCells'): void {
    const s = this.ref.resolve();
    if (s.protected && s.protectionOptions[allow] !== true) throw officeError('AccessDenied', `The sheet ${s.name} is protected.`);
  }

  /**
   * Office.js sends a matrix of more than 1500 cells in pieces (setRangePropertiesInBulk in
   * excel-web-16.00.js): _ValidateArraySize on the range, then each piece of ⌈1500 ÷ columns⌉
   * rows to an untracked getRow(i).getBoundingRect(getRow(j)). The effect is the same.
   */
  private sendMatrix(name: string, input: unknown): void {
    const matrix = Array.isArray(input) && Array.isArray(input[0]) ? (input as unknown[][]) : null;
    const MAX_CELLS = 1500;
    if (!matrix || matrix.length * matrix[0]!.length <= MAX_CELLS || !this.ctx.host.office.context.requirements.isSetSupported('ExcelApi', '1.3')) {
      this.ctx.model.setProperty(this.path, name, input);
      return;
    }
    const model = this.ctx.model;
    const columns = matrix[0]!.length;
    const rowsPerPiece = Math.max(1, Math.round(MAX_CELLS / columns));
    model.method(this.path, '_ValidateArraySize', [matrix.length, columns]);
    const row = (i: number) => {
      const path = model.proxy(PATH.method, 'GetRow', this.path, [i]);
      model.keepReference(path);
      model.untrack(path);
      return path;
    };
    for (let start = 0; start < matrix.length; start += rowsPerPiece) {
      const count = Math.min(rowsPerPiece, matrix.length - start);
      const first = row(start);
      const last = row(start + count - 1);
      const piece = model.proxy(PATH.method, 'GetBoundingRect', first, [last]);
      model.keepReference(piece);
      model.untrack(piece);
      model.setProperty(piece, name, matrix.slice(start, start + count));
    }
  }

  private setMatrix(name: string, input: unknown, write: (cell: CellState, v: unknown) => void, guardLocked: boolean): void {
    this.sendMatrix(name, input);
    this.ctx.effect(() => {
      const rect = this.rect();
      const rows = rect.r2 - rect.r1 + 1;
      const cols = rect.c2 - rect.c1 + 1;
      const matrix = Array.isArray(input) ? (input as unknown[][]) : null;
      if (matrix && (matrix.length !== rows || matrix.some((row) => !Array.isArray(row) || row.length !== cols))) {
        throw officeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size of the range ${this.address}.`);
      }
      const s = this.ref.resolve();
      if (!guardLocked) this.guardFormat();
      this.each(true, (cell, r, c) => {
        if (guardLocked && s.protected && cell.locked) throw officeError('AccessDenied', `Cell ${cellKey(r, c)} of ${s.name} is locked.`);
        write(cell, matrix ? matrix[r - rect.r1]![c - rect.c1] : input);
      });
    });
  }

  set values(v: unknown) {
    this.setMatrix('Values', v, (cell, x) => this.ctx.host.enter(cell, x), true);
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set formulas(v: unknown) {
    this.setMatrix('Formulas', v, (cell, x) => this.ctx.host.enter(cell, x), true);
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set numberFormat(v: unknown) {
    this.setMatrix('NumberFormat', v, (cell, x) => void (cell.numberFormat = String(x)), false);
  }
  set columnHidden(v: boolean) {
    this.command(this.path, 'set', 'ColumnHidden', [v], () => {
      this.guardFormat('allowFormatColumns');
      const rect = parseAddress(this.address);
      const s = this.ref.resolve();
      for (let c = rect.c1; c <= Math.min(rect.c2, rect.c1 + 100); c++) {
        if (v) s.hiddenColumns.add(columnLetters(c));
        else s.hiddenColumns.delete(columnLetters(c));
      }
    });
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }

  load(props?: string | string[]): this {
    const names = parseLoad(props);
    this.ctx.model.query(this.path, selectOf(props));
    this.ctx.answer(() => {
      const s = this.ref.resolve();
      if (this.special.used) {
        const used = this.usedRect();
        this.loaded.set('isNullObject', used === null);
        if (!used) return;
      }
      const rect = this.rect();
      const matrix = (pick: (cell: CellState) => unknown) => {
        const out: unknown[][] = [];
        for (let r = rect.r1; r <= rect.r2; r++) {
          const row: unknown[] = [];
          for (let c = rect.c1; c <= rect.c2; c++) row.push(pick(s.cells.get(cellKey(r, c)) ?? emptyCell()));
          out.push(row);
        }
        return out;
      };
      for (const name of names) {
        if (name === 'values')
          this.loaded.set(
            'values',
            matrix((cell) => this.ctx.host.computed(s, cell)),
          );
        else if (name === 'formulas')
          this.loaded.set(
            'formulas',
            matrix((cell) => (cell.formula !== null ? cell.formula : cell.value)),
          );
        else if (name === 'numberFormat')
          this.loaded.set(
            'numberFormat',
            matrix((cell) => cell.numberFormat),
          );
        else if (name === 'rowIndex') this.loaded.set('rowIndex', rect.r1);
        else if (name === 'rowCount') this.loaded.set('rowCount', rect.r2 - rect.r1 + 1);
        else if (name === 'columnIndex') this.loaded.set('columnIndex', rect.c1);
        else if (name === 'columnCount') this.loaded.set('columnCount', rect.c2 - rect.c1 + 1);
        else if (name === 'address') this.loaded.set('address', `${s.name}!${cellKey(rect.r1, rect.c1)}:${cellKey(rect.r2, rect.c2)}`);
      }
      if (!this.special.used) this.loaded.set('isNullObject', false);
    });
    return this;
  }

  merge(across = false): void {
    this.command(this.path, 'method', 'Merge', [across], () => {
      this.guardFormat();
      const s = this.ref.resolve();
      if (s.merges.includes(this.address ?? '')) throw officeError('InvalidOperation', 'already merged');
      s.merges.push(this.address ?? '');
    });
  }

  unmerge(): void {
    this.command(this.path, 'method', 'Unmerge', [], () => {
      this.guardFormat();
      const s = this.ref.resolve();
      s.merges = this.address === undefined ? [] : s.merges.filter((m) => m !== this.address);
    });
  }

  select(): void {
    this.command(this.path, 'method', 'Select', [], () => {
      const s = this.ref.resolve();
      this.ctx.host.state.activeSheet = s.name;
      this.ctx.host.state.selection = { sheet: s.name, address: this.address ?? '' };
    });
  }

  clear(applyTo: string = 'All'): void {
    this.command(this.path, 'method', 'Clear', [applyTo], () => {
      const s = this.ref.resolve();
      if (s.protected) throw officeError('AccessDenied', `The sheet ${s.name} is protected.`);
      this.each(false, (cell, r, c) => {
        if (applyTo === 'All' || applyTo === 'Contents') Object.assign(cell, { value: '', formula: null });
        if (applyTo === 'All' || applyTo === 'Formats') {
          const keep = { value: cell.value, formula: cell.formula, validation: cell.validation };
          Object.assign(cell, emptyCell(), applyTo === 'All' ? { validation: cell.validation } : keep);
        }
        if (applyTo === 'All' && cell.validation === null) s.cells.delete(cellKey(r, c));
      });
      if (this.address === undefined) s.columnWidths.clear();
    });
  }

  /** range.format and its fill, font and protection: property objects made on first use, as Office.js does. */
  private makeFormat() {
    const self = this;
    const model = this.ctx.model;
    const formatPath = model.proxy(PATH.property, 'Format', this.path);
    const child = (name: string) => {
      let path: ObjectPath | null = null;
      return () => (path ??= model.proxy(PATH.property, name, formatPath));
    };
    const fillPath = child('Fill');
    const fontPath = child('Font');
    const protectionPath = child('Protection');
    const set = (path: ObjectPath, name: string, value: unknown, fn: (cell: CellState) => void, allow?: string) =>
      this.command(path, 'set', name, [value], () => {
        this.guardFormat(allow);
        this.each(true, fn);
      });
    let fill: object | null = null;
    let font: object | null = null;
    let protection: object | null = null;
    return {
      get fill() {
        return (fill ??= (() => {
          const path = fillPath();
          return {
            set color(v: string) {
              set(path, 'Color', v, (cell) => void (cell.fill = v));
            },
            clear() {
              self.command(path, 'method', 'Clear', [], () => {
                self.guardFormat();
                self.each(true, (cell) => void (cell.fill = null));
              });
            },
          };
        })()) as { color: string; clear(): void };
      },
      get font() {
        return (font ??= (() => {
          const path = fontPath();
          return {
            set bold(v: boolean) {
              set(path, 'Bold', v, (cell) => void (cell.bold = v));
            },
            set italic(v: boolean) {
              set(path, 'Italic', v, (cell) => void (cell.italic = v));
            },
            set color(v: string) {
              set(path, 'Color', v, (cell) => void (cell.fontColor = v));
            },
            set size(v: number) {
              set(path, 'Size', v, (cell) => void (cell.fontSize = v));
            },
          };
        })()) as { bold: boolean; italic: boolean; color: string; size: number };
      },
      get protection() {
        return (protection ??= (() => {
          const path = protectionPath();
          return {
            set locked(v: boolean) {
              set(path, 'Locked', v, (cell) => void (cell.locked = v));
            },
          };
        })()) as { locked: boolean };
      },
      set columnWidth(points: number) {
        self.command(formatPath, 'set', 'ColumnWidth', [points], () => {
          self.guardFormat('allowFormatColumns');
          const rect = parseAddress(self.address);
          const s = self.ref.resolve();
          for (let c = rect.c1; c <= Math.min(rect.c2, rect.c1 + 100); c++) s.columnWidths.set(columnLetters(c), points);
        });
      },
      set wrapText(v: boolean) {
        set(formatPath, 'WrapText', v, (cell) => void (cell.wrap = v));
      },
      set rowHeight(points: number) {
        self.command(formatPath, 'set', 'RowHeight', [points], () => self.guardFormat('allowFormatRows'));
      },
      set horizontalAlignment(v: string) {
        set(formatPath, 'HorizontalAlignment', v, (cell) => void (cell.align = v));
      },
    };
  }

  private makeValidation() {
    const self = this;
    const path = this.ctx.model.proxy(PATH.property, 'DataValidation', this.path);
    const set = (name: string, value: unknown, key: 'rule' | 'prompt' | 'errorAlert') =>
      self.command(path, 'set', name, [value], () => {
        self.guardFormat();
        const rect = parseAddress(self.address);
        const origin = cellKey(rect.r1, rect.c1);
        self.each(true, (cell) => {
          cell.validation = { rule: null, prompt: null, errorAlert: null, ...(cell.validation ?? {}), [key]: value, origin };
        });
      });
    return {
      set rule(v: unknown) {
        set('Rule', v, 'rule');
      },
      set prompt(v: unknown) {
        set('Prompt', v, 'prompt');
      },
      set errorAlert(v: unknown) {
        set('ErrorAlert', v, 'errorAlert');
      },
      clear() {
        self.command(path, 'method', 'Clear', [], () => {
          self.guardFormat();
          self.each(false, (cell) => void (cell.validation = null));
        });
      },
    };
  }
}

class FakeNames extends Loadable {
  constructor(
    private readonly ctx: Context,
    private readonly path: ObjectPath,
  ) {
    super();
  }
  get items(): Array<{ name: string; formula: string }> {
    return this.read('items');
  }
  load(props?: string | string[]): this {
    this.ctx.model.query(this.path, selectOf(props));
    this.ctx.answer(() => {
      this.ctx.model.itemsLoaded(this.ctx.host.state.names.size);
      this.loaded.set(
        'items',
        [...this.ctx.host.state.names].map(([name, formula]) => ({ name, formula })),
      );
    });
    return this;
  }
  /** names.add() makes a NamedItem: its Instantiate action is what adds the name. */
  add(name: string, reference: string, comment?: string): void {
    this.ctx.model.proxy(PATH.method, 'Add', this.path, [name, reference, comment]);
    this.ctx.effect(() => {
      if (this.ctx.host.state.names.has(name)) throw officeError('InvalidArgument', `The name ${name} already exists.`);
      if (!/^=?'?[^!]+'?!\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?$/.test(reference)) throw officeError('InvalidArgument', `Bad reference ${reference}`);
      this.ctx.host.state.names.set(name, reference);
    });
  }
  getItem(name: string): { delete(): void } {
    const path = this.ctx.model.proxy(PATH.indexer, '', this.path, [name]);
    return {
      delete: () => {
        this.ctx.model.method(path, 'Delete', []);
        this.ctx.effect(() => {
          if (!this.ctx.host.state.names.delete(name)) throw officeError('ItemNotFound', name);
        });
      },
    };
  }
}

/** A rendered copy of the workbook for screenshots and assertions. */
export interface FakeSnapshot {
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
  names: Record<string, string>;
  sheets: Array<{
    name: string;
    visibility: string;
    protected: boolean;
    frozenRows: number;
    frozenColumns: number;
    merges: string[];
    columnWidths: Record<string, number>;
    cells: Record<
      string,
      {
        value: string | number | boolean;
        formula: string | null;
        numberFormat: string;
        fill: string | null;
        bold: boolean;
        italic: boolean;
        fontColor: string;
        fontSize: number;
        locked: boolean;
        validation: boolean;
        wrap: boolean;
      }
    >;
  }>;
}

export class FakeExcel {
  state: WorkbookState = newWorkbook();
  /** The requests of each batch's syncs, as Office.js would send them. */
  syncs: FakeSync[] = [];
  /** The clean-up request Excel.run sends after each batch (its kept ranges released). */
  cleanups: FakeSync[] = [];
  /** Every request in the order sent: the syncs and clean-ups. */
  requests: FakeSync[] = [];
  /** Reference ids Excel has given out (added sheets, kept ranges). */
  referenceIds = 0;
  private cellEditEnded: () => void = () => undefined;
  /** Resolves when the user leaves the cell they are editing. */
  cellEditDone: Promise<void> = Promise.resolve();
  runs: Array<{ delayForCellEdit: boolean; mergeUndoGroup?: boolean }> = [];

  readonly options: FakeExcelOptions;

  constructor(options: FakeExcelOptions = {}) {
    this.options = options;
    this.office.context.displayLanguage = options.displayLanguage ?? 'zh-CN';
    this.office.context.platform = options.platform ?? 'PC';
    if (options.cellEditing) this.cellEditDone = new Promise((resolve) => (this.cellEditEnded = resolve));
  }

  /** The user starts typing in a cell: Excel holds every batch until they leave it. */
  startCellEdit(): void {
    this.options.cellEditing = true;
    this.cellEditDone = new Promise((resolve) => (this.cellEditEnded = resolve));
  }

  /** The user presses Enter: a batch waiting for the cell edit goes on. */
  finishCellEdit(): void {
    this.options.cellEditing = false;
    this.cellEditEnded();
  }

  /** The `Excel` global. */
  readonly excel = {
    run: async <T>(first: unknown, second?: (ctx: unknown) => Promise<T>): Promise<T> => {
      const options = typeof first === 'function' ? {} : (first as { delayForCellEdit?: boolean; mergeUndoGroup?: boolean });
      const batch = (typeof first === 'function' ? first : second) as (ctx: unknown) => Promise<T>;
      const delay = options.delayForCellEdit === true;
      this.runs.push({ delayForCellEdit: delay, ...(options.mergeUndoGroup ? { mergeUndoGroup: true } : {}) });
      const ctx = new Context(this, delay);
      try {
        const result = await batch(ctx);
        if (ctx.unsent > 0) throw new Error(`fake Excel: the batch ended with ${ctx.unsent} commands never synced`);
        return result;
      } finally {
        ctx.finish();
      }
    },
    createWorkbook: async (base64?: string): Promise<void> => {
      this.state.createdWorkbooks.push(base64?.length ?? 0);
    },
  };

  /** The `Office` global, for unit tests (in a browser, office.js provides its own). */
  readonly office = {
    context: {
      displayLanguage: 'zh-CN',
      platform: 'PC',
      requirements: {
        isSetSupported: (name: string, version?: string): boolean => {
          // The manifest's minimum, unless the test says otherwise.
          const have = this.options.supportedSets?.[name] ?? (name === 'ExcelApi' ? '1.8' : undefined);
          if (have === undefined) return false;
          const [a = 0, b = 0] = have.split('.').map(Number);
          const [x = 0, y = 0] = (version ?? '1.1').split('.').map(Number);
          return a > x || (a === x && b >= y);
        },
      },
    },
  };

  findSheet(name: string): SheetState | undefined {
    return this.state.sheets.find((s) => s.name === name);
  }

  sheet(name: string): SheetState {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  cell(sheet: string, address: string): CellState | undefined {
    return this.sheet(sheet).cells.get(address);
  }

  /** What Excel stores when a value is entered through the API: "=" starts a formula, numeric text becomes a number. */
  enter(cell: CellState, x: unknown): void {
    if (typeof x === 'string' && x.startsWith('=') && cell.numberFormat !== '@') {
      cell.formula = x;
      cell.value = '';
      return;
    }
    cell.formula = null;
    if (typeof x === 'string' && cell.numberFormat !== '@' && /^[+-]?\d+(\.\d+)?$/.test(x.trim())) cell.value = Number(x);
    else cell.value = typeof x === 'number' || typeof x === 'boolean' ? x : x === null || x === undefined ? '' : String(x);
  }

  /** A cell's value as Excel shows it: formulas are computed. */
  computed(s: SheetState, cell: CellState): string | number | boolean {
    if (cell.formula === null) return cell.value;
    return evaluateFormula(cell.formula, (ref) => {
      const other = s.cells.get(ref);
      return other ? this.computed(s, other) : '';
    });
  }

  valueOf(sheet: string, address: string): string | number | boolean {
    const s = this.sheet(sheet);
    const cell = s.cells.get(address);
    return cell ? this.computed(s, cell) : '';
  }

  usedRect(s: SheetState, valuesOnly: boolean, within?: Rect): Rect | null {
    let rect: Rect | null = null;
    for (const [key, cell] of s.cells) {
      if (valuesOnly && cell.value === '' && cell.formula === null) continue;
      const p = parseAddress(key);
      if (within && (p.r1 < within.r1 || p.r1 > within.r2 || p.c1 < within.c1 || p.c1 > within.c2)) continue;
      rect = rect
        ? { r1: Math.min(rect.r1, p.r1), c1: Math.min(rect.c1, p.c1), r2: Math.max(rect.r2, p.r1), c2: Math.max(rect.c2, p.c1) }
        : { r1: p.r1, c1: p.c1, r2: p.r1, c2: p.c1 };
    }
    return rect;
  }

  /**
   * The user types into a cell: refused on a locked cell of a protected sheet and, like Excel,
   * when the cell's data validation rejects it. Returns why it was refused, or null.
   */
  typeInto(sheet: string, address: string, text: string): 'locked' | 'invalid' | null {
    const s = this.sheet(sheet);
    const cell = s.cells.get(address) ?? emptyCell();
    if (s.protected && cell.locked) return 'locked';
    const rule = cell.validation?.rule as { decimal?: Bound; wholeNumber?: Bound; custom?: { formula: string } } | null | undefined;
    const bound = rule?.decimal ?? rule?.wholeNumber;
    if (rule?.custom && text.trim() !== '') {
      // The rule was set on a range: its formula is relative to the range's top-left cell.
      const n = Number(text.replace(/,/g, ''));
      const typed: string | number = text.trim() !== '' && Number.isFinite(n) ? n : text;
      const formula = shiftFormula(rule.custom.formula, cell.validation?.origin ?? address, address);
      const target = parseAddress(address);
      const ok = evaluateFormula(formula, (ref) => {
        const p = parseAddress(ref);
        if (p.r1 === target.r1 && p.c1 === target.c1) return typed;
        return s.cells.get(ref)?.value ?? '';
      });
      if (ok !== true) return 'invalid';
    } else if (bound) {
      const n = Number(text.replace(/,/g, ''));
      if (text.trim() !== '' && (!Number.isFinite(n) || !within(n, bound) || (rule?.wholeNumber && !Number.isInteger(n)))) return 'invalid';
    }
    s.cells.set(address, cell);
    this.enter(cell, /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text);
    return null;
  }

  /** The user pastes into a cell: Excel's data validation does not run on paste. */
  paste(sheet: string, address: string, value: string | number): 'locked' | null {
    const s = this.sheet(sheet);
    const cell = s.cells.get(address) ?? emptyCell();
    if (s.protected && cell.locked) return 'locked';
    s.cells.set(address, cell);
    this.enter(cell, value);
    return null;
  }

  /**
   * Requests Excel will refuse, in order from the next sync: null lets a sync through, a code
   * refuses it whole (nothing of it runs), as Excel does with RequestPayloadSizeLimitExceeded.
   */
  refusals: Array<string | null> = [];

  /** The user adds a sheet of their own (Home › Insert › Sheet, then renames it). */
  addSheet(name: string): SheetState {
    if (this.findSheet(name)) throw new Error(`a sheet named ${name} exists`);
    const state = newSheet(name);
    this.state.sheets.push(state);
    return state;
  }

  /** The user removes the sheet's protection (Review › Unprotect Sheet: ours has no password). */
  unprotect(sheet: string): void {
    this.sheet(sheet).protected = false;
  }

  resetSyncs(): void {
    this.syncs = [];
    this.cleanups = [];
    this.requests = [];
    this.runs = [];
  }

  snapshot(): FakeSnapshot {
    return {
      activeSheet: this.state.activeSheet,
      selection: this.state.selection,
      names: Object.fromEntries(this.state.names),
      sheets: this.state.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        protected: s.protected,
        frozenRows: s.frozenRows,
        frozenColumns: s.frozenColumns,
        merges: [...s.merges],
        columnWidths: Object.fromEntries(s.columnWidths),
        cells: Object.fromEntries(
          [...s.cells].map(([key, c]) => [
            key,
            {
              value: this.computed(s, c),
              formula: c.formula,
              numberFormat: c.numberFormat,
              fill: c.fill,
              bold: c.bold,
              italic: c.italic,
              fontColor: c.fontColor,
              fontSize: c.fontSize,
              locked: c.locked,
              validation: c.validation !== null,
              wrap: c.wrap,
            },
          ]),
        ),
      })),
    };
  }

  /** Installs `Excel` (and, outside a browser with office.js, `Office`) on a global object. */
  install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>, withOffice = true): () => void {
    const before = { Excel: target['Excel'], Office: target['Office'] };
    target['Excel'] = this.excel;
    if (withOffice) target['Office'] = this.office;
    return () => {
      target['Excel'] = before.Excel;
      target['Office'] = before.Office;
    };
  }
}

interface Bound {
  formula1: number | string;
  formula2?: number | string;
  operator: string;
}

function within(n: number, b: Bound): boolean {
  const lo = Number(b.formula1);
  const hi = Number(b.formula2);
  switch (b.operator) {
    case 'Between':
      return n >= lo && n <= hi;
    case 'GreaterThanOrEqualTo':
      return n >= lo;
    case 'LessThanOrEqualTo':
      return n <= lo;
    case 'GreaterThan':
      return n > lo;
    case 'LessThan':
      return n < lo;
    default:
      return true;
  }
}

/** A formula written for `from`, as it reads in `to`: relative references move with the cell (as Excel does). */
function shiftFormula(formula: string, from: string, to: string): string {
  const a = parseAddress(from);
  const b = parseAddress(to);
  const [dr, dc] = [b.r1 - a.r1, b.c1 - a.c1];
  return formula.replace(/(?<![A-Z$"])\$?([A-Z]{1,3})\$?(\d+)(?![\d(])/g, (_m, col: string, row: string) => {
    const p = parseAddress(`${col}${row}`);
    return cellKey(p.r1 + dr, p.c1 + dc);
  });
}
