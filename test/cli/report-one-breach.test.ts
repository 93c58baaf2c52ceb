import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * A site with one breached ticket said "1 tickets breached at least one
 * target" on its overview and "1 tickets created this month breached a
 * target" on the month's page, and its chart's description "0% of 1 tickets
 * met the target". Each now counts in the singular for one, as
 * the review pack's sentences do.
 */
const AGREEMENT = `agreement One {
  title "One breach"
  version "1"
  effective 2026-01-01
  provider "P"
  client "C"
}
calendar Office {
  timezone "UTC"
  hours Mon-Sun 00:00-24:00
}
severity High {
  description "Any request."
  default
}
metric Response {
  title "Response"
  measures first response
  clock Office
  target High 1 hour
  objective 90% monthly
}
`;

const text = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe('slac report: the site counts one breached ticket in the singular', () => {
  it.each([
    [1, ['1 ticket breached at least one target:', '0% of 1 ticket met the target', '1 ticket created this month breached a target;']],
    [2, ['2 tickets breached at least one target:', '0% of 2 tickets met the target', '2 tickets created this month breached a target;']],
  ])('%i breached: the overview, its chart and the month page say it in number', (breached, [overview, chart, month]) => {
    const folder = freshFolder('report-one-breach');
    write(folder, 'one.sla', AGREEMENT);
    const rows = ['ticket,time,event,severity,channel,status,author,level'];
    for (let index = 1; index <= breached; index++) rows.push(`T${index},2026-03-0${index}T10:00:00Z,created,High,,,,`, `T${index},2026-03-0${index}T13:00:00Z,reply,,,,agent,`);
    write(folder, 'log.csv', `${rows.join('\n')}\n`);
    const run = runBuiltCli(['report', 'one.sla', 'log.csv', '-o', 'site'], folder);
    expect(run.code).toBe(0);
    const index = text(readFileSync(join(folder, 'site', 'index.html'), 'utf8'));
    expect(index).toContain(overview);
    expect(index).toContain(chart);
    expect(text(readFileSync(join(folder, 'site', 'periods', '2026-03.html'), 'utf8'))).toContain(month);
  });
});

/**
 * The uptime table of the site said "142 min, 1 rows" for one maintenance
 * row of the outage log (the Lets Flo example's March). It says "1 row".
 */
describe('slac report: the uptime table counts one maintenance row in the singular', () => {
  it('March of the Lets Flo example: one maintenance row counted as downtime', () => {
    const folder = freshFolder('report-one-breach');
    const example = (...parts: string[]): string => join(repoRoot, 'examples', ...parts);
    const run = runBuiltCli(['report', example('letsflo.sla'), example('logs', 'letsflo.tickets.csv'), '--outages', example('logs', 'letsflo.outages.csv'), '--period', '2026-03', '-o', 'site'], folder);
    expect(run.code).toBe(0);
    const index = text(readFileSync(join(folder, 'site', 'index.html'), 'utf8'));
    expect(index).toContain('0 min, 0 rows');
    expect(index).toContain('142 min, 1 row');
    expect(index).not.toMatch(/\b1 rows/);
  });
});
