import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/plain-summary-reporter.ts'],
    // One temp folder per run, removed at its end (test/temp-folder-setup.ts).
    globalSetup: ['./test/temp-folder-setup.ts'],
    // CI has 2 cores; PDF and language-server tests start real processes.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
