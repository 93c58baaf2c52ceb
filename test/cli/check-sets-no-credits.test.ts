import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * An agreement without service credits or escalation levels (Lets Flo sets
 * neither, Poologics no credits): slac check's text report said "Credits:
 * none due." and "Escalations: 0 met, 0 late, 0 missed, 0 pending.", which
 * read as credits and levels agreed and none earned or owed. It now says
 * what the review pack and the site say; an agreement that sets them keeps
 * its counts. The JSON report keeps its documented shape (empty lists, zero
 * totals).
 */
const example = (...parts: string[]): string => join(repoRoot, 'examples', ...parts);
const NO_CREDITS = 'The agreement sets no service credits.';
const NO_LEVELS = 'The agreement sets no escalation levels.';

function check(agreement: string, log: string, extra: readonly string[] = []): string {
  const run = runBuiltCli(['check', example(agreement), example('logs', log), ...extra], freshFolder('check-sets-no-credits'));
  expect(run.code, run.stderr).not.toBe(2);
  return run.stdout;
}

describe('slac check: the text report of an agreement that sets no credits or no escalation levels', () => {
  it.each([
    // agreement, log, sets credits, sets escalation levels
    ['letsflo.sla', 'letsflo.tickets.csv', false, false],
    ['poologics.sla', 'poologics.tickets.csv', false, true],
  ] as const)('%s says which it sets none of', (agreement, log, credits, levels) => {
    const text = check(agreement, log);
    expect(text.includes(NO_CREDITS), NO_CREDITS).toBe(!credits);
    expect(text.includes('Credits: none due.'), 'Credits: none due.').toBe(credits);
    expect(text.includes(NO_LEVELS), NO_LEVELS).toBe(!levels);
    expect(/^Escalations: \d+ met, \d+ late, \d+ missed, \d+ pending\.$/m.test(text), 'Escalations: counts').toBe(levels);
  });

  it('keeps "Credits: none due." and the escalation counts for an agreement that sets both', () => {
    const text = check('hosting.sla', 'hosting.tickets.ndjson', ['--as-of', '2026-03-05T00:00:00Z']);
    expect(text).toContain('Credits: none due.');
    expect(text).toMatch(/^Escalations: \d+ met, 0 late, 0 missed, \d+ pending\.$/m);
    expect(text).not.toContain(NO_CREDITS);
    expect(text).not.toContain(NO_LEVELS);
  });

  it('says it in each client report of a portfolio whose agreements set no credits', () => {
    const text = check(join('multilevel', 'departments.sla'), 'departments.tickets.csv');
    const clients = text.split(/^== Client /m).slice(1);
    expect(clients).toHaveLength(2);
    for (const client of clients) {
      expect(client).toContain(NO_CREDITS);
      expect(client).not.toContain('Credits: none due.');
      expect(client).toMatch(/^Escalations: \d+ met, \d+ late, \d+ missed, \d+ pending\.$/m);
    }
  });

  it('leaves the JSON report as documented: an empty credits list and zero escalation totals', () => {
    const report = JSON.parse(check('letsflo.sla', 'letsflo.tickets.csv', ['--format', 'json']));
    expect(report.credits).toEqual([]);
    expect(report.escalations).toEqual([]);
    expect(report.totals.escalations).toEqual({ met: 0, late: 0, missed: 0, pending: 0 });
  });
});
