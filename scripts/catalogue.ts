import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCatalogue } from '../shared/src/index.js';
import { formatTargetTable } from './format-target-table.js';

/**
 * `npm run -s catalogue -- --json` prints the whole catalogue (zone, parks, indicators, targets,
 * wordings) as pretty JSON; without --json, a readable table of the targets.
 * Returns the exit code; output goes through `write` so a test can capture it.
 */
export function main(argv: readonly string[], write: (text: string) => void): number {
  const catalogue = loadCatalogue();
  write(argv.includes('--json') ? `${JSON.stringify(catalogue, null, 2)}\n` : `${formatTargetTable(catalogue)}\n`);
  return 0;
}

// Run only when executed (tsx scripts/catalogue.ts), not when a test imports main.
const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2), (text) => process.stdout.write(text));
}
