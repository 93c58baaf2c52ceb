/**
 * An all-day (DATE) event whose RDATEs are DATE-TIMEs: each gave no holiday
 * at all, silently (the occurrence was not a date, and the clock keeps
 * all-day occurrences only). As for UNTIL and EXDATE (commit 8811c8b), an
 * RDATE now names a day: a UTC time the day of the calendar's zone it falls
 * on, a time with TZID or none (floating) the day written; a PERIOD by its
 * start. Through compile (the document's holiday table) and check alike.
 */
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

// Auckland is UTC+13 in January: 11:00Z is the next day's midnight there.
const ICS = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:extra', 'SUMMARY:Extra day',
  'DTSTART;VALUE=DATE:20260105',
  'RDATE:20260108T110000Z', // Friday 9 January in Auckland
  'RDATE;TZID=America/Los_Angeles:20260113T230000', // Tuesday 13 as written (the 14th in Auckland)
  'RDATE:20260115T100000', // floating: Thursday 15
  'RDATE;VALUE=PERIOD:20260119T110000Z/P1D', // Tuesday 20 in Auckland
  'RDATE:20260121T110000Z,20260122T110000Z', // Thursday 22 and Friday 23
  'END:VEVENT', 'END:VCALENDAR', '',
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
  const dir = freshFolder('rdate-times');
  write(dir, 'east.ics', ICS);
  write(dir, 'a.sla', SLA);
  // Thursday 8 January, 16:00: one hour that day; Friday 9 is a holiday, so the second hour is Monday 09:00-10:00.
  write(dir, 'log.csv', 'ticket,time,event\nE1,2026-01-08T16:00:00+13:00,created\n');
  return dir;
}

describe('DATE-TIME RDATEs of an all-day event, through the built CLI', () => {
  it('compile --format md lists the day each RDATE names', { timeout: 60_000 }, () => {
    const run = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], folder());
    expect(run.stderr).toBe('');
    const listed = run.stdout.split('\n').filter((line) => line.includes('| Extra day |')).map((line) => line.split('|')[1]!.trim());
    expect(listed).toEqual([
      'Monday 5 January 2026', 'Friday 9 January 2026', 'Tuesday 13 January 2026', 'Thursday 15 January 2026',
      'Tuesday 20 January 2026', 'Thursday 22 January 2026', 'Friday 23 January 2026',
    ]);
  });

  it('check counts the RDATE day as a holiday', { timeout: 60_000 }, () => {
    const run = runBuiltCli(['check', 'a.sla', 'log.csv', '--format', 'csv', '--as-of', '2026-02-01T00:00:00Z'], folder());
    expect(run.stdout.split('\n').find((line) => line.startsWith('E1,'))?.split(',')[7]).toBe('2026-01-12T10:00:00+13:00');
  });
});
