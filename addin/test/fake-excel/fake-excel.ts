import { cellKey, columnLetters, parseAddress, type Rect } from './a1.js';
import { evaluateFormula } from './evaluate-formula.js';
import { emptyCell, newSheet, newWorkbook, type CellState, type SheetState, type WorkbookState } from './state.js';

/**
 * A typed recorder standing in for Excel's JavaScript API: the subset the add-in uses
 * (worksheets, ranges with values/formulas/numberFormat/format/dataValidation, names,
 * protection, Excel.run, context.sync, createWorkbook, insertWorksheetsFromBase64).
 *
 * Like Office.js, commands are queued and only run at `context.sync()`, loaded properties can be
 * read only after a sync, and a batch fails on writes Excel refuses (locked cells of a protected
 * sheet, arrays that do not match the range). Each sync is measured: the number of commands and
 * the bytes of the JSON request Office.js would send (one action record per command, one object
 * path record per proxy created), so tests can bound syncs and payload size.
 */
export interface FakeSync {
  actions: number;
  bytes: number;
}

export interface FakeExcelOptions {
  /** Requirement sets reported as supported, e.g. { ExcelApi: '1.13' }. */
  supportedSets?: Record<string, string>;
  displayLanguage?: string;
  /** The user is typing in a cell: a batch not run with delayForCellEdit fails. */
  cellEditing?: boolean;
}

type Json = unknown;

function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, name: 'RichApi.Error' });
}

const encoder = new TextEncoder();
const bytesOf = (value: Json) => encoder.encode(JSON.stringify(value)).length;

class Context {
  private pending: Array<() => void> = [];
  private loads: Array<() => void> = [];
  private bytes = 0;
  private ids = 0;
  readonly workbook: FakeWorkbook;

  constructor(
    readonly host: FakeExcel,
    private readonly delayForCellEdit: boolean,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  /** Records the object path Office.js would create for a new proxy. */
  path(name: string, args: Json[] = []): number {
    const id = ++this.ids;
    this.bytes += bytesOf({ Id: id, ObjectPathType: args.length ? 3 : 4, Name: name, ParentObjectPathId: id - 1, ArgumentInfo: { Arguments: args } });
    return id;
  }

  /** Queues one command; `apply` runs at sync. */
  action(pathId: number, name: string, args: Json[], apply: () => void): void {
    const id = ++this.ids;
    this.bytes += bytesOf({ Id: id, ActionType: 1, Name: name, ObjectPathId: pathId, ArgumentInfo: { Arguments: args } });
    this.pending.push(apply);
  }

  load(pathId: number, props: string, resolve: () => void): void {
    this.action(pathId, 'Query', [props], () => undefined);
    this.loads.push(resolve);
  }

  get unsent(): number {
    return this.pending.length;
  }

  async sync(): Promise<void> {
    const pending = this.pending;
    const loads = this.loads;
    const record: FakeSync = { actions: pending.length, bytes: this.bytes };
    this.pending = [];
    this.loads = [];
    this.bytes = 0;
    this.host.syncs.push(record);
    await Promise.resolve();
    if (this.host.options.cellEditing && !this.delayForCellEdit) {
      throw officeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    }
    const refusal = this.host.refusals.shift();
    if (refusal !== undefined && refusal !== null) throw officeError(refusal, `Excel refused the request (${refusal}).`);
    for (const apply of pending) apply();
    for (const resolve of loads) resolve();
  }
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

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNames;
  readonly id: number;
  constructor(private readonly ctx: Context) {
    this.id = ctx.path('Workbook');
    this.worksheets = new FakeWorksheetCollection(ctx, this.id);
    this.names = new FakeNames(ctx);
  }
  insertWorksheetsFromBase64(base64: string, options?: Json): { value: string[] } {
    this.ctx.action(this.id, 'InsertWorksheetsFromBase64', [base64, options ?? null], () => {
      this.ctx.host.state.insertedWorkbooks.push(base64.length);
    });
    return { value: [] };
  }
}

class FakeWorksheetCollection extends Loadable {
  private readonly id: number;
  constructor(
    private readonly ctx: Context,
    parent: number,
  ) {
    super();
    this.id = ctx.path('Worksheets', []);
    void parent;
  }
  get items(): FakeWorksheet[] {
    return this.read('items');
  }
  load(props?: string | string[]): this {
    this.ctx.load(this.id, parseLoad(props).join(','), () => {
      this.loaded.set(
        'items',
        this.ctx.host.state.sheets.map((s) => {
          const ws = new FakeWorksheet(this.ctx, new SheetRef(this.ctx.host, s.name, s), 'GetItem', [s.name]);
          ws.markLoaded(s);
          return ws;
        }),
      );
    });
    return this;
  }
  add(name: string): FakeWorksheet {
    const ref = new SheetRef(this.ctx.host, name);
    const ws = new FakeWorksheet(this.ctx, ref, 'Add', [name], true);
    this.ctx.action(ws.pathId, 'Add', [name], () => {
      if (this.ctx.host.findSheet(name)) throw officeError('ItemAlreadyExists', `A sheet named ${name} exists.`);
      const state = newSheet(name);
      this.ctx.host.state.sheets.push(state);
      ref.bind(state);
    });
    return ws;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, new SheetRef(this.ctx.host, name), 'GetItem', [name]);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, new SheetRef(this.ctx.host, name), 'GetItemOrNullObject', [name], false, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return this.getItem(this.ctx.host.state.activeSheet ?? '');
  }
}

