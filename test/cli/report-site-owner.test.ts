import { chmodSync, chownSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * `slac report` moves each page of the site into place by a rename. Run as
 * root over a site of another user (a report job in a shared folder), the
 * new pages were root's, mode 644 whatever the old ones had: with 640 its
 * owner could no longer read them, and anyone could. A page it replaces
 * now keeps its owner, group and mode, as every other output does (the
 * temporary file takes them before the rename, cli/files.ts); a folder
 * is never replaced, only filled, and keeps its own.
 */

const LOG = [LOG_HEADER, 'A,2026-03-02T09:00:00+01:00,created,High,Email,,,', 'A,2026-03-02T09:30:00+01:00,reply,,,,agent,'].join('\n');

/** Every file and folder under `folder`, by its path inside it, with its owner, group and mode. */
function owners(folder: string): Record<string, [number, number, number]> {
  const found: Record<string, [number, number, number]> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const stats = statSync(path);
    found[relative(folder, path)] = [stats.uid, stats.gid, stats.mode & 0o7777];
  }
  return found;
}

describe('slac report over a site of another user', () => {
  const notRoot = process.getuid?.() !== 0;
  it.skipIf(notRoot)(`keeps the owner, group and mode of each page and folder it replaces, as root${notRoot ? ' (skipped: giving a file to another user needs root)' : ''}`, () => {
    const folder = freshFolder('site-owner');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.csv', `${LOG}\n`);
    expect(runBuiltCli(['report', 'a.sla', 'log.csv', '-o', 'site'], folder).code).toBe(0);
    const site = join(folder, 'site');
    for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name);
      chownSync(path, 1234, 2345);
      chmodSync(path, entry.isDirectory() ? 0o750 : 0o640);
    }
    writeFileSync(join(site, 'index.html'), 'the page before\n');
    const before = owners(site);
    expect(Object.keys(before)).toContain('periods');
    expect(Object.keys(before)).toContain(join('periods', '2026-03.html'));

    const run = runBuiltCli(['report', 'a.sla', 'log.csv', '-o', 'site'], folder);
    expect(run.code).toBe(0);
    expect(owners(site)).toEqual(before);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('<html');
  });
});
