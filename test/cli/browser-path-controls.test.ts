import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtBin } from './built-cli.js';

/**
 * `slac compile`'s warning about a PUPPETEER_EXECUTABLE_PATH that cannot be
 * run printed the variable raw, so an ESC or a line break in it reached the
 * terminal. It is now escaped as the paths of other messages are. The
 * agreement has an error, so that no PDF is printed. Through the built CLI.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-browser-path-controls-'));
writeFileSync(join(folder, 'broken.sla'), 'metric {\n');
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

describe('PUPPETEER_EXECUTABLE_PATH in the warning', () => {
  it('is escaped', () => {
    const path = join(folder, 'chrome\u001b]0;pwned\u0007\u009b2J\nforged');
    const run = spawnSync(process.execPath, [builtBin, 'compile', 'broken.sla'], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: path },
      timeout: 120_000,
    });
    expect(run.stderr).toContain(`slac: warning: PUPPETEER_EXECUTABLE_PATH is set to ${join(folder, 'chrome')}\\u{1b}]0;pwned\\u{7}\\u{9b}2J\\nforged, which `);
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
    expect(run.status).toBe(2);
  }, 120_000);
});
