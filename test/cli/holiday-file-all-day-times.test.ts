/**
 * An all-day (DATE) recurring holiday whose RRULE UNTIL or EXDATE is written
 * as a DATE-TIME, as Outlook writes them: the local midnight of the day
 * meant, in UTC (`UNTIL=20260125T110000Z` is Monday 26 January 00:00 in
 * Auckland). ical.js compared the all-day occurrence, as UTC midnight, with
 * that instant, so in Auckland the last Monday was lost and an excluded
 * Monday stayed a holiday; in Los Angeles the excluded Monday stayed too.
 * The time now names the day of the calendar's zone it falls on (a time with
 * TZID or none, the day written), through validate, compile and check alike.
 */
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/** Mondays from 5 January 2026: the 12th excluded in UTC, the 19th with TZID, up to the 26th (an instant in UTC). */
function mondays(midnightUtc: (day: number) => string, zone: string): string {
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:mondays', 'SUMMARY:Monday off',
    'DTSTART;VALUE=DATE:20260105', `RRULE:FREQ=WEEKLY;UNTIL=${midnightUtc(26)}`, `EXDATE:${midnightUtc(12)}`, `EXDATE;TZID=${zone}:20260119T000000`,
    'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n');
}

const SLA = `agreement A { provider "P" client "C" effective 2026-01-01 }
calendar East {
  timezone "Pacific/Auckland"
  hours Mon-Fri 09:00-17:00
  holidays from "east.ics"
}
calendar West {
  timezone "America/Los_Angeles"
  hours Mon-Fri 09:00-17:00
  holidays from "west.ics"
}
severity Normal { description "Any request." default }
metric EastResolution { measures resolution clock East target 2 hours }
metric WestResolution { measures resolution clock West target 2 hours }
`;

function folder(): string {
  const dir = freshFolder('all-day-times');
  // Auckland is UTC+13 in January: its midnight is 11:00 the day before in UTC; Los Angeles' is 08:00 the same day.
  write(dir, 'east.ics', mondays((day) => `202601${day - 1}T110000Z`, 'Pacific/Auckland'));
  write(dir, 'west.ics', mondays((day) => `202601${day}T080000Z`, 'America/Los_Angeles'));
  write(dir, 'a.sla', SLA);
  // Friday 23 January, 16:00 in each zone: one hour that day; Monday 26 is a holiday, so the second hour is Tuesday 09:00-10:00.
  write(dir, 'log.csv', 'ticket,time,event\nE1,2026-01-23T16:00:00+13:00,created\nW1,2026-01-23T16:00:00-08:00,created\n');
  return dir;
}

describe('an all-day series whose UNTIL or EXDATE is a DATE-TIME, through the built CLI', () => {
  it('compile --format md lists the Mondays of the calendar zone: the 5th and the 26th, not the 12th or 19th', { timeout: 60_000 }, () => {
    const dir = folder();
    const run = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], dir);
    expect(run.stderr).toBe('');
    const listed = run.stdout.split('\n').filter((line) => line.includes('| Monday off |')).map((line) => line.split('|')[1]!.trim());
    // Each calendar's table lists its own Mondays.
    expect(listed).toEqual(['Monday 5 January 2026', 'Monday 26 January 2026', 'Monday 5 January 2026', 'Monday 26 January 2026']);
  });

  it('check counts the 26th as a holiday in both zones', { timeout: 60_000 }, () => {
    const run = runBuiltCli(['check', 'a.sla', 'log.csv', '--format', 'csv', '--as-of', '2026-02-01T00:00:00Z'], folder());
    const due = (ticket: string, metric: string): string | undefined => run.stdout.split('\n').find((line) => line.startsWith(`${ticket},Normal,,${metric},`))?.split(',')[7];
    expect(due('E1', 'EastResolution')).toBe('2026-01-27T10:00:00+13:00');
    expect(due('W1', 'WestResolution')).toBe('2026-01-27T10:00:00-08:00');
  });
});
