import type { CellValidation } from '@zj/shared';

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
  | { kind: 'columnWidth'; sheet: string; address: string; points: number }
  | { kind: 'merge'; sheet: string; address: string };

/** How many Office.js commands applying `op` queues (apply-write-op.ts): the basis of its byte estimate. */
export function commandsOf(op: WriteOp): number {
  switch (op.kind) {
    case 'validation':
      return 3;
    case 'style':
      return Math.max(1, Object.keys(op.style).length);
    default:
      return 1;
  }
}
