/**
 * One occurrence of a recurring all-day event cancelled by an override
 * (RECURRENCE-ID with STATUS:CANCELLED, as calendar servers write a deleted
 * instance): RFC 5545 cancels that instance, and slac ignores cancelled
 * events. The override was taken as the occurrence itself, so the cancelled
 * day stayed closed. Each row is worked out by hand in its comment.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarModel } from '../../../../language/model/model.js';
import { holidaysOfYear } from '../../../../runtime/clock/holidays/index.js';
import { calendar, weekdays } from '../calendars.js';

/** A weekly all-day series on Fridays from 9 January 2026, three times (9, 16, 23), and one override of it. */
function weeklyWith(...overrideLines: string[]): string {
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN',
    'BEGIN:VEVENT', 'UID:fri', 'SUMMARY:Friday off', 'DTSTART;VALUE=DATE:20260109', 'RRULE:FREQ=WEEKLY;COUNT=3', 'END:VEVENT',
    'BEGIN:VEVENT', 'UID:fri', 'SUMMARY:Friday off', ...overrideLines, 'END:VEVENT',
    'END:VCALENDAR', '',
  ].join('\r\n');
}

function listed(text: string, year: number): string[] {
  const model: CalendarModel = { ...calendar('Office', 'Europe/Berlin', weekdays('08:00-17:00')), holidayFiles: [{ path: 'days.ics', ics: text }] };
  return holidaysOfYear(model, year).map((holiday) => holiday.date);
}

describe('a cancelled occurrence of a recurring holiday is no holiday', () => {
  it.each([
    // Friday 16 cancelled: 9 and 23 are left.
    { why: 'STATUS:CANCELLED', lines: ['RECURRENCE-ID;VALUE=DATE:20260116', 'DTSTART;VALUE=DATE:20260116', 'STATUS:CANCELLED'], days: ['2026-01-09', '2026-01-23'] },
    // Property values are compared in any case, as for a cancelled event.
    { why: 'status:cancelled in lower case', lines: ['RECURRENCE-ID;VALUE=DATE:20260116', 'DTSTART;VALUE=DATE:20260116', 'STATUS:cancelled'], days: ['2026-01-09', '2026-01-23'] },
    // Cancelled after being moved to Thursday 15: neither 15 nor 16 closes.
    { why: 'moved and cancelled', lines: ['RECURRENCE-ID;VALUE=DATE:20260116', 'DTSTART;VALUE=DATE:20260115', 'STATUS:CANCELLED'], days: ['2026-01-09', '2026-01-23'] },
    // A confirmed override is the occurrence, moved to Thursday 15.
    { why: 'STATUS:CONFIRMED (kept)', lines: ['RECURRENCE-ID;VALUE=DATE:20260116', 'DTSTART;VALUE=DATE:20260115', 'STATUS:CONFIRMED'], days: ['2026-01-09', '2026-01-15', '2026-01-23'] },
  ])('$why', ({ lines, days }) => {
    expect(listed(weeklyWith(...lines), 2026)).toEqual(days);
  });
});
