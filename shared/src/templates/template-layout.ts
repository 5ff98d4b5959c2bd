import type { Lang } from '../issues/issue.js';

/**
 * One description of the template sheet, used by both writers: the add-in (Office.js, in
 * addin/src/excel/) and the .xlsx template workbook (exceljs, in functions/). Both write exactly
 * these cells, formats, validations and names, so a sheet filled in Excel, WPS or LibreOffice
 * reads back the same way.
 */
export type ColumnKey =
  | 'no'
  | 'label'
  | 'code'
  | 'unit'
  | 'value'
  | 'previous'
  | 'baseline'
  | 'target'
  | 'check'
  | 'explanation'
  | 'quote';

export interface LayoutColumn {
  key: ColumnKey;
  letter: string;
  header: string;
  width: number;
  /** Input columns are unlocked and styled as input where the row allows it. */
  input: boolean;
}

export type CellContent =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; numFmt: string }
  | { kind: 'formula'; formula: string; numFmt: string } // formula without the leading '='
  | { kind: 'input'; numFmt: string; validation: CellValidation | null }
  | { kind: 'empty' };

export interface CellValidation {
  type: 'whole' | 'decimal' | 'textLength';
  min?: number;
  max?: number;
  prompt: string;
  error: string;
}

export interface LayoutRow {
  row: number;
  fieldKey: string;
  cells: Partial<Record<ColumnKey, CellContent>>;
}

export interface DefinedName {
  name: string;
  /** Sheet-qualified absolute reference, e.g. '填报表'!$E$5:$E$40 */
  ref: string;
}

export interface TemplateLayout {
  lang: Lang;
  sheetName: string;
  metaSheetName: string;
  title: string;
  subtitle: string;
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  columns: LayoutColumn[];
  rows: LayoutRow[];
  names: DefinedName[];
  /** Key-value rows of the very-hidden _meta sheet, in order. */
  meta: Array<[string, string]>;
  /** Rows of the instructions sheet. */
  instructions: string[];
  instructionsSheetName: string;
}
