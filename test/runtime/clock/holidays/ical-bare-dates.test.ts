/**
 * A date written without VALUE=DATE (`DTSTART:20260116`, as some exporters
 * write all-day events) is an all-day date: the reader takes eight digits
 * as one (`isAllDayStart`), and ical.js, which reads them as a DATE-TIME,
 * threw "invalid date-time value" from the clock, the compiler and the
 * checker alike (slac's "internal error"), or an EXDATE made the event
 * "never occur" (SLA3074). Each row is worked out by hand in its comment.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarModel } from '../../../../language/model/model.js';
import { readIcalFile } from '../../../../language/holidays/ical-reading.js';
import { holidaysOfYear } from '../../../../runtime/clock/holidays/index.js';
import { calendar, weekdays } from '../calendars.js';

function ics(...eventLines: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:1', 'SUMMARY:Closed', ...eventLines, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
}

function listed(text: string, year: number): string[] {
  const model: CalendarModel = { ...calendar('Office', 'Europe/Berlin', weekdays('08:00-17:00')), holidayFiles: [{ path: 'days.ics', ics: text }] };
  return holidaysOfYear(model, year).map((holiday) => holiday.date);
}

describe('bare YYYYMMDD dates in a holiday file are all-day dates', () => {
  it.each([
    // One day: DTEND absent.
    { why: 'DTSTART alone', lines: ['DTSTART:20260116'], days: ['2026-01-16'] },
    // Fri 16 to Mon 19: DTEND 20 is exclusive.
    { why: 'DTSTART and DTEND', lines: ['DTSTART:20260116', 'DTEND:20260120'], days: ['2026-01-16', '2026-01-17', '2026-01-18', '2026-01-19'] },
    // Weekly from Fri 9, three times (9, 16, 23), 16 excluded.
    { why: 'EXDATE', lines: ['DTSTART;VALUE=DATE:20260109', 'RRULE:FREQ=WEEKLY;COUNT=3', 'EXDATE:20260116'], days: ['2026-01-09', '2026-01-23'] },
    // Two EXDATEs on one line: only 9 is left.
    { why: 'EXDATE list', lines: ['DTSTART:20260109', 'RRULE:FREQ=WEEKLY;COUNT=3', 'EXDATE:20260116,20260123'], days: ['2026-01-09'] },
    // An extra date beside the rule (which gives Fri 9 once).
    { why: 'RDATE', lines: ['DTSTART:20260109', 'RRULE:FREQ=WEEKLY;COUNT=1', 'RDATE:20260202'], days: ['2026-01-09', '2026-02-02'] },
    // A moved occurrence named by a bare RECURRENCE-ID: Fri 16 moved to Thu 15.
    { why: 'RECURRENCE-ID', lines: ['DTSTART:20260109', 'RRULE:FREQ=WEEKLY;COUNT=2', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:1', 'SUMMARY:Moved', 'RECURRENCE-ID:20260116', 'DTSTART:20260115'], days: ['2026-01-09', '2026-01-15'] },
  ])('$why', ({ lines, days }) => {
    const text = ics(...lines);
    expect(readIcalFile(text, 'Europe/Berlin').problems).toEqual([]);
    expect(listed(text, 2026)).toEqual(days);
  });
});
