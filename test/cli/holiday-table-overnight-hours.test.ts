/**
 * A calendar open Friday 20:00–02:00 (next day) with holidays: `slac check`
 * counts a range that runs past midnight on the day it starts on (a weekly
 * range belongs to the day it starts), so Friday's hours still run to 02:00
 * into a Saturday listed as "Open 09:00–13:00", and a closed Friday closes
 * them up to 02:00. The document's holiday section said only "closed, or
 * open only for the hours shown", which reads as Saturday open 09:00–13:00
 * only; it now says whose day such hours are, beside the table.
 */
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

const SLA = `agreement A { provider "P" client "C" effective 2026-01-01 }
calendar Office {
  timezone "Europe/Berlin"
  hours Mon-Fri 20:00-02:00
  holidays {
    2026-05-02 hours 09:00-13:00 "Open Saturday"
    2026-05-08 "Closed Friday"
  }
}
severity Normal { description "Any request." default }
metric Resolution { measures resolution clock Office target 2 hours }
`;

// S1: Saturday 00:30, Friday's hours to 02:00 (90 minutes), then 30 minutes from 09:00. F1: the closed Friday at 23:00: the next open hours are Monday's.
const LOG = 'ticket,time,event\nS1,2026-05-02T00:30:00+02:00,created\nF1,2026-05-08T23:00:00+02:00,created\n';

const SENTENCE = 'Open hours that run past midnight (marked “next day”) belong to the day on which they start: a holiday on that day closes them, or replaces them with its own hours, also after midnight, and a holiday on the next day leaves the part of them that runs into it open.';

describe('hours past midnight next to a holiday, through the built CLI', () => {
  it('the holiday section of the document says whose day they are, and check counts them so', { timeout: 60_000 }, () => {
    const dir = freshFolder('overnight-holidays');
    write(dir, 'a.sla', SLA);
    write(dir, 'log.csv', LOG);
    const compile = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], dir);
    const holidays = compile.stdout.slice(compile.stdout.indexOf('On the following holidays'), compile.stdout.indexOf('## 4.'));
    expect(holidays).toContain('| Saturday 2 May 2026 | Open Saturday | Open 09:00–13:00 |');
    expect(holidays).toContain(SENTENCE);
    const check = runBuiltCli(['check', 'a.sla', 'log.csv', '--format', 'csv', '--as-of', '2026-06-01T00:00:00Z'], dir);
    const due = (ticket: string): string | undefined => check.stdout.split('\n').find((line) => line.startsWith(`${ticket},`))?.split(',')[7];
    expect(due('S1')).toBe('2026-05-02T09:30:00+02:00');
    expect(due('F1')).toBe('2026-05-11T22:00:00+02:00');
  });
});
