import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * LF-1172 of the Lets Flo example was resolved while paused: its resolution
 * time was met, and no due instant was ever reached (the JSON report's `due`
 * is null). Its ticket page said "Due: never while paused", a due phrase
 * that reads as a target still open; the cell now says when it was met. A
 * metric with a due instant keeps it.
 */
const example = (...parts: string[]): string => join(repoRoot, 'examples', ...parts);

function verdictRows(html: string): Map<string, string[]> {
  const table = /<table id="metric-verdicts">([\s\S]*?)<\/table>/.exec(html)![1]!;
  // The cell's words: an instant in it is in a span that keeps it on one line.
  const rows = [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '')));
  return new Map(rows.map((cells) => [cells[0]!, cells]));
}

describe("a ticket page's Due cell", () => {
  it('says when a metric met while paused was met, not that it is never due', () => {
    const folder = freshFolder('report-ticket-page-due');
    const run = runBuiltCli(['report', example('letsflo.sla'), example('logs', 'letsflo.tickets.csv'), '-o', 'site'], folder);
    expect(run.code, run.stderr).toBe(0);
    const rows = verdictRows(readFileSync(join(folder, 'site', 'tickets', 'LF-1172.html'), 'utf8'));
    expect(rows.get('Incident resolution time')?.[4]).toBe('met 2026-03-06T19:16:17+00:00, while paused');
    expect(rows.get('Incident response time')?.[4]).toBe('2026-03-06T14:39:00+00:00');
  });
});
