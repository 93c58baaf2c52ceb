import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * A site rebuilt into the folder of an earlier build: the earlier build's
 * pages that the new one does not write (months no longer reported, tickets
 * no longer breached, a client no longer in the portfolio) are removed, as
 * long as they are as that build wrote them. Before, they stayed: the Lets
 * Flo site rebuilt with --period 2026-03 left 3 month pages and 33 ticket
 * timelines of the whole log, with the figures of another as-of instant, at
 * the addresses a portal's readers had bookmarked. Files the report did
 * not write, or a page changed since, are left alone.
 */
const agreement = join(repoRoot, 'examples', 'letsflo.sla');
const log = join(repoRoot, 'examples', 'logs', 'letsflo.tickets.csv');
const outages = join(repoRoot, 'examples', 'logs', 'letsflo.outages.csv');

/** Every file under `folder`, relative to it, sorted. */
function filesUnder(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else files.push(relative(folder, join(dir, entry.name)));
    }
  };
  walk(folder);
  return files.sort();
}

function report(folder: string, output: string, ...extra: string[]): { code: number | null; stderr: string } {
  return runBuiltCli(['report', agreement, log, '--outages', outages, '-o', output, ...extra], folder);
}

describe('slac report into the folder of an earlier build', () => {
  it("removes the earlier build's pages that the new one does not write, and nothing else", () => {
    const folder = freshFolder('report-stale');
    expect(report(folder, 'site').code).toBe(0);
    expect(report(folder, 'fresh', '--period', '2026-03').code).toBe(0);
    const fresh = filesUnder(join(folder, 'fresh'));
    const stale = filesUnder(join(folder, 'site')).filter((file) => !fresh.includes(file));
    expect(stale).toContain('tickets/LF-1003.html');
    writeFileSync(join(folder, 'site', 'notes.txt'), 'mine');
    writeFileSync(join(folder, 'site', 'periods', 'mine.html'), 'mine');
    writeFileSync(join(folder, 'site', 'periods', '2026-05.html'), 'edited by hand');
    const run = report(folder, 'site', '--period', '2026-03');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`slac: removed ${stale.length - 1} files of the earlier build that this one does not write; left periods/2026-05.html, changed since.\n`);
    const expected = [...fresh, 'notes.txt', 'periods/2026-05.html', 'periods/mine.html'].sort();
    expect(filesUnder(join(folder, 'site'))).toEqual(expected);
  });

  it('removes nothing outside the folder, whatever the list of the earlier build says', () => {
    const folder = freshFolder('report-stale-outside');
    expect(report(folder, 'site').code).toBe(0);
    writeFileSync(join(folder, 'outside.txt'), 'keep');
    const manifest = join(folder, 'site', '.slac-report.json');
    const listed = JSON.parse(readFileSync(manifest, 'utf8')) as { files: Record<string, string> };
    const hash = createHash('sha256').update('keep').digest('hex');
    listed.files['../outside.txt'] = hash;
    listed.files[join(folder, 'outside.txt')] = hash;
    writeFileSync(manifest, JSON.stringify(listed));
    expect(report(folder, 'site', '--period', '2026-03').code).toBe(0);
    expect(existsSync(join(folder, 'outside.txt'))).toBe(true);
  });
});
