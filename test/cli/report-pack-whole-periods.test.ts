import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { pageText } from './site-text.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * The March pack of the Lets Flo example said "146 verdicts were met, 18
 * breached" of March's tickets, and its objective table right below said
 * 2026-Q1: 162 met, 7 breached, with nothing to tell a reader why the two
 * disagree: the objective row is the whole quarter's. The pack now says so
 * when a row's period reaches outside the span, and says nothing when
 * every row is inside it.
 */
const example = (...parts: string[]): string => join(repoRoot, 'examples', ...parts);
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('slac report --format pdf: objective rows of periods wider than the span say so', () => {
  it.each([
    [['--period', '2026-03'], 'The objective rows are of the agreement’s whole periods (2026-Q1), which reach outside 2026-03: they count the tickets of those periods created outside it too.'],
    [['--period', '2026-Q1'], undefined],
  ])('%j', (span, sentence) => {
    const folder = freshFolder('report-pack-whole-periods');
    const run = runBuiltCli(['report', example('letsflo.sla'), example('logs', 'letsflo.tickets.csv'), ...span, '--format', 'pdf', '-o', 'pack.pdf'], folder);
    expect(run.code, run.stderr).toBe(0);
    const text = flat(execFileSync('pdftotext', ['-layout', join(folder, 'pack.pdf'), '-'], { encoding: 'utf8' }));
    if (sentence === undefined) expect(text).not.toContain('whole periods');
    else expect(text).toContain(sentence);
  });
});

describe("slac report: the site's overview says the same of objective rows wider than the span", () => {
  it.each([
    [['--period', '2026-03'], 'The objective rows are of the agreement’s whole periods (2026-Q1), which reach outside 2026-03: they count the tickets of those periods created outside it too.'],
    [['--period', '2026-Q1'], undefined],
  ])('%j', (span, sentence) => {
    const folder = freshFolder('report-pack-whole-periods');
    const run = runBuiltCli(['report', example('letsflo.sla'), example('logs', 'letsflo.tickets.csv'), ...span, '-o', 'site'], folder);
    expect(run.code, run.stderr).toBe(0);
    const text = pageText(readFileSync(join(folder, 'site', 'index.html'), 'utf8'));
    if (sentence === undefined) expect(text).not.toContain('whole periods');
    else expect(text).toContain(sentence);
  });
});
