/**
 * A moved occurrence (RECURRENCE-ID) of an all-day (DATE) series whose
 * RECURRENCE-ID is written as a DATE-TIME, as UNTIL, EXDATE and RDATE may be
 * (holiday-file-all-day-times, holiday-file-rdate-times): ical.js finds the
 * occurrence an override replaces by the RECURRENCE-ID's text, so a
 * DATE-TIME matched no all-day occurrence and the override was dropped
 * without a word. The day it moved from stayed a holiday and the day it
 * moved to was not one, in the document's table and in check's due times.
 * The RECURRENCE-ID now names a day as the others do: a UTC time the day
 * of the calendar's zone it falls on, a time with TZID or none the day
 * written.
 */
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

// Mondays 5, 12, 19 and 26 January 2026; Auckland is UTC+13 in January (11:00Z is the next day's midnight there).
const ICS = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN',
  'BEGIN:VEVENT', 'UID:mondays', 'SUMMARY:Monday off', 'DTSTART;VALUE=DATE:20260105', 'RRULE:FREQ=WEEKLY;COUNT=4', 'END:VEVENT',
  // Monday 12 in Auckland, moved to Tuesday 13.
  'BEGIN:VEVENT', 'UID:mondays', 'SUMMARY:Monday off, moved', 'RECURRENCE-ID:20260111T110000Z', 'DTSTART;VALUE=DATE:20260113', 'END:VEVENT',
  // Monday 19 as written, moved to Wednesday 21.
  'BEGIN:VEVENT', 'UID:mondays', 'SUMMARY:Monday off, moved', 'RECURRENCE-ID;TZID=Pacific/Auckland:20260119T000000', 'DTSTART;VALUE=DATE:20260121', 'END:VEVENT',
  // Monday 26 (floating) moved to an hour of that day: no longer all-day, so no holiday.
  'BEGIN:VEVENT', 'UID:mondays', 'SUMMARY:Monday meeting', 'RECURRENCE-ID:20260126T000000',
  'DTSTART;TZID=Pacific/Auckland:20260126T090000', 'DTEND;TZID=Pacific/Auckland:20260126T100000', 'END:VEVENT',
  'END:VCALENDAR', '',
].join('\r\n');

const SLA = `agreement A { provider "P" client "C" effective 2026-01-01 }
calendar East {
  timezone "Pacific/Auckland"
  hours Mon-Fri 09:00-17:00
  holidays from "east.ics"
}
severity Normal { description "Any request." default }
metric Resolution { measures resolution clock East target 2 hours }
`;

function folder(): string {
  const dir = freshFolder('recurrence-id-times');
  write(dir, 'east.ics', ICS);
  write(dir, 'a.sla', SLA);
  // Each created at 16:00: one hour that day, the second on the next open day from 09:00.
  write(dir, 'log.csv', [
    'ticket,time,event',
    'M12,2026-01-12T16:00:00+13:00,created', // Monday 12 is open, Tuesday 13 is not: due Wednesday 14 at 10:00
    'F16,2026-01-16T16:00:00+13:00,created', // Monday 19 is open: due then at 10:00
    'T20,2026-01-20T16:00:00+13:00,created', // Wednesday 21 is not open: due Thursday 22 at 10:00
    'F23,2026-01-23T16:00:00+13:00,created', // Monday 26 is open: due then at 10:00
    '',
  ].join('\n'));
  return dir;
}

describe('DATE-TIME RECURRENCE-IDs of an all-day series, through the built CLI', () => {
  it('compile --format md lists the days the occurrences moved to, not the days they moved from', { timeout: 60_000 }, () => {
    const run = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], folder());
    expect(run.stderr).toBe('');
    const listed = run.stdout.split('\n').filter((line) => line.includes('| Monday off')).map((line) => line.split('|').slice(1, 3).map((cell) => cell.trim()).join(': '));
    expect(listed).toEqual(['Monday 5 January 2026: Monday off', 'Tuesday 13 January 2026: Monday off, moved', 'Wednesday 21 January 2026: Monday off, moved']);
  });

  it('check counts the days moved to as holidays, and the days moved from as open', { timeout: 60_000 }, () => {
    const run = runBuiltCli(['check', 'a.sla', 'log.csv', '--format', 'csv', '--as-of', '2026-02-01T00:00:00Z'], folder());
    const due = (ticket: string): string | undefined => run.stdout.split('\n').find((line) => line.startsWith(`${ticket},`))?.split(',')[7];
    expect([due('M12'), due('F16'), due('T20'), due('F23')]).toEqual([
      '2026-01-14T10:00:00+13:00',
      '2026-01-19T10:00:00+13:00',
      '2026-01-22T10:00:00+13:00',
      '2026-01-26T10:00:00+13:00',
    ]);
  });
});
