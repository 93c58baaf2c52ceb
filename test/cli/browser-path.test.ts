import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser, NO_BROWSER_MESSAGE } from '../../compiler/browser-path.js';
import { builtBin, repoRoot } from './built-cli.js';

/**
 * A browser path that exists but cannot be run (a file without execute
 * permission, a folder) was handed to puppeteer-core, whose spawn failed
 * with EACCES as an 'error' event it does not handle: Node's stack trace
 * and exit 1. It is now passed over like a path that is not there.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-browser-path-'));
const notExecutable = join(folder, 'chromium');
writeFileSync(notExecutable, '#!/bin/sh\n');
chmodSync(notExecutable, 0o644);
const aFolder = join(folder, 'chrome');
mkdirSync(aFolder);
const hasBrowser = (() => {
  try {
    findBrowser({ explicitPath: undefined });
    return true;
  } catch {
    return false;
  }
})();

describe('a browser path that cannot be run', () => {
  it.each([
    ['a file without execute permission', notExecutable, 'is not executable'],
    ['a folder', aFolder, 'is not a file'],
  ])('%s is passed over, with the reason', (_, path, reason) => {
    expect(() => findBrowser({ explicitPath: path, candidates: [path] })).toThrow(`${NO_BROWSER_MESSAGE} PUPPETEER_EXECUTABLE_PATH is set to ${path}, which ${reason}.`);
  });

  it.runIf(hasBrowser).each([
    ['a file without execute permission', notExecutable, 'is not executable'],
    ['a folder', aFolder, 'is not a file'],
  ])('as PUPPETEER_EXECUTABLE_PATH (%s): a warning, then the usual browser prints the PDF (built CLI)', (_, path, reason) => {
    const output = join(folder, `${reason.replace(/ /g, '-')}.pdf`);
    const run = spawnSync(process.execPath, [builtBin, 'compile', join(repoRoot, 'examples', 'poologics.sla'), '-o', output], {
      encoding: 'utf8',
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: path },
      timeout: 120_000,
    });
    expect(run.stderr).toBe(`slac: warning: PUPPETEER_EXECUTABLE_PATH is set to ${path}, which ${reason}; looking for Chromium or Chrome in the usual places.\n`);
    expect(run.status).toBe(0);
    expect(readFileSync(output).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
