import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtBin, repoRoot } from './built-cli.js';

/**
 * `slac check --jobs N` on a CSV log whose record runs over two lines says
 * it checks the log on one thread after all, naming the log as typed: the
 * name was printed raw, so an ESC ]0;title BEL, CR or line feed in it
 * reached the terminal. It is now escaped as the log's errors name it.
 * Through the built CLI (SLAC_CHECK_PARALLEL_MIN_BYTES=0 starts the workers
 * for a small log).
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-jobs-controls-'));
/** ESC ]0;T BEL (sets a terminal's title), CR, LF and a C1 CSI. */
const CONTROLS = '\u001b]0;T\u0007\r\n\u009b';
const SHOWN = '\\u{1b}]0;T\\u{7}\\r\\n\\u{9b}';
/** Any control character but the line feeds that end output lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

const LOG = ['ticket,time,event,severity,note', 'A,2026-05-04T09:00:00Z,created,P2,', '"B","2026-05-04T09:10:00Z",created,P2,"two', 'lines"', ''].join('\n');

describe('slac check --jobs N on a log named with control characters', () => {
  it('names the log escaped when it says the log is checked on one thread', () => {
    const log = `multi${CONTROLS}.csv`;
    writeFileSync(join(folder, log), LOG);
    const run = spawnSync(process.execPath, [builtBin, 'check', join(repoRoot, 'examples', 'hosting.sla'), log, '--jobs', '2'], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, SLAC_CHECK_PARALLEL_MIN_BYTES: '0', SLAC_CHECK_CORES: '8' },
    });
    expect(run.stderr).toContain(`slac: --jobs 2: multi${SHOWN}.csv:3: a quoted field runs on past this line`);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
  });
});
