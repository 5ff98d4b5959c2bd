import type { TemplateLayout } from '@zj/shared';
import { letterOf } from './plan-template-writes.js';

/**
 * The cell an issue path points at: `figures.<fieldKey>` is the row's value cell,
 * `baselines.<fieldKey>` its baseline cell. Other paths (the template version, the return as a
 * whole) have no cell: null.
 */
export function cellOfPath(layout: TemplateLayout, path: string): { address: string; row: number; fieldKey: string } | null {
  const dot = path.indexOf('.');
  if (dot < 0) return null;
  const head = path.slice(0, dot);
  const fieldKey = path.slice(dot + 1);
  const column = head === 'figures' ? 'value' : head === 'baselines' ? 'baseline' : null;
  if (column === null) return null;
  const row = layout.rows.find((r) => r.fieldKey === fieldKey);
  if (!row) return null;
  return { address: `${letterOf(layout, column)}${row.row}`, row: row.row, fieldKey };
}
