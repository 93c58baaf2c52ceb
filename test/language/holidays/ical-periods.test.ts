/**
 * Rules slac expands itself (BYSETPOS, BYWEEKNO: language/holidays/ical-periods.ts)
 * that give no day are read to the clock's last year, period by period:
 * FREQ=DAILY has 137,000 periods to 2400, and each was reached by stepping
 * an ical.js time from DTSTART with `Time.adjust` (which walks month by
 * month): 16-21 s to refuse the file. Periods are now counted in day
 * numbers. Counted, not timed: ical.js's `adjust` is not called for them.
 */
import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readIcalFile } from '../../../language/holidays/ical-reading.js';

const file = (rule: string): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:1', 'SUMMARY:Never', 'DTSTART;VALUE=DATE:20260601', `RRULE:${rule}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a BYSETPOS or BYWEEKNO rule that gives no day', () => {
  it.each(['FREQ=DAILY;BYSETPOS=2;BYDAY=MO', 'FREQ=WEEKLY;BYSETPOS=5;BYDAY=MO', 'FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6'])('%s is SLA3074, its periods reached without stepping ical.js times', (rule) => {
    const adjusted = vi.spyOn(ICAL.Time.prototype, 'adjust');
    expect(readIcalFile(file(rule), 'Europe/Berlin').problems.map((problem) => problem.code)).toEqual(['SLA3074']);
    expect(adjusted.mock.calls.length).toBeLessThan(100);
  });
});
