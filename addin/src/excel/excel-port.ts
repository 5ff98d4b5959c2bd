import type { Issue, Lang, TemplateLayout, TemplateModel } from '@zj/shared';
import { highlightIssues } from './highlight-issues.js';
import { canInsert, openWorkbook, type OpenMode } from './open-workbook.js';
import { readReturn, type SheetReturn } from './read-return.js';
import { hasExcel } from './requirements.js';
import { onWaitingForCellEdit } from './run-excel.js';
import { selectCell } from './select-cell.js';
import { writeExplanation } from './write-explanation.js';
import { writeTemplate, type WriteTemplateResult } from './write-template.js';

/**
 * Everything the task pane asks of Excel, passed to components as one object: the UI never
 * touches `Excel` or `Office` itself, and a test can hand it a stand-in.
 */
export interface ExcelPort {
  available(): boolean;
  /** Sheets of a downloaded workbook can be inserted into this one (and keep their charts if `hasCharts`). */
  canInsertSheets(hasCharts: boolean): boolean;
  writeTemplate(template: TemplateModel, lang: Lang, onProgress?: (done: number, total: number) => void): Promise<WriteTemplateResult>;
  readReturn(template: TemplateModel): Promise<SheetReturn>;
  highlightIssues(layout: TemplateLayout, issues: readonly Issue[]): Promise<void>;
  selectCell(layout: TemplateLayout, path: string): Promise<boolean>;
  writeExplanation(layout: TemplateLayout, fieldKey: string, text: string): Promise<void>;
  openWorkbook(base64: string, mode: OpenMode, options?: { hasCharts?: boolean }): Promise<OpenMode>;
  /** Called with true while a batch waits for the user to leave a cell being edited, false after. */
  onWaitingForCellEdit(listener: (waiting: boolean) => void): () => void;
}

export const officeExcelPort: ExcelPort = {
  available: hasExcel,
  canInsertSheets: canInsert,
  writeTemplate: (template, lang, onProgress) => writeTemplate(template, lang, onProgress ? { onProgress } : {}),
  readReturn,
  highlightIssues: async (layout, issues) => {
    await highlightIssues(layout, issues);
  },
  selectCell,
  writeExplanation,
  openWorkbook,
  onWaitingForCellEdit,
};
