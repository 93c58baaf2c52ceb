import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';

/**
 * A file named twice (`slac fmt bad.sla bad.sla`, or `x.sla ./x.sla` from
 * a glob and a name typed after it) was read and reported twice: each syntax
 * error printed twice ("2 errors in 1 file" for one error), and the second
 * copy counted as "1 file already formatted" when no file was. A file is
 * now formatted and reported once however often, and however, its path is
 * written. Through the built CLI.
 */

const messy = 'param  A   "x"\n';
const tidy = 'param A "x"\n';
const broken = 'param A "x\n';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'slac-fmt-twice-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('slac fmt with a file named twice', () => {
  it.each([
    { files: ['bad.sla', 'bad.sla'], code: 2, stdout: '', errors: 1, summary: '1 error in 1 file' },
    { files: ['bad.sla', './bad.sla', 'tidy.sla'], code: 2, stdout: '1 file already formatted\n', errors: 1, summary: '1 error in 1 file' },
    { files: ['messy.sla', './messy.sla', 'messy.sla'], code: 0, stdout: 'formatted messy.sla\n', errors: 0, summary: '' },
    { files: ['tidy.sla', 'tidy.sla'], code: 0, stdout: '1 file already formatted\n', errors: 0, summary: '' },
  ])('$files: each file once', ({ files, code, stdout, errors, summary }) => {
    const dir = folder({ 'bad.sla': broken, 'messy.sla': messy, 'tidy.sla': tidy });
    const run = runBuiltCli(['fmt', ...files], dir);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code, stdout });
    expect(run.stderr.split('error SLA1002').length - 1).toBe(errors);
    if (summary) expect(run.stderr).toContain(summary);
    expect(readFileSync(join(dir, 'messy.sla'), 'utf8')).toBe(files.includes('messy.sla') ? tidy : messy);
  });

  it('--check names a file that would change once, also when an absolute path names it again', () => {
    const dir = folder({ 'messy.sla': messy });
    const run = runBuiltCli(['fmt', '--check', 'messy.sla', './messy.sla', join(dir, '.', 'messy.sla')], dir);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 1, stdout: 'would reformat messy.sla\n', stderr: '' });
  });
});
