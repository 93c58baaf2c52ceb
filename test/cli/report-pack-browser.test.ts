import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../compiler/browser-path.js';
import { builtBin, repoRoot } from './built-cli.js';

/**
 * `slac report --format pdf` without a browser that starts: the advice was
 * `slac compile`'s ("or use --format html"), a format `slac report` refuses
 * (its choices are site and pdf). It now names the site. Through the built
 * CLI for a browser that will not start; the search itself for none found.
 */

const letsflo = ['examples/letsflo.sla', 'examples/logs/letsflo.tickets.csv'];

describe('slac report --format pdf: no browser', () => {
  it('a browser that does not start: one line that names --format site, and no pack', () => {
    const pack = join(mkdtempSync(join(tmpdir(), 'slac-report-browser-')), 'pack.pdf');
    const run = spawnSync(process.execPath, [builtBin, 'report', ...letsflo, '--format', 'pdf', '-o', pack], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: '/bin/false' },
      timeout: 120_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^slac: Could not start the browser at \/bin\/false: .*\. Set PUPPETEER_EXECUTABLE_PATH to a working Chromium or Chrome, or use --format site\.\n$/);
    expect(run.stderr).not.toContain('--format html');
    expect(existsSync(pack)).toBe(false);
  }, 120_000);

  it('no browser found: the site works without one', () => {
    expect(() => findBrowser({ explicitPath: undefined, candidates: [], withoutBrowser: '--format site' })).toThrow(
      'PDF output needs Chromium or Google Chrome, and none was found. Install one (for example `sudo apt-get install chromium`) or set PUPPETEER_EXECUTABLE_PATH to the browser executable. `--format site` works without a browser.',
    );
    // slac compile's advice is as it was.
    expect(() => findBrowser({ explicitPath: undefined, candidates: [] })).toThrow('`--format html` and `--format md` work without a browser.');
  });
});
