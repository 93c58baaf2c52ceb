import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Tests of the stages in-process (language, runtime, spec, compiler) share
 * their worker's modules from file to file (`isolate: false`): each file
 * imported the stages anew (chevrotain, luxon, the checker, the clock). On
 * the 2-core VM, idle, those 157 files took 199 s isolated (117 s of it
 * importing) and take 88 s shared (14 s importing), with the same peak
 * memory (3.0-3.3 GB, one test's). A file that replaces a module or spies
 * on a shared prototype (`vi.mock`, `vi.spyOn`) runs isolated, as every
 * other folder's files do (the CLI, the language server, the site: they
 * start processes, and set their environment).
 */
const SHARED_FOLDERS = ['test/language/', 'test/runtime/', 'test/spec/', 'test/compiler/'];
const ISOLATED_FILES = new Set([
  'test/language/checker/overlaps-scale.test.ts', // vi.mock of the hours module
  'test/runtime/log/hardening-readers.test.ts', // vi.spyOn on String.prototype
  'test/runtime/check/creation-order.test.ts', // vi.spyOn on Uint32Array.prototype
]);

const testFiles = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .map((path) => `test/${path.replaceAll('\\', '/')}`)
  .filter((path) => path.endsWith('.test.ts'));
const shared = testFiles.filter((path) => SHARED_FOLDERS.some((folder) => path.startsWith(folder)) && !ISOLATED_FILES.has(path));
const isolated = testFiles.filter((path) => !shared.includes(path));

export default defineConfig({
  test: {
    reporters: ['default', './test/plain-summary-reporter.ts'],
    // One temp folder per run, removed at its end (test/temp-folder-setup.ts).
    globalSetup: ['./test/temp-folder-setup.ts'],
    // CI has 2 cores; PDF and language-server tests start real processes.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // Each project runs the root's global setup again (test/temp-folder-setup.ts
    // makes the run's one temp folder the first time only).
    projects: [
      { extends: true, test: { name: 'in-process', include: shared, isolate: false } },
      { extends: true, test: { name: 'isolated', include: isolated, isolate: true } },
    ],
  },
});
