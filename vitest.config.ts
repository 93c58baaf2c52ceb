import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Most test files share their worker's modules from file to file
 * (`isolate: false`), rather than each starting a new process and importing
 * anew.
 * - The stages in-process (language, runtime, spec, compiler): each file
 *   imported chevrotain, luxon, the checker and the clock again. On the
 *   2-core VM, idle, those 157 files took 199 s isolated (117 s of it
 *   importing) and take 88 s shared (14 s importing), with the same peak
 *   memory (3.0-3.3 GB, one test's).
 * - The built CLI's and the site's tests (cli, import, review, docs, check):
 *   they start slac as users run it, so each file's own process was pure
 *   overhead, about 0.3 s of wall time a file (2026-12-05, 69 small CLI files
 *   on 2 workers: 88 s isolated, 60-71 s shared in three runs). A file there that sets an
 *   environment variable restores it after its test (`finally`, `afterEach`).
 * A file that replaces a module or spies on a shared prototype (`vi.mock`,
 * `vi.spyOn`) runs isolated, as the language server's, the extension's and
 * the editors' files do (some of them replace modules with `vi.mock`).
 */
const SHARED_FOLDERS = ['test/language/', 'test/runtime/', 'test/spec/', 'test/compiler/', 'test/cli/', 'test/import/', 'test/review/', 'test/docs/', 'test/check/'];
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
    // Two workers keep CI's 2 cores 92-96% busy on the CLI's files (the
    // processes they start do the work); three made it 98% with no gain in
    // wall time above the noise (2026-12-05, /proc/stat, twice each), and a
    // test harness's 10 s bound was then overrun.
    maxWorkers: 2,
    // Each project runs the root's global setup again (test/temp-folder-setup.ts
    // makes the run's one temp folder the first time only).
    projects: [
      { extends: true, test: { name: 'shared', include: shared, isolate: false } },
      { extends: true, test: { name: 'isolated', include: isolated, isolate: true } },
    ],
  },
});
