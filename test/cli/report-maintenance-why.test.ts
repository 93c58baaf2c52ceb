import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';
import { withoutNobr } from './site-text.js';

/**
 * Poologics' maintenance on Sunday 2026-01-11 02:00-04:52 was never
 * announced (outage log line 4), so it is downtime by the agreement's
 * 2-day notice; but the availability clock is closed then, so it counts
 * 0 minutes. The site listed it as "0, counted as downtime, short notice"
 * and the review pack as "0 short notice", with nothing to say why 0 (the
 * text report says "outside the hours of the metric's clock, with no
 * effect" and "short notice (not announced, 48h required)"); the windows
 * excluded on other Sundays read "0, excluded", an empty why. Both now give
 * the text report's reason and say the part lies outside the measured hours.
 */
const poologics = [
  join(repoRoot, 'examples', 'poologics.sla'),
  join(repoRoot, 'examples', 'logs', 'poologics.tickets.csv'),
  '--outages',
  join(repoRoot, 'examples', 'logs', 'poologics.outages.csv'),
];
const OUTSIDE = "outside the hours of the metric's clock, with no effect";

describe('a maintenance part outside the hours of the uptime metric\'s clock', () => {
  let folder: string;
  beforeAll(() => {
    folder = freshFolder('report-maintenance-why');
  });

  it('says why it is 0 minutes in the site\'s maintenance table, with the reason the text report gives', () => {
    const run = runBuiltCli(['report', ...poologics, '-o', 'site'], folder);
    expect(run.code, run.stderr).toBe(0);
    const html = withoutNobr(readFileSync(join(folder, 'site', 'index.html'), 'utf8'));
    const table = /<table id="maintenance-[^"]*">([\s\S]*?)<\/table>/.exec(html)![1]!;
    const unescape = (text: string): string => text.replace(/<[^>]+>/g, '').replace(/&#39;|&#x27;|&apos;/g, "'");
    const rows = [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => unescape(cell[1]!)));
    const byLine = (line: string): string[] => rows.find((cells) => cells[6] === line)!;
    // Start, end, period, minutes, treated as, why, line.
    expect(byLine('4').slice(3, 6)).toEqual(['0', 'counted as downtime', `short notice (not announced, 48h required); ${OUTSIDE}`]);
    expect(byLine('5').slice(3, 6)).toEqual(['0', 'excluded (scheduled maintenance)', OUTSIDE]);
  });

  it('says why it is 0 minutes in the review pack\'s maintenance counted as downtime', () => {
    const run = runBuiltCli(['report', ...poologics, '--format', 'pdf', '-o', 'pack.pdf'], folder);
    expect(run.code, run.stderr).toBe(0);
    // -raw: the Why cell wraps onto lines of its own, which -layout sets beside the other columns.
    const text = execFileSync('pdftotext', ['-raw', join(folder, 'pack.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toMatch(/2026-01-11T02:00:00-05:00 2026-01-11T04:52:00-05:00 0 short notice \(not announced, 48h required\); outside the hours of the metric's clock, with no effect 4/);
  });
});
