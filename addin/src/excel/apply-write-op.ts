import { validationFormula, type CellValidation } from '@zj/shared';
import type { WriteOp } from './write-ops.js';

/** Excel limits: a prompt or alert title to 32 characters, its message to 255. */
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Bounds Excel accepts when the template gives none: the cell must still hold a number. */
const NO_LOWER = -1e15;
const NO_UPPER = 1e15;

/** The rule of a validation set on a range whose top-left cell is `topLeft`. */
function ruleOf(v: CellValidation, topLeft: string): Excel.DataValidationRule {
  // Text passes to the validator (无, 3.4万, 1.2亿元): the same custom rule as the .xlsx template.
  if (v.allowText) return { custom: { formula: `=${validationFormula(v, topLeft)}` } };
  if (v.type === 'textLength') {
    return { textLength: { formula1: v.min ?? 0, formula2: v.max ?? 32767, operator: 'Between' } };
  }
  const basic: Excel.BasicDataValidation =
    v.min !== undefined && v.max !== undefined
      ? { formula1: v.min, formula2: v.max, operator: 'Between' }
      : v.min !== undefined
        ? { formula1: v.min, operator: 'GreaterThanOrEqualTo' }
        : v.max !== undefined
          ? { formula1: v.max, operator: 'LessThanOrEqualTo' }
          : { formula1: NO_LOWER, formula2: NO_UPPER, operator: 'Between' };
  return v.type === 'whole' ? { wholeNumber: basic } : { decimal: basic };
}

/** Queues one planned command on `sheet` (nothing is sent until the caller syncs). */
export function applyWriteOp(sheet: Excel.Worksheet, op: WriteOp): void {
  const range = sheet.getRange(op.address);
  switch (op.kind) {
    case 'formulas':
      range.formulas = op.formulas;
      return;
    case 'numberFormat':
      range.numberFormat = op.formats;
      return;
    case 'columnWidth':
      range.format.columnWidth = op.points;
      if (op.hidden) range.columnHidden = true;
      return;
    case 'rowHeight':
      range.format.rowHeight = op.points;
      return;
    case 'merge':
      range.merge(false);
      return;
    case 'validation':
      range.dataValidation.rule = ruleOf(op.validation, op.address.split(':')[0]!);
      range.dataValidation.prompt = { showPrompt: true, title: clip(op.title, 32), message: clip(op.validation.prompt, 255) };
      range.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: clip(op.title, 32), message: clip(op.validation.error, 255) };
      return;
    case 'style': {
      const s = op.style;
      if (s.fill === null) range.format.fill.clear();
      else if (s.fill !== undefined) range.format.fill.color = s.fill;
      if (s.bold !== undefined) range.format.font.bold = s.bold;
      if (s.italic !== undefined) range.format.font.italic = s.italic;
      if (s.fontColor !== undefined) range.format.font.color = s.fontColor;
      if (s.fontSize !== undefined) range.format.font.size = s.fontSize;
      if (s.wrap !== undefined) range.format.wrapText = s.wrap;
      if (s.align !== undefined) range.format.horizontalAlignment = s.align;
      if (s.locked !== undefined) range.format.protection.locked = s.locked;
      return;
    }
  }
}
