/**
 * Rules of a holiday file that ical.js expanded wrongly, found against an
 * independent RFC 5545 expansion: a MONTHLY rule with BYMONTH ignored its
 * INTERVAL and, from a DTSTART in a month BYMONTH leaves out, skipped the
 * months of DTSTART's year; a YEARLY rule with BYDAY and a BYMONTHDAY
 * counted from the end gave no day, and the file was refused (SLA3074).
 * slac now expands them itself, period by period (ical-periods.ts), as it
 * does BYSETPOS and BYWEEKNO rules. Each case is one event; the days are the
 * holidays the clock (and so slac check and the document's table) takes.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarModel } from '../../../../language/model/model.js';
import { holidaysOfYear } from '../../../../runtime/clock/holidays/index.js';
import { calendar, weekdays } from '../calendars.js';

function office(start: string, rule: string): CalendarModel {
  const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:rule', 'SUMMARY:Closed', `DTSTART;VALUE=DATE:${start}`, `RRULE:${rule}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  return { ...calendar('Office', 'Europe/Berlin', weekdays('08:00-17:00')), holidayFiles: [{ path: 'rule.ics', ics }] };
}

describe('rules ical.js expanded wrongly give the days RFC 5545 names', () => {
  it.each([
    {
      // Every other month from January, first Mondays, January to June: ical.js gave every month to June.
      start: '20260105', rule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO;BYMONTH=1,2,3,4,5,6', year: 2026,
      days: ['2026-01-05', '2026-03-02', '2026-05-04'],
    },
    {
      // From a DTSTART in a month the rule leaves out: ical.js began in August 2026, without July's Fridays.
      start: '20260102', rule: 'FREQ=MONTHLY;BYDAY=FR;BYMONTH=7,8', year: 2026,
      days: ['2026-07-03', '2026-07-10', '2026-07-17', '2026-07-24', '2026-07-31', '2026-08-07', '2026-08-14', '2026-08-21', '2026-08-28'],
    },
    // The 16th (DTSTART's day) of each May: ical.js began in May 2027.
    { start: '20260116', rule: 'FREQ=MONTHLY;BYMONTH=5', year: 2026, days: ['2026-05-16'] },
    // The last Monday of May, as RFC 5545 spells such days: ical.js gave none, and the file was refused.
    { start: '20260525', rule: 'FREQ=YEARLY;BYMONTH=5;BYDAY=MO;BYMONTHDAY=-1,-2,-3,-4,-5,-6,-7', year: 2027, days: ['2027-05-31'] },
    // Rules ical.js expanded rightly keep their days.
    { start: '20260213', rule: 'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13', year: 2026, days: ['2026-02-13', '2026-03-13', '2026-11-13'] },
    { start: '20260703', rule: 'FREQ=MONTHLY;BYDAY=FR;BYMONTH=7;COUNT=2', year: 2026, days: ['2026-07-03', '2026-07-10'] },
  ])('$rule from $start, in $year: $days', ({ start, rule, year, days }) => {
    expect(holidaysOfYear(office(start, rule), year).map((holiday) => holiday.date)).toEqual(days);
  });
});
