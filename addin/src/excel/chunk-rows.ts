import { jsonBytes } from './sync-budget.js';

/** Largest single command we queue: a big block is split by rows into pieces of at most this. */
export const MAX_COMMAND_BYTES = 512 * 1024;

/**
 * Splits a block of rows (starting at sheet row `firstRow`) into consecutive pieces whose JSON
 * stays under `maxBytes`, so no single command can blow a sync's payload limit.
 */
export function chunkRows<T>(rows: T[][], firstRow: number, maxBytes = MAX_COMMAND_BYTES): Array<{ firstRow: number; rows: T[][] }> {
  const chunks: Array<{ firstRow: number; rows: T[][] }> = [];
  let current: T[][] = [];
  let start = firstRow;
  let bytes = 0;
  rows.forEach((row, i) => {
    const rowBytes = jsonBytes(row) + 1;
    if (current.length > 0 && bytes + rowBytes > maxBytes) {
      chunks.push({ firstRow: start, rows: current });
      current = [];
      start = firstRow + i;
      bytes = 0;
    }
    current.push(row);
    bytes += rowBytes;
  });
  if (current.length > 0) chunks.push({ firstRow: start, rows: current });
  return chunks;
}
