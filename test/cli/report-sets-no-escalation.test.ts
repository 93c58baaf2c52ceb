import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * An agreement without escalation levels (the Lets Flo example): the review
 * pack says "The agreement sets no escalation levels.", while the site
 * showed a table of 0 met, 0 late, 0 missed and 0 pending escalations, as
 * if levels were set and none fell due. The site's overview and month pages
 * now say the pack's sentence; an agreement with levels keeps its table.
 */
const example = (...parts: string[]): string => join(repoRoot, 'examples', ...parts);
const SENTENCE = 'The agreement sets no escalation levels.';

function site(name: string, log: string): string {
  const folder = freshFolder('report-sets-no-escalation');
  const run = runBuiltCli(['report', example(`${name}.sla`), example('logs', log), '-o', 'site'], folder);
  expect(run.code, run.stderr).toBe(0);
  return join(folder, 'site');
}

/** The section of a page whose heading has this id. */
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section aria-labelledby="${id}">`);
  expect(start, `section ${id}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('slac report: the escalations of an agreement that sets no escalation levels', () => {
  it('are the pack\'s sentence on the overview and on each month page, not a table of zeros', () => {
    const dir = site('letsflo', 'letsflo.tickets.csv');
    for (const page of ['index.html', 'periods/2026-02.html', 'periods/2026-05.html']) {
      const escalations = sectionOf(readFileSync(join(dir, page), 'utf8'), 'escalations');
      expect(escalations, page).toContain(SENTENCE);
      expect(escalations, page).not.toContain('<table');
    }
  });

  it('are still a table for an agreement with levels', () => {
    const dir = site('poologics', 'poologics.tickets.csv');
    const escalations = sectionOf(readFileSync(join(dir, 'index.html'), 'utf8'), 'escalations');
    expect(escalations).not.toContain(SENTENCE);
    expect(escalations).toContain('<table id="escalations-table">');
  });
});
