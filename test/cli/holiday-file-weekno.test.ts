/**
 * BYWEEKNO rules of all-day events: ical.js gave every Monday but those of
 * week 3 for FREQ=YEARLY;BYWEEKNO=3;BYDAY=MO (101 holidays in 2026 and
 * 2027 instead of two). slac now counts weeks as RFC 5545 does (week 1 is
 * the first with four days of the year, weeks starting on WKST, negative
 * numbers from the year's last week) and picks the days itself.
 */
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';
import { listedHolidays, officeReadingDaysIcs, recurringAllDayEvents } from './holiday-file-fixtures.js';

const EVENTS: [string, string, string][] = [
  ['Week three', '20260112', 'FREQ=YEARLY;BYWEEKNO=3;BYDAY=MO'],
  ['Last week', '20270101', 'FREQ=YEARLY;BYWEEKNO=-1;BYDAY=FR;COUNT=2'], // Friday 1 January 2027 is in week 53 of 2026
  ['Sunday weeks', '20270103', 'FREQ=YEARLY;BYWEEKNO=1;BYDAY=SU;WKST=SU;COUNT=1'], // weeks from Sunday: week 1 of 2027 is 3 to 9 January (from Monday, 4 to 10)
];

const ICS = recurringAllDayEvents(EVENTS);

const SLA = officeReadingDaysIcs();

describe('BYWEEKNO rules of a holiday file, through the built CLI', () => {
  it('compile --format md lists the days of the weeks named', { timeout: 60_000 }, () => {
    const dir = freshFolder('weekno');
    write(dir, 'days.ics', ICS);
    write(dir, 'a.sla', SLA);
    const run = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], dir);
    expect(run.stderr).toBe('');
    const listed = listedHolidays(run.stdout, ['Week three', 'Last week', 'Sunday weeks']);
    expect(listed).toEqual([
      'Monday 12 January 2026: Week three',
      'Friday 1 January 2027: Last week', 'Sunday 3 January 2027: Sunday weeks', 'Monday 18 January 2027: Week three', 'Friday 31 December 2027: Last week',
    ]);
  });
});
