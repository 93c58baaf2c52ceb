/**
 * Rules slac expands itself (BYSETPOS, BYWEEKNO: language/holidays/ical-periods.ts)
 * that give no day are read to the clock's last year, period by period:
 * FREQ=DAILY has 137,000 periods to 2400, and stepping ical.js times to
 * each took 20 s. Each such file is SLA3074 well within the default test
 * timeout.
 */
import { describe, expect, it } from 'vitest';
import { readIcalFile } from '../../../language/holidays/ical-reading.js';

const file = (rule: string): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:1', 'SUMMARY:Never', 'DTSTART;VALUE=DATE:20260601', `RRULE:${rule}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

describe('a BYSETPOS or BYWEEKNO rule that gives no day', () => {
  it.each(['FREQ=DAILY;BYSETPOS=2;BYDAY=MO', 'FREQ=WEEKLY;BYSETPOS=5;BYDAY=MO', 'FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6'])('%s is SLA3074, read in under 3 s (0.5 s here; 16 s before)', (rule) => {
    const started = Date.now();
    expect(readIcalFile(file(rule), 'Europe/Berlin').problems.map((problem) => problem.code)).toEqual(['SLA3074']);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
