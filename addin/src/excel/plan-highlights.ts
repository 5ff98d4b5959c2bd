import type { Issue, TemplateLayout } from '@zj/shared';
import { rangeAddress } from './addresses.js';
import { cellOfPath } from './cell-of-path.js';
import { MAX_COMMAND_BYTES, chunkRows } from './chunk-rows.js';
import { letterOf, planBaseFills } from './plan-template-writes.js';
import { SHEET_STYLE } from './sheet-style.js';
import type { WriteOp } from './write-ops.js';

/**
 * Marks issues on the template sheet: each cell with an issue is filled (red for an error,
 * orange for a warning) and the row's 校验/Check cell carries the messages, in the sheet's
 * language. Earlier marks are cleared first, so the sheet always shows the latest validation.
 */
export function planHighlights(layout: TemplateLayout, issues: readonly Issue[], maxCommandBytes = MAX_COMMAND_BYTES): WriteOp[] {
  const sheet = layout.sheetName;
  const check = letterOf(layout, 'check');
  const ops: WriteOp[] = planBaseFills(layout);
  const byRow = new Map<number, Issue[]>();
  const worst = new Map<string, Issue['severity']>();
  for (const issue of issues) {
    const cell = cellOfPath(layout, issue.path);
    if (!cell) continue;
    byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), issue]);
    if (worst.get(cell.address) !== 'error') worst.set(cell.address, issue.severity);
  }
  const texts = layout.rows.map((row) => [(byRow.get(row.row) ?? []).map((i) => `${i.severity === 'error' ? '✖' : '⚠'} ${i.message[layout.lang]}`).join('\n')]);
  const all = rangeAddress(check, layout.firstDataRow, check, layout.lastDataRow);
  ops.push({ kind: 'style', sheet, address: all, style: { fill: null, fontColor: '#000000', wrap: true } });
  for (const chunk of chunkRows(texts, layout.firstDataRow, maxCommandBytes)) {
    ops.push({ kind: 'formulas', sheet, address: rangeAddress(check, chunk.firstRow, check, chunk.firstRow + chunk.rows.length - 1), formulas: chunk.rows });
  }
  for (const [row, rowIssues] of byRow) {
    const error = rowIssues.some((i) => i.severity === 'error');
    ops.push({ kind: 'style', sheet, address: `${check}${row}`, style: { fontColor: error ? SHEET_STYLE.errorFont : SHEET_STYLE.warningFont } });
  }
  for (const [address, severity] of worst) {
    const style =
      severity === 'error'
        ? { fill: SHEET_STYLE.errorFill, fontColor: SHEET_STYLE.errorFont }
        : { fill: SHEET_STYLE.warningFill, fontColor: SHEET_STYLE.warningFont };
    ops.push({ kind: 'style', sheet, address, style });
  }
  return ops;
}
