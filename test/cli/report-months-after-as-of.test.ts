import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { pageText } from './site-text.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * `slac report --period 2026-Q1 --as-of 2026-02-10T00:00:00Z` listed March
 * with 0 tickets and gave it a page of zeros, with no word that March is
 * after the as-of instant: a reader took it for a month without tickets.
 * The months table and the month's page now say it is after the as-of
 * instant and has no data yet; the month of the as-of instant and those
 * before it are shown as before.
 */
const example = (...parts: string[]): string => join(repoRoot, 'examples', ...parts);
const text = pageText;

function periodRows(html: string): string[][] {
  const table = /<table id="periods-table">([\s\S]*?)<\/table>/.exec(html)![1]!;
  return [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => text(cell[1]!).trim())).slice(1);
}

describe('slac report: months after the as-of instant', () => {
  it('are marked as after it, with no data yet, in the months table and on their pages', () => {
    const folder = freshFolder('report-months-after-as-of');
    const run = runBuiltCli(['report', example('letsflo.sla'), example('logs', 'letsflo.tickets.csv'), '--period', '2026-Q1', '--as-of', '2026-02-10T00:00:00Z', '-o', 'site'], folder);
    expect(run.code, run.stderr).toBe(0);
    const rows = periodRows(readFileSync(join(folder, 'site', 'index.html'), 'utf8'));
    // Lets Flo sets no escalation levels: the table has no escalations column (report-sets-none-tables.test.ts).
    expect(rows).toEqual([
      ['2026-01', '0', '0'],
      ['2026-02', '33', '1'],
      ['2026-03', 'after the as-of instant (no data yet)', '—'],
    ]);
    const march = text(readFileSync(join(folder, 'site', 'periods', '2026-03.html'), 'utf8'));
    expect(march).toContain("2026-03 is after the as-of instant 2026-02-10T00:00:00+00:00: no data yet. Nothing after that instant is counted; give a later --as-of, or none (the log's latest event).");
    for (const month of ['2026-01', '2026-02']) expect(readFileSync(join(folder, 'site', 'periods', `${month}.html`), 'utf8')).not.toContain('after the as-of instant');
  });

  it('have a dash for escalations too in the table of an agreement that sets levels', () => {
    const folder = freshFolder('report-months-after-as-of');
    const run = runBuiltCli(['report', example('poologics.sla'), example('logs', 'poologics.tickets.csv'), '--period', '2026-Q1', '--as-of', '2026-02-10T00:00:00Z', '-o', 'site'], folder);
    expect(run.code, run.stderr).toBe(0);
    expect(periodRows(readFileSync(join(folder, 'site', 'index.html'), 'utf8'))).toEqual([
      ['2026-01', '91', '17', '16'],
      ['2026-02', '33', '6', '5'],
      ['2026-03', 'after the as-of instant (no data yet)', '—', '—'],
    ]);
  });
});
