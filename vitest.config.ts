import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,functions,addin,e2e,scripts,infra}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Integration tests start Azurite, LibreOffice and Chromium: keep files in parallel
    // but bounded on a 2-core machine.
    maxWorkers: 2,
    reporters: ['default', './scripts/plain-summary-reporter.ts'],
    setupFiles: ['./scripts/fast-check-setup.ts'],
  },
});
