import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'zj-reporter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the closing lines of a test run', () => {
  it('name each failed test with its file and the first line of its error, and count it', () => {
    writeFileSync(
      join(dir, 'sample.test.js'),
      [
        "it('adds up', () => expect(1 + 1).toBe(2));",
        "describe('a group', () => { it('fails on purpose', () => expect('金山园').toBe('闵行园')); });",
        "it.skip('is skipped', () => {});",
      ].join('\n'),
    );
    writeFileSync(join(dir, 'broken.test.js'), 'import "./does-not-exist.js";\n');
    const summary = join(dir, 'summary.json');
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--globals', '--reporter', join(ROOT, 'scripts/plain-summary-reporter.ts')],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, ZJ_TEST_SUMMARY_FILE: summary } },
    );
    expect(run.status).toBe(1);
    const tail = run.stdout.trim().split('\n').slice(-3);
    expect(tail[0]).toMatch(/^FAILED broken\.test\.js > \(the file did not load\): .*does-not-exist/);
    expect(tail[1]).toMatch(/^FAILED sample\.test\.js > a group > fails on purpose: .*闵行园/);
    expect(tail[2]).toBe('1 passed, 2 failed, 1 skipped');
    const written = JSON.parse(readFileSync(summary, 'utf8'));
    expect(written).toMatchObject({ passed: 1, failed: 2, skipped: 1 });
    expect(written.failures.map((f: { name: string }) => f.name)).toEqual(['(the file did not load)', 'a group > fails on purpose']);
    // The lines run-tests.mjs repeats under each run's label are the ones printed.
    expect(written.lines).toEqual(tail.slice(0, 2));
  });
});
