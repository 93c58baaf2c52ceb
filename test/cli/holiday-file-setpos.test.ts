/**
 * BYSETPOS rules of all-day events, as ical.js expanded them: FREQ=WEEKLY;
 * BYDAY=MO,TU,WE;BYSETPOS=1 from Monday 5 January 2026 gave Monday 5 and
 * Tuesday 6 (the first of Monday to Wednesday of each week is a Monday:
 * 5 and 12), and FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 from
 * Thursday 31 December 2026 (the last weekday of the year) gave 1 January
 * 2027, not 31 December 2027. slac now picks each period's days itself.
 */
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';
import { listedHolidays, officeReadingDaysIcs, recurringAllDayEvents } from './holiday-file-fixtures.js';

const EVENTS: [string, string, string][] = [
  ['Week start', '20260105', 'FREQ=WEEKLY;BYDAY=MO,TU,WE;BYSETPOS=1;COUNT=2'],
  ['Year end', '20261231', 'FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=2'],
  ['Month end', '20260224', 'FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,TU;BYSETPOS=-1;UNTIL=20260630'], // ical.js had these right
];

const ICS = recurringAllDayEvents(EVENTS);

const SLA = officeReadingDaysIcs();

describe('BYSETPOS rules of a holiday file, through the built CLI', () => {
  it('compile --format md lists the days each period picks', { timeout: 60_000 }, () => {
    const dir = freshFolder('setpos');
    write(dir, 'days.ics', ICS);
    write(dir, 'a.sla', SLA);
    const run = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], dir);
    expect(run.stderr).toBe('');
    const listed = listedHolidays(run.stdout, ['Week start', 'Year end', 'Month end']);
    expect(listed).toEqual([
      'Monday 5 January 2026: Week start', 'Monday 12 January 2026: Week start',
      'Tuesday 24 February 2026: Month end', 'Tuesday 28 April 2026: Month end', 'Tuesday 30 June 2026: Month end',
      'Thursday 31 December 2026: Year end', 'Friday 31 December 2027: Year end',
    ]);
  });
});
