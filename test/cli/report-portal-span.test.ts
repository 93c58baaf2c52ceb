import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { pageText } from './site-text.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * A portfolio's portal built for a span (`--from 2026-03-01 --to
 * 2026-03-31`) listed each client's tickets of March on its index, which
 * said only "Figures as of 2026-05-30T13:34:21+02:00": a reader took the
 * counts for the whole log. The index names the span reported, as each
 * client's overview does.
 */
const example = (...parts: string[]): string => join(repoRoot, 'examples', ...parts);
const text = pageText;

describe("slac report: a portfolio's portal index names the span reported", () => {
  it.each([
    [['--from', '2026-03-01', '--to', '2026-03-31'], 'Span reported 2026-03-01 to 2026-03-31'],
    [['--period', '2026-Q2'], 'Span reported 2026-Q2'],
    [[], 'Span reported the whole log'],
  ])('%j: %s', (span, words) => {
    const folder = freshFolder('report-portal-span');
    const run = runBuiltCli(['report', example('multilevel', 'departments.sla'), example('logs', 'departments.tickets.csv'), ...span, '-o', 'site'], folder);
    expect(run.code).toBe(0);
    const index = text(readFileSync(join(folder, 'site', 'index.html'), 'utf8'));
    expect(index).toContain('Figures as of 2026-05-30T13:34:21+02:00 ');
    expect(index).toContain(` ${words} `);
  });
});
