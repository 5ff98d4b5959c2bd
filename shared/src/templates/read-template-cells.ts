import type { ReturnInput } from '../api/returns.js';
import type { TemplateLayout } from './template-layout.js';

/** A cell as a spreadsheet gives it back: a number, text, or nothing. */
export type CellValue = string | number | boolean | null | undefined;

/**
 * Reads a filled template back into a ReturnInput, given a function that returns the value of a
 * cell address on the template sheet (exceljs on the server, Office.js in the add-in). Derived
 * fields are read too: a typed value there is checked against its components by the rules.
 * Explanations are filed under every warning key of their row by the caller; here they are kept
 * by field key under the `field:` prefix.
 */
export function readTemplateCells(layout: TemplateLayout, templateVersion: string, cell: (address: string) => CellValue): ReturnInput {
  const col = (key: string) => layout.columns.find((c) => c.key === key)!.letter;
  const figures: ReturnInput['figures'] = {};
  const baselines: NonNullable<ReturnInput['baselines']> = {};
  const explanations: Record<string, string> = {};
  for (const row of layout.rows) {
    figures[row.fieldKey] = normalise(cell(`${col('value')}${row.row}`));
    if (row.cells.baseline?.kind === 'input') baselines[row.fieldKey] = normalise(cell(`${col('baseline')}${row.row}`));
    const text = normalise(cell(`${col('explanation')}${row.row}`));
    if (typeof text === 'string' && text.trim() !== '') explanations[`field:${row.fieldKey}`] = text.trim();
    else if (typeof text === 'number') explanations[`field:${row.fieldKey}`] = String(text);
  }
  return { templateVersion, figures, baselines, explanations };
}

function normalise(v: CellValue): string | number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return String(v);
  return v;
}
