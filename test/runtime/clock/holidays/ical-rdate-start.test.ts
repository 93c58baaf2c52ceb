/**
 * An all-day event with RDATEs and no RRULE: RFC 5545 (3.8.5.2) makes the
 * recurrence set DTSTART and the RDATE days, less the EXDATE days. ical.js
 * expands only the RDATEs then, so a "Company day" file event on Fri 9
 * January with an extra day on 2 February closed 2 February only. Each row
 * is worked out by hand in its comment.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarModel } from '../../../../language/model/model.js';
import { holidaysOfYear } from '../../../../runtime/clock/holidays/index.js';
import { calendar, weekdays } from '../calendars.js';

function ics(...eventLines: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:1', 'SUMMARY:Company day', ...eventLines, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
}

function listed(text: string, year: number): string[] {
  const model: CalendarModel = { ...calendar('Office', 'Europe/Berlin', weekdays('08:00-17:00')), holidayFiles: [{ path: 'days.ics', ics: text }] };
  return holidaysOfYear(model, year).map((holiday) => `${holiday.date} ${holiday.name}`);
}

describe('DTSTART is the first day of an event with RDATEs and no RRULE', () => {
  it.each([
    // DTSTART and the one RDATE.
    { why: 'one RDATE after DTSTART', lines: ['DTSTART;VALUE=DATE:20260109', 'RDATE;VALUE=DATE:20260202'], days: ['2026-01-09 Company day', '2026-02-02 Company day'] },
    // An RDATE before DTSTART comes first; DTSTART still counts.
    { why: 'an RDATE before DTSTART', lines: ['DTSTART;VALUE=DATE:20260109', 'RDATE;VALUE=DATE:20260105'], days: ['2026-01-05 Company day', '2026-01-09 Company day'] },
    // An RDATE naming DTSTART's own day: one day, once.
    { why: 'an RDATE on DTSTART', lines: ['DTSTART;VALUE=DATE:20260109', 'RDATE;VALUE=DATE:20260109,20260202'], days: ['2026-01-09 Company day', '2026-02-02 Company day'] },
    // EXDATE may remove DTSTART itself.
    { why: 'EXDATE on DTSTART', lines: ['DTSTART;VALUE=DATE:20260109', 'RDATE;VALUE=DATE:20260202', 'EXDATE;VALUE=DATE:20260109'], days: ['2026-02-02 Company day'] },
    // Each occurrence lasts as the event does: two days (DTEND exclusive).
    { why: 'two-day event', lines: ['DTSTART;VALUE=DATE:20260109', 'DTEND;VALUE=DATE:20260111', 'RDATE;VALUE=DATE:20260202'], days: ['2026-01-09 Company day', '2026-01-10 Company day', '2026-02-02 Company day', '2026-02-03 Company day'] },
    // DTSTART's occurrence moved (RECURRENCE-ID 01-09) to Thu 8.
    {
      why: 'DTSTART moved',
      lines: ['DTSTART;VALUE=DATE:20260109', 'RDATE;VALUE=DATE:20260202', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:1', 'SUMMARY:Moved', 'RECURRENCE-ID;VALUE=DATE:20260109', 'DTSTART;VALUE=DATE:20260108'],
      days: ['2026-01-08 Moved', '2026-02-02 Company day'],
    },
    // With an RRULE, ical.js gives DTSTART already (unchanged): 9, 16 and the RDATE.
    { why: 'RRULE and RDATE', lines: ['DTSTART;VALUE=DATE:20260109', 'RRULE:FREQ=WEEKLY;COUNT=2', 'RDATE;VALUE=DATE:20260202'], days: ['2026-01-09 Company day', '2026-01-16 Company day', '2026-02-02 Company day'] },
  ])('$why', ({ lines, days }) => {
    expect(listed(ics(...lines), 2026)).toEqual(days);
  });
});
