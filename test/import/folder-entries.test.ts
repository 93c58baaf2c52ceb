import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtBin, repoRoot, type CliRun } from '../cli/built-cli.js';
import { fixtures, outputFolder } from './helpers.js';

/**
 * Entries of an export folder that are not regular files (a FIFO, a
 * subfolder, a symbolic link to nothing) are named in the summary and never
 * opened: a FIFO named `*.json` made the import wait forever, a subfolder
 * or a dangling link stopped it as an internal error (exit 70). The same
 * named on the command line is refused with exit 2. Through the built
 * executable (run `node scripts/build.mjs` first).
 */

const out = outputFolder('folder-entries');

/** Runs the built slac, killed after 20 s: a FIFO opened for reading waits for a writer that never comes. */
function slacWithin20s(...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [builtBin, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sources = [
  { source: 'zammad', extension: 'json' },
  { source: 'jira', extension: 'json' },
  { source: 'glpi', extension: 'csv' },
  { source: 'freshdesk', extension: 'json' },
  { source: 'zendesk', extension: 'json' },
  { source: 'zendesk-tables', extension: 'csv' },
];

/** A copy of the source's fixture export, with the agreement and API replies left out. */
function exportCopy(source: string, name: string): string {
  const folder = join(out, `${source}-${name}`);
  cpSync(join(repoRoot, fixtures, source), folder, { recursive: true });
  rmSync(join(folder, 'agreement.sla'), { force: true });
  rmSync(join(folder, 'api'), { recursive: true, force: true });
  return folder;
}

const entries = [
  {
    name: 'a FIFO',
    make: (path: string) => spawnSync('mkfifo', [path]),
    note: 'not a regular file (a device, a pipe or a socket): not read',
  },
  { name: 'a subfolder', make: (path: string) => mkdirSync(path), note: 'a folder, not a file: not read' },
  {
    name: 'a symbolic link to nothing',
    make: (path: string) => symlinkSync('/nonexistent/slac-target', path),
    note: 'a symbolic link to a file that does not exist: not read',
  },
];

describe('slac import: folder entries that are not regular files are named in the summary, not opened', () => {
  const cases = sources.flatMap((source) => entries.map((entry) => ({ ...source, ...entry })));
  it.each(cases)('$source: $name', ({ source, extension, name, make, note }) => {
    const folder = exportCopy(source, name.replace(/\W+/g, '-'));
    const entry = join(folder, `odd.${extension}`);
    make(entry);
    const run = slacWithin20s('import', source, folder, '-o', join(folder, 'out.ndjson'));
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${entry}: 0 rows, ${note}\n`);
  });
});

describe('slac import: a file named on the command line that is not a regular file is refused (exit 2)', () => {
  const cases = [
    { name: 'a FIFO', make: (path: string) => spawnSync('mkfifo', [path]), message: 'it is not a regular file (a device, a pipe or a socket)' },
    { name: 'a symbolic link to nothing', make: (path: string) => symlinkSync('/nonexistent/slac-target', path), message: 'it is a symbolic link to a file that does not exist' },
  ];
  it.each(cases)('$name', ({ name, make, message }) => {
    const path = join(out, `direct-${name.replace(/\W+/g, '-')}.json`);
    make(path);
    const run = slacWithin20s('import', 'zammad', path, '-o', join(out, 'direct.ndjson'));
    expect(run.stderr).toBe(`slac: cannot read ${path}: ${message}.\n`);
    expect(run.code).toBe(2);
  });

  it('a device (/dev/zero) is refused before it is read', () => {
    const run = slacWithin20s('import', 'glpi', '/dev/zero', '-o', join(out, 'zero.ndjson'));
    expect(run.stderr).toBe('slac: cannot read /dev/zero: it is not a regular file (a device, a pipe or a socket).\n');
    expect(run.code).toBe(2);
  });

  it('slac check --log-format refuses it too', () => {
    const run = slacWithin20s('check', join(fixtures, 'zammad', 'agreement.sla'), '/dev/zero', '--log-format', 'zammad');
    expect(run.stderr).toBe('slac: cannot read /dev/zero: it is not a regular file (a device, a pipe or a socket).\n');
    expect(run.code).toBe(2);
  });
});
