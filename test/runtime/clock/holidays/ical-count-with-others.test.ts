/**
 * COUNT where an event has more than its one rule: several RRULEs, RDATEs or
 * EXDATEs. RFC 5545 counts each rule's own occurrences (DTSTART first), on
 * days that exist only; RDATEs add days and EXDATEs remove them after. slac
 * dropped the days ical.js moves (a yearly 29 February to 1 March), but
 * left ical.js's COUNT, which had counted them, so the series ended early
 * whenever the event had an RDATE, an EXDATE or a second rule.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarModel } from '../../../../language/model/model.js';
import { holidaysOfYear } from '../../../../runtime/clock/holidays/index.js';
import { calendar, weekdays } from '../calendars.js';

const ics = (...lines: string[]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:1', 'SUMMARY:Day', ...lines, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

function listed(text: string, from: number, to: number): string[] {
  const model: CalendarModel = { ...calendar('Office', 'Europe/Berlin', weekdays('08:00-17:00')), holidayFiles: [{ path: 'days.ics', ics: text }] };
  const years = Array.from({ length: to - from + 1 }, (_, index) => from + index);
  return years.flatMap((year) => holidaysOfYear(model, year).map((holiday) => holiday.date));
}

describe('COUNT counts the days of its own rule that exist, beside RDATE, EXDATE and other rules', () => {
  it.each([
    {
      why: 'a yearly 29 February, COUNT=3, with an EXDATE of its second',
      lines: ['DTSTART;VALUE=DATE:20240229', 'RRULE:FREQ=YEARLY;COUNT=3', 'EXDATE;VALUE=DATE:20280229'],
      days: ['2024-02-29', '2032-02-29'],
    },
    {
      why: 'a yearly 29 February, COUNT=3, with an RDATE',
      lines: ['DTSTART;VALUE=DATE:20240229', 'RRULE:FREQ=YEARLY;COUNT=3', 'RDATE;VALUE=DATE:20300101'],
      days: ['2024-02-29', '2028-02-29', '2030-01-01', '2032-02-29'],
    },
    {
      why: 'the 31st monthly, COUNT=3, and yearly, COUNT=2: two rules',
      lines: ['DTSTART;VALUE=DATE:20240131', 'RRULE:FREQ=MONTHLY;COUNT=3', 'RRULE:FREQ=YEARLY;COUNT=2'],
      days: ['2024-01-31', '2024-03-31', '2024-05-31', '2025-01-31'],
    },
    // Controls, as ical.js already gave them: no day is moved.
    { why: 'weekly COUNT=3 with an EXDATE', lines: ['DTSTART;VALUE=DATE:20260105', 'RRULE:FREQ=WEEKLY;COUNT=3', 'EXDATE;VALUE=DATE:20260112'], days: ['2026-01-05', '2026-01-19'] },
    { why: 'weekly COUNT=2 with an RDATE', lines: ['DTSTART;VALUE=DATE:20260105', 'RRULE:FREQ=WEEKLY;COUNT=2', 'RDATE;VALUE=DATE:20260106'], days: ['2026-01-05', '2026-01-06', '2026-01-12'] },
    { why: 'two weekly rules giving one day twice', lines: ['DTSTART;VALUE=DATE:20260105', 'RRULE:FREQ=WEEKLY;COUNT=3', 'RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=2'], days: ['2026-01-05', '2026-01-12', '2026-01-19'] },
  ])('$why', ({ lines, days }) => {
    expect(listed(ics(...lines), 2024, 2036)).toEqual(days);
  });
});
