import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The fake Excel (fake-excel-entry.ts) as one script, for a page's init script before office.js loads. */
export function fakeExcelScript(): string {
  return buildSync({
    entryPoints: [fileURLToPath(new URL('./fake-excel-entry.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
  }).outputFiles[0]!.text;
}
