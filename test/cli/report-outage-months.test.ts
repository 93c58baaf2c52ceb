import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { withoutNobr } from './site-text.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * The months a site lists start at the first month with a ticket, or with
 * an uptime period: an outage log that starts before the ticket log (the
 * Lets Flo outages from 2026-02-08, a ticket log from March) gave an
 * overview with February's uptime row and its missed objective, but no
 * page for February and a span "2026-03 to 2026-03".
 */
const agreement = join(repoRoot, 'examples', 'letsflo.sla');
const outages = join(repoRoot, 'examples', 'logs', 'letsflo.outages.csv');
const MARCH_TICKET = ['ticket,time,event,severity,channel,status,author,level', 'LF-1,2026-03-03T09:00:00Z,created,Normal,Email,,,', 'LF-1,2026-03-03T09:30:00Z,reply,,,,agent,'].join('\n');

describe('slac report: months of uptime periods before the first ticket', () => {
  it.each([
    ['a ticket log from March', MARCH_TICKET, []],
    ['an empty ticket log at an as-of instant', MARCH_TICKET.split('\n')[0]!, ['--as-of', '2026-03-31T00:00:00Z']],
  ])('%s: February, whose uptime the overview shows, has its page', (_name, log, extra) => {
    const folder = freshFolder('report-outage-months');
    write(folder, 't.csv', log);
    const run = runBuiltCli(['report', agreement, 't.csv', '--outages', outages, '-o', 'site', ...extra], folder);
    expect(run.code).toBe(0);
    const index = withoutNobr(readFileSync(join(folder, 'site', 'index.html'), 'utf8'));
    expect(index).toContain('<th scope="row">2026-02</th>'); // the uptime row
    expect(index).toContain('2026-02 to 2026-03');
    expect(index).toContain('href="periods/2026-02.html"');
    expect(existsSync(join(folder, 'site', 'periods', '2026-02.html'))).toBe(true);
    expect(readFileSync(join(folder, 'site', 'periods', '2026-02.html'), 'utf8')).toContain('99.331%');
  });
});
