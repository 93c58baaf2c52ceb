import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * An agreement without service credits (the Lets Flo example): the review
 * pack says "The agreement sets no service credits.", while the site said
 * "No credit is owed in the periods reported.", which reads as if credits
 * were agreed and the provider kept every level. The site now says the
 * pack's sentence; an agreement with credits keeps its own words.
 */
const example = (...parts: string[]): string => join(repoRoot, 'examples', ...parts);
const SENTENCE = 'The agreement sets no service credits.';

function site(name: string, log: string, extra: readonly string[] = []): string {
  const folder = freshFolder('report-sets-no-credits');
  const run = runBuiltCli(['report', example(`${name}.sla`), example('logs', log), '-o', 'site', ...extra], folder);
  expect(run.code, run.stderr).toBe(0);
  return join(folder, 'site');
}

function creditsSection(html: string): string {
  const start = html.indexOf('<section aria-labelledby="credits">');
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('slac report: the credits of an agreement that sets no service credits', () => {
  it('are the pack\'s sentence on the overview and each month page', () => {
    const dir = site('letsflo', 'letsflo.tickets.csv');
    for (const page of ['index.html', 'periods/2026-03.html']) {
      const credits = creditsSection(readFileSync(join(dir, page), 'utf8'));
      expect(credits, page).toContain(SENTENCE);
      expect(credits, page).not.toContain('No credit is owed');
    }
  });

  it('are still "no credit is owed" for an agreement with credits that owes none', () => {
    // The hosting agreement's credits, in a month (May) whose rows owe none.
    const dir = site('hosting', 'hosting.tickets.ndjson', ['--period', '2026-05']);
    const credits = creditsSection(readFileSync(join(dir, 'index.html'), 'utf8'));
    expect(credits).not.toContain(SENTENCE);
  });
});