class FakeWorksheet extends Loadable {
  readonly pathId: number;
  readonly protection: FakeProtection;
  readonly freezePanes: { freezeRows(count: number): void; freezeAt(address: string): void; unfreeze(): void };

  constructor(
    private readonly ctx: Context,
    readonly ref: SheetRef,
    method: string,
    args: Json[],
    _adding = false,
    private readonly nullable = false,
  ) {
    super();
    this.pathId = ctx.path(method, args);
    this.protection = new FakeProtection(ctx, ref, this.pathId);
    const freezeId = ctx.path('FreezePanes');
    this.freezePanes = {
      freezeRows: (count: number) => ctx.action(freezeId, 'FreezeRows', [count], () => void (ref.resolve().frozenRows = count)),
      freezeAt: (address: string) =>
        ctx.action(freezeId, 'FreezeAt', [address], () => {
          const rect = parseAddress(address);
          const s = ref.resolve();
          if (rect.r1 !== 0 || rect.c1 !== 0) throw officeError('InvalidArgument', 'freezeAt starts at A1');
          s.frozenRows = rect.r2 + 1;
          s.frozenColumns = rect.c2 + 1;
        }),
      unfreeze: () =>
        ctx.action(freezeId, 'Unfreeze', [], () => {
          const s = ref.resolve();
          s.frozenRows = 0;
          s.frozenColumns = 0;
        }),
    };
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
    this.ctx.action(this.pathId, 'Position', [value], () => {
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
    this.ctx.action(this.pathId, 'Name', [value], () => {
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
    this.ctx.action(this.pathId, 'Visibility', [value], () => void (this.ref.resolve().visibility = value));
  }
  load(props?: string | string[]): this {
    this.ctx.load(this.pathId, parseLoad(props).join(','), () => {
      const exists = this.ref.exists();
      if (!this.nullable && !exists) throw officeError('ItemNotFound', 'sheet');
      this.loaded.set('isNullObject', !exists);
      if (exists) this.markLoaded(this.ref.resolve());
    });
    return this;
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this.ref, address, 'GetRange', address === undefined ? [] : [address]);
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this.ref, undefined, 'GetUsedRangeOrNullObject', [valuesOnly], { used: { valuesOnly } });
  }
  activate(): void {
    this.ctx.action(this.pathId, 'Activate', [], () => {
      const s = this.ref.resolve();
      if (s.visibility !== 'Visible') throw officeError('InvalidOperation', 'cannot activate a hidden sheet');
      this.ctx.host.state.activeSheet = s.name;
    });
  }
  delete(): void {
    this.ctx.action(this.pathId, 'Delete', [], () => {
      const s = this.ref.resolve();
      this.ctx.host.state.sheets = this.ctx.host.state.sheets.filter((x) => x !== s);
    });
  }
}

class FakeProtection extends Loadable {
  private readonly id: number;
  constructor(
    private readonly ctx: Context,
    private readonly ref: SheetRef,
    parent: number,
  ) {
    super();
    this.id = ctx.path('Protection');
    void parent;
  }
  get protected(): boolean {
    return this.read('protected');
  }
  load(): this {
    this.ctx.load(this.id, 'protected', () => this.loaded.set('protected', this.ref.resolve().protected));
    return this;
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    this.ctx.action(this.id, 'Protect', [options ?? null, password ?? null], () => {
      const s = this.ref.resolve();
      if (s.protected) throw officeError('InvalidOperation', 'The worksheet is already protected.');
      s.protected = true;
      s.protectionOptions = options ?? {};
    });
  }
  unprotect(): void {
    this.ctx.action(this.id, 'Unprotect', [], () => {
      const s = this.ref.resolve();
      s.protected = false;
    });
  }
}

class FakeRange extends Loadable {
  private readonly id: number;
  readonly format: ReturnType<FakeRange['makeFormat']>;
  readonly dataValidation: ReturnType<FakeRange['makeValidation']>;

  constructor(
    private readonly ctx: Context,
    private readonly ref: SheetRef,
    private readonly address: string | undefined,
    method: string,
    args: Json[],
    private readonly special: { used?: { valuesOnly: boolean; within?: string } } = {},
  ) {
    super();
    this.id = ctx.path(method, args);
    this.format = this.makeFormat();
    this.dataValidation = this.makeValidation();
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
    return new FakeRange(this.ctx, this.ref, undefined, 'GetUsedRangeOrNullObject', [valuesOnly], { used: { valuesOnly, ...(this.address !== undefined ? { within: this.address } : {}) } });
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

  private setMatrix(name: string, input: unknown, write: (cell: CellState, v: unknown) => void, guardLocked: boolean): void {
    this.ctx.action(this.id, name, [input], () => {
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
    this.ctx.load(this.id, names.join(','), () => {
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
        if (name === 'values') this.loaded.set('values', matrix((cell) => this.ctx.host.computed(s, cell)));
        else if (name === 'formulas') this.loaded.set('formulas', matrix((cell) => (cell.formula !== null ? cell.formula : cell.value)));
        else if (name === 'numberFormat') this.loaded.set('numberFormat', matrix((cell) => cell.numberFormat));
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
    this.ctx.action(this.id, 'Merge', [across], () => {
      this.guardFormat();
      const s = this.ref.resolve();
      if (s.merges.includes(this.address ?? '')) throw officeError('InvalidOperation', 'already merged');
      s.merges.push(this.address ?? '');
    });
  }

  unmerge(): void {
    this.ctx.action(this.id, 'Unmerge', [], () => {
      this.guardFormat();
      const s = this.ref.resolve();
      s.merges = this.address === undefined ? [] : s.merges.filter((m) => m !== this.address);
    });
  }

  select(): void {
    this.ctx.action(this.id, 'Select', [], () => {
      const s = this.ref.resolve();
      this.ctx.host.state.activeSheet = s.name;
      this.ctx.host.state.selection = { sheet: s.name, address: this.address ?? '' };
    });
  }

  clear(applyTo: string = 'All'): void {
    this.ctx.action(this.id, 'Clear', [applyTo], () => {
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

  private makeFormat() {
    const set = (name: string, value: unknown, fn: (cell: CellState) => void, allow?: string) =>
      this.ctx.action(this.id, name, [value], () => {
        this.guardFormat(allow);
        this.each(true, fn);
      });
    const self = this;
    const fill = {
      set color(v: string) {
        set('Format.Fill.Color', v, (cell) => void (cell.fill = v));
      },
      clear() {
        set('Format.Fill.Clear', null, (cell) => void (cell.fill = null));
      },
    };
    const font = {
      set bold(v: boolean) {
        set('Format.Font.Bold', v, (cell) => void (cell.bold = v));
      },
      set italic(v: boolean) {
        set('Format.Font.Italic', v, (cell) => void (cell.italic = v));
      },
      set color(v: string) {
        set('Format.Font.Color', v, (cell) => void (cell.fontColor = v));
      },
      set size(v: number) {
        set('Format.Font.Size', v, (cell) => void (cell.fontSize = v));
      },
    };
    const protection = {
      set locked(v: boolean) {
        set('Format.Protection.Locked', v, (cell) => void (cell.locked = v));
      },
    };
    return {
      fill,
      font,
      protection,
      set columnWidth(points: number) {
        self.ctx.action(self.id, 'Format.ColumnWidth', [points], () => {
          self.guardFormat('allowFormatColumns');
          const rect = parseAddress(self.address);
          const s = self.ref.resolve();
          for (let c = rect.c1; c <= Math.min(rect.c2, rect.c1 + 100); c++) s.columnWidths.set(columnLetters(c), points);
        });
      },
      set wrapText(v: boolean) {
        set('Format.WrapText', v, (cell) => void (cell.wrap = v));
      },
      set horizontalAlignment(v: string) {
        set('Format.HorizontalAlignment', v, (cell) => void (cell.align = v));
      },
    };
  }

  private makeValidation() {
    const self = this;
    const set = (name: string, value: unknown, key: 'rule' | 'prompt' | 'errorAlert') =>
      self.ctx.action(self.id, name, [value], () => {
        self.guardFormat();
        self.each(true, (cell) => {
          cell.validation = { rule: null, prompt: null, errorAlert: null, ...(cell.validation ?? {}), [key]: value };
        });
      });
    return {
      set rule(v: unknown) {
        set('DataValidation.Rule', v, 'rule');
      },
      set prompt(v: unknown) {
        set('DataValidation.Prompt', v, 'prompt');
      },
      set errorAlert(v: unknown) {
        set('DataValidation.ErrorAlert', v, 'errorAlert');
      },
      clear() {
        self.ctx.action(self.id, 'DataValidation.Clear', [], () => {
          self.guardFormat();
          self.each(false, (cell) => void (cell.validation = null));
        });
      },
    };
  }
}

class FakeNames extends Loadable {
  private readonly id: number;
  constructor(private readonly ctx: Context) {
    super();
    this.id = ctx.path('Names');
  }
  get items(): Array<{ name: string; formula: string }> {
    return this.read('items');
  }
  load(props?: string | string[]): this {
    this.ctx.load(this.id, parseLoad(props).join(','), () =>
      this.loaded.set('items', [...this.ctx.host.state.names].map(([name, formula]) => ({ name, formula }))),
    );
    return this;
  }
  add(name: string, reference: string): void {
    this.ctx.action(this.id, 'Add', [name, reference], () => {
      if (this.ctx.host.state.names.has(name)) throw officeError('InvalidArgument', `The name ${name} already exists.`);
      if (!/^=?'?[^!]+'?!\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?$/.test(reference)) throw officeError('InvalidArgument', `Bad reference ${reference}`);
      this.ctx.host.state.names.set(name, reference);
    });
  }
  getItem(name: string): { delete(): void } {
    const id = this.ctx.path('GetItem', [name]);
    return {
      delete: () =>
        this.ctx.action(id, 'Delete', [], () => {
          if (!this.ctx.host.state.names.delete(name)) throw officeError('ItemNotFound', name);
        }),
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
    cells: Record<string, { value: string | number | boolean; formula: string | null; numberFormat: string; fill: string | null; bold: boolean; italic: boolean; fontColor: string; fontSize: number; locked: boolean; validation: boolean; wrap: boolean }>;
  }>;
}

export class FakeExcel {
  state: WorkbookState = newWorkbook();
  syncs: FakeSync[] = [];
  runs: Array<{ delayForCellEdit: boolean; mergeUndoGroup?: boolean }> = [];

  readonly options: FakeExcelOptions;

  constructor(options: FakeExcelOptions = {}) {
    this.options = options;
    this.office.context.displayLanguage = options.displayLanguage ?? 'zh-CN';
  }

  /** The `Excel` global. */
  readonly excel = {
    run: async <T>(first: unknown, second?: (ctx: unknown) => Promise<T>): Promise<T> => {
      const options = typeof first === 'function' ? {} : (first as { delayForCellEdit?: boolean; mergeUndoGroup?: boolean });
      const batch = (typeof first === 'function' ? first : second) as (ctx: unknown) => Promise<T>;
      const delay = options.delayForCellEdit === true;
      this.runs.push({ delayForCellEdit: delay, ...(options.mergeUndoGroup ? { mergeUndoGroup: true } : {}) });
      const ctx = new Context(this, delay);
      const result = await batch(ctx);
      if (ctx.unsent > 0) throw new Error(`fake Excel: the batch ended with ${ctx.unsent} commands never synced`);
      return result;
    },
    createWorkbook: async (base64?: string): Promise<void> => {
      this.state.createdWorkbooks.push(base64?.length ?? 0);
    },
  };

  /** The `Office` global, for unit tests (in a browser, office.js provides its own). */
  readonly office = {
    context: {
      displayLanguage: 'zh-CN',
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
    const rule = cell.validation?.rule as { decimal?: Bound; wholeNumber?: Bound } | null | undefined;
    const bound = rule?.decimal ?? rule?.wholeNumber;
    if (bound) {
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
