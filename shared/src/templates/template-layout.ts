import type { Lang } from '../issues/issue.js';

/**
 * One description of the template sheet, used by both writers: the add-in (Office.js, in
 * addin/src/excel/) and the .xlsx template workbook (exceljs, in functions/). Both write exactly
 * these cells, formats, validations and names, so a sheet filled in Excel, WPS or LibreOffice
 * reads back the same way.
 */
export type ColumnKey = 'no' | 'label' | 'code' | 'unit' | 'value' | 'previous' | 'baseline' | 'target' | 'check' | 'explanation' | 'quote';

export interface LayoutColumn {
  key: ColumnKey;
  letter: string;
  header: string;
  width: number;
  /** Input columns are unlocked and styled as input where the row allows it. */
  input: boolean;
  /** Kept in the sheet for programs (the code column, read back on upload), never printed. */
  hidden?: boolean;
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
  /**
   * Text passes (无, 3.4万, 1.2亿元, １２３): the validator reads it or refuses it with a message
   * when the return is checked; the cell stops only numbers out of bounds. Written as a custom
   * rule, validationFormula (docs/domain.md, "Workbooks").
   */
  allowText?: boolean;
}

/**
 * A cell around the table (the formal return's heading and signatures, docs/domain.md,
 * "Workbooks"): a text, or an input to fill in, over a merged range when `merge` is set.
 */
export interface LayoutBlock {
  /** Top-left cell. */
  address: string;
  /** The merged range it spans, e.g. A2:F2. */
  merge?: string;
  content: { kind: 'text'; text: string } | { kind: 'input' };
  style?: { bold?: boolean; size?: number; align?: 'left' | 'center' | 'right'; wrap?: boolean; muted?: boolean; height?: number };
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
  /** How to fill the sheet, and the template version: printed as a note under the table. */
  subtitle: string;
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  /** The last row written: the signatures and the note below the table. */
  lastRow: number;
  /** The heading, signatures and note: every cell outside the header and the field rows. */
  blocks: LayoutBlock[];
  columns: LayoutColumn[];
  rows: LayoutRow[];
  names: DefinedName[];
  /** Key-value rows of the very-hidden _meta sheet, in order. */
  meta: Array<[string, string]>;
  /** Rows of the instructions sheet. */
  instructions: string[];
  instructionsSheetName: string;
}
