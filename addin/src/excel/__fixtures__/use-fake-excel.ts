import { afterEach, beforeEach } from 'vitest';
import { FakeExcel, type FakeExcelOptions } from '../../../test/fake-excel/fake-excel.js';

/**
 * Gives each test of the file a new FakeExcel installed as the Excel global, removed after the
 * test. Call at the top of the file; `fake()` inside a test is that test's fake.
 */
export function useFakeExcel(options?: FakeExcelOptions): () => FakeExcel {
  let current: FakeExcel | null = null;
  let uninstall: (() => void) | null = null;
  beforeEach(() => {
    current = new FakeExcel(options);
    uninstall = current.install();
  });
  afterEach(() => {
    uninstall?.();
    current = uninstall = null;
  });
  return () => {
    if (!current) throw new Error('useFakeExcel: the fake exists only while a test runs');
    return current;
  };
}
