import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/** A failed test as the closing lines name it: its file, its full name, the first line of its error. */
export interface FailedTest {
  file: string;
  name: string;
  error: string;
}

/**
 * Ends every run with one plain line, "N passed, N failed, N skipped", that any CI can read
 * whatever test runner it knows, after one line per failed test (file, name, first line of the
 * error): a CI that keeps only the tail of the output still says what failed. With
 * ZJ_TEST_SUMMARY_FILE set (scripts/run-tests.mjs), the counts and the failures also go there as
 * JSON, so runs on two Node versions add up to one closing line.
 */
export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    const failures: FailedTest[] = [];
    const modules = [...testModules].sort((a, b) => a.relativeModuleId.localeCompare(b.relativeModuleId));
    for (const module of modules) {
      const file = module.relativeModuleId;
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') count.passed += 1;
        else if (result.state === 'failed') {
          count.failed += 1;
          failures.push({ file, name: test.fullName, error: firstLine(result.errors?.[0]?.message) });
        } else count.skipped += 1;
      }
      // A file that failed to load has no tests but is a failure all the same.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) {
        count.failed += 1;
        failures.push({ file, name: '(the file did not load)', error: firstLine(module.errors()[0]?.message) });
      }
    }
    const lines = failures.map(failureLine);
    process.stdout.write(`\n${lines.map((l) => `${l}\n`).join('')}${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
    // The lines as printed too, so run-tests.mjs repeats them without a format of its own.
    if (process.env.ZJ_TEST_SUMMARY_FILE) writeFileSync(process.env.ZJ_TEST_SUMMARY_FILE, JSON.stringify({ ...count, failures, lines }));
  }
}

/** "FAILED file > name: error", as the closing lines print a failure. */
function failureLine(f: FailedTest): string {
  return `FAILED ${f.file} > ${f.name}${f.error ? `: ${f.error}` : ''}`;
}

function firstLine(message: string | undefined): string {
  const line = (message ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
