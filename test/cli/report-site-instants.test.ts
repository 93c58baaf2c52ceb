import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * The site's sentences broke an instant or a month at its hyphen, as its
 * table cells did: every page's footer ("figures as of 2026-05-" at a
 * line's end of the portfolio index, "30T13:34:21+02:00" on the next), and
 * a month page's first sentence ("periods that include 2026-" / "02.").
 * Every instant, date and month in a page's text is now in a span kept on
 * one line, but in a row header, which keeps to one line as a whole, and
 * in a chart, whose labels never wrap.
 */
const example = (...parts: string[]): string => join(repoRoot, 'examples', ...parts);
const DATE = /\d{4}-(\d{2}|Q[1-4]|W\d{2})/;

function pages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
}

/** The dates of a page's text not kept whole: the text outside the head, charts, row headers and nobr spans. */
function looseDates(html: string): string[] {
  const text = html
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<th scope="row"[\s\S]*?<\/th>/g, '')
    .replace(/<span class="nobr">[^<]*<\/span>/g, '')
    .replace(/<[^>]+>/g, ' ');
  return text.split(/\s+/).filter((word) => DATE.test(word));
}

describe('slac report: the dates in a site page\'s text', () => {
  it.each([
    ['letsflo', 'letsflo.sla', 'letsflo.tickets.csv', 'letsflo.outages.csv'],
    ['departments', 'multilevel/departments.sla', 'departments.tickets.csv', 'departments.outages.csv'],
  ])('are kept whole on every page of the %s site', (_name, agreement, log, outages) => {
    const folder = freshFolder('report-site-instants');
    const run = runBuiltCli(['report', example(agreement), example('logs', log), '--outages', example('logs', outages), '-o', 'site'], folder);
    expect(run.code, run.stderr).toBe(0);
    const dir = join(folder, 'site');
    const loose = pages(dir).flatMap((page) => looseDates(readFileSync(join(dir, page), 'utf8')).map((word) => `${page}: ${word}`));
    expect(loose).toEqual([]);
  });
});
