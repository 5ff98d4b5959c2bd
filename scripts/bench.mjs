#!/usr/bin/env node
// `npm run bench`: runs every benchmark of the repository, one after the other (they measure
// latency: running them in parallel on a small machine would measure each other). A benchmark
// is any `<workspace>/bench/*.bench.ts`; add yours there and it runs too. Pass a substring to
// run only matching files: `npm run bench -- api`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const filter = process.argv[2] ?? '';
const benches = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules')
  .flatMap((d) => {
    const dir = join(root, d.name, 'bench');
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.bench.ts'))
          .map((f) => join(d.name, 'bench', f))
      : [];
  })
  .filter((f) => f.includes(filter))
  .sort();

if (benches.length === 0) {
  console.log(filter ? `no benchmark matches "${filter}"` : 'no benchmarks yet');
  process.exit(0);
}
const tsx = join(root, 'node_modules', '.bin', 'tsx');
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench}`);
  const result = spawnSync(tsx, [bench], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
