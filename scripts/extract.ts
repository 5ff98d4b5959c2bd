import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractTargets, loadCatalogue } from '../shared/src/index.js';
import { readPlanFile } from './read-plan-file.js';

/**
 * `npm run -s extract -- <plan.txt> [--encoding gb18030]` prints the target proposals of a plan
 * text as a JSON array (shared/src/extraction/target-proposal.ts): the quote, the value and its
 * reading, unit, comparison, kind, year and where it was found, the reasons, a confidence, the
 * baseline found beside it, and the catalogue indicator it most likely means, so the consolidator
 * onboards a new plan without retyping its targets. Exit code 2, with a message
 * in Chinese and English on stderr, for a missing or unreadable file or text that is not valid
 * in its encoding. Returns the exit code; output goes through `io` so a test can capture it.
 */
export interface ExtractIo {
  write: (text: string) => void;
  writeError: (text: string) => void;
}

const USAGE = '用法 / Usage: npm run -s extract -- <plan.txt> [--encoding gb18030]\n';

export function main(argv: readonly string[], io: ExtractIo): number {
  const args = [...argv];
  let encoding = 'utf-8';
  const at = args.findIndex((a) => a === '--encoding' || a.startsWith('--encoding='));
  if (at >= 0) {
    const arg = args[at] as string;
    const inline = arg.includes('=');
    encoding = inline ? arg.slice(arg.indexOf('=') + 1) : (args[at + 1] ?? '');
    args.splice(at, inline ? 1 : 2);
  }
  const [path, ...rest] = args;
  if (path === undefined || rest.length > 0 || path.startsWith('--')) {
    io.writeError(USAGE);
    return 2;
  }
  const read = readPlanFile(path, encoding);
  if (!read.ok) {
    io.writeError(`${read.message.zh}\n${read.message.en}\n`);
    return 2;
  }
  io.write(`${JSON.stringify(extractTargets(read.text, loadCatalogue()), null, 2)}\n`);
  return 0;
}

// Run only when executed (tsx scripts/extract.ts), not when a test imports main.
const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2), {
    write: (text) => process.stdout.write(text),
    writeError: (text) => process.stderr.write(text),
  });
}
