/**
 * Vitest global setup: every test run gets one temp folder of its own, as
 * TMPDIR of the test processes (forked after this runs, so `os.tmpdir()`
 * answers it), removed when the run ends. Tests make thousands of temp
 * folders (one per CLI case); without this, a run that is interrupted, or a
 * test that forgets its cleanup, leaves them behind in the machine's /tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Set while the run's folder is TMPDIR: vitest runs this setup once for the run and again for each project (vitest.config.ts). */
const MADE = 'SLAC_TESTS_TMPDIR';

export default function setup(): () => void {
  // Made once: a folder nested in the last for each project made TMPDIR 40
  // characters longer, too long for Chromium's socket there (a path has at
  // most 107): test/cli/hardening-limits.test.ts could not start the browser.
  if (process.env[MADE] !== undefined && process.env[MADE] === process.env.TMPDIR) return () => {};
  const previous = process.env.TMPDIR;
  const folder = mkdtempSync(join(tmpdir(), 'slac-tests-'));
  process.env.TMPDIR = folder;
  process.env[MADE] = folder;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    delete process.env[MADE];
    rmSync(folder, { recursive: true, force: true });
  };
}
