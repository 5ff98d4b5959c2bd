import type { CellValidation } from '@zj/shared';
import { REQUEST_COSTS, jsonBytes, matrixBytes } from './sync-budget.js';

export interface CellStyle {
  /** A colour, or null to clear the fill. */
  fill?: string | null;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  locked?: boolean;
  wrap?: boolean;
  align?: 'Left' | 'Center' | 'Right';
}

/**
 * One command against one range, as plain data: planned without Excel (so it can be counted and
 * measured in tests), then applied by apply-write-op.ts.
 */
export type WriteOp =
  | { kind: 'formulas'; sheet: string; address: string; formulas: Array<Array<string | number>> }
  | { kind: 'numberFormat'; sheet: string; address: string; formats: string[][] }
  | { kind: 'style'; sheet: string; address: string; style: CellStyle }
  | { kind: 'validation'; sheet: string; address: string; validation: CellValidation; title: string }
  | { kind: 'columnWidth'; sheet: string; address: string; points: number; hidden?: boolean }
  | { kind: 'rowHeight'; sheet: string; address: string; points: number }
  | { kind: 'merge'; sheet: string; address: string };

/**
 * Upper bound of the request bytes applying `op` adds (apply-write-op.ts): a range, the objects
 * reached from it, one command per property set or method call, and the arguments.
 */
export function opBytes(op: WriteOp): number {
  const c = REQUEST_COSTS;
  const range = c.range + jsonBytes(op.address);
  switch (op.kind) {
    case 'formulas':
      return range + matrixBytes(op.formulas);
    case 'numberFormat':
      return range + matrixBytes(op.formats);
    case 'columnWidth':
      // the width, and the column hidden (a code column that does not print)
      return range + c.object + (op.hidden ? 2 : 1) * c.command + jsonBytes(op.points) + (op.hidden ? jsonBytes(true) : 0);
    case 'rowHeight':
      return range + c.object + c.command + jsonBytes(op.points);
    case 'merge':
      return range + c.command;
    case 'validation': {
      // rule, prompt and error alert: their text is clipped to Excel's limits (apply-write-op.ts),
      // so the unclipped text bounds it.
      const text = jsonBytes(op.validation) + 2 * jsonBytes(op.title) + 200;
      return range + c.object + 3 * c.command + text;
    }
    case 'style': {
      const s = op.style;
      const objects =
        1 +
        (s.fill !== undefined ? 1 : 0) +
        ([s.bold, s.italic, s.fontColor, s.fontSize].some((v) => v !== undefined) ? 1 : 0) +
        (s.locked !== undefined ? 1 : 0);
      const values = Object.values(s).filter((v) => v !== undefined);
      return range + objects * c.object + values.length * c.command + values.reduce<number>((sum, v) => sum + jsonBytes(v), 0);
    }
  }
}
