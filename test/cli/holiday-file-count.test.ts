/**
 * A holiday file's event with two RRULEs, each with a COUNT: the 31st of
 * every month three times, and every year twice, from Saturday 31 January
 * 2026. RFC 5545 counts the days of each rule that exist (January, March,
 * May; 2026 and 2027); slac dropped the days ical.js moves (31 February to
 * 3 March) but let ical.js count them when an event had more than one rule,
 * an RDATE or an EXDATE, so `slac compile` did not list 31 January 2027, and
 * `slac check` counted it as open.
 */
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';
import { officeReadingDaysIcs } from './holiday-file-fixtures.js';

const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:1', 'SUMMARY:Month end',
  'DTSTART;VALUE=DATE:20260131', 'RRULE:FREQ=MONTHLY;COUNT=3', 'RRULE:FREQ=YEARLY;COUNT=2', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

const SLA = officeReadingDaysIcs('Mon-Sun 09:00-17:00');

describe('COUNT of two rules of one event, through the built CLI', () => {
  it('compile --format md lists the days each rule counts', { timeout: 60_000 }, () => {
    const folder = freshFolder('two-counts');
    write(folder, 'days.ics', ICS);
    write(folder, 'a.sla', SLA);
    const run = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], folder);
    expect(run.stderr).toBe('');
    const listed = run.stdout.split('\n').filter((line) => line.includes('| Month end |')).map((line) => line.split('|')[1]!.trim());
    expect(listed).toEqual(['Saturday 31 January 2026', 'Tuesday 31 March 2026', 'Sunday 31 May 2026', 'Sunday 31 January 2027']);
  });
});
