/** The fake workbook's state: what a real workbook would hold after the commands ran. */
export interface ValidationState {
  rule: unknown;
  prompt: unknown;
  errorAlert: unknown;
  /** Top-left cell of the range the rule was set on: a custom formula is relative to it. */
  origin?: string;
}

export interface CellState {
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  fontSize: number;
  wrap: boolean;
  align: string;
  locked: boolean;
  validation: ValidationState | null;
}

export interface SheetState {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  protectionOptions: Record<string, unknown>;
  cells: Map<string, CellState>;
  columnWidths: Map<string, number>;
  /** Columns hidden with Range.columnHidden (letters). */
  hiddenColumns: Set<string>;
  frozenRows: number;
  frozenColumns: number;
  merges: string[];
}

export interface WorkbookState {
  sheets: SheetState[];
  names: Map<string, string>;
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
  /** Base64 lengths of workbooks opened with Excel.createWorkbook. */
  createdWorkbooks: number[];
  /** Base64 lengths of files inserted with insertWorksheetsFromBase64. */
  insertedWorkbooks: number[];
  /** Opened read-only (Excel on the web in viewing mode): nothing can be written. */
  readOnly: boolean;
  /** Review › Protect Workbook: sheets cannot be added, deleted, renamed, moved or hidden. */
  structureProtected: boolean;
}

export function emptyCell(): CellState {
  return {
    value: '',
    formula: null,
    numberFormat: 'General',
    fill: null,
    bold: false,
    italic: false,
    fontColor: '#000000',
    fontSize: 11,
    wrap: false,
    align: 'General',
    locked: true,
    validation: null,
  };
}

export function newSheet(name: string): SheetState {
  return {
    name,
    visibility: 'Visible',
    protected: false,
    protectionOptions: {},
    cells: new Map(),
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    frozenRows: 0,
    frozenColumns: 0,
    merges: [],
  };
}

export function newWorkbook(): WorkbookState {
  return {
    sheets: [newSheet('Sheet1')],
    names: new Map(),
    activeSheet: 'Sheet1',
    selection: null,
    createdWorkbooks: [],
    insertedWorkbooks: [],
    readOnly: false,
    structureProtected: false,
  };
}
