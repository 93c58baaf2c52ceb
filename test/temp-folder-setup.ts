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

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const folder = mkdtempSync(join(tmpdir(), 'slac-tests-'));
  process.env.TMPDIR = folder;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(folder, { recursive: true, force: true });
  };
}
