/**
 * The clock's side of `holidays from`: a rule's occurrences fall only on days
 * the rule names (ical.js moves 02-29 to 03-01 in other years), and each
 * rule is expanded once, so asking year after year up to 2400 (what the
 * clock does on a calendar that stays closed) takes seconds, not hours.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CalendarModel } from '../../../../language/model/model.js';
import { holidaysOfYear } from '../../../../runtime/clock/holidays/index.js';
import { calendar, weekdays } from '../calendars.js';

const fixture = (file: string) => readFileSync(new URL(`../../../language/holidays/fixtures/ical/${file}`, import.meta.url), 'utf8');
const office = (file: string): CalendarModel => ({ ...calendar('Office', 'Europe/Berlin', weekdays('08:00-17:00')), holidayFiles: [{ path: file, ics: fixture(file) }] });
const dates = (model: CalendarModel, year: number) => holidaysOfYear(model, year).map((holiday) => holiday.date);

describe('occurrences fall on the days the rule names', () => {
  it.each([
    // ical.js gives 2026-03-01 and 2027-03-01 for this rule (DTSTART 2026-01-05, which it does not repeat).
    { year: 2026, days: [] },
    { year: 2027, days: [] },
    { year: 2028, days: ['2028-02-29'] },
    { year: 2032, days: ['2032-02-29'] },
  ])('BYMONTH=2;BYMONTHDAY=29 in $year: $days', ({ year, days }) => {
    expect(dates(office('leap-day-from-january.ics'), year)).toEqual(days);
  });
});

describe('a rule that names no day repeats the day of DTSTART (RFC 5545), and only where it exists', () => {
  it.each([
    // FREQ=YEARLY from DTSTART 2024-02-29: the month and day come from DTSTART, so the rule names
    // 29 February only; RFC 5545 ignores the years without it. ical.js gives 2025-03-01, 2026-03-01, 2027-03-01.
    { file: 'leap-day-yearly-from-dtstart.ics', year: 2025, days: [] },
    { file: 'leap-day-yearly-from-dtstart.ics', year: 2027, days: [] },
    { file: 'leap-day-yearly-from-dtstart.ics', year: 2028, days: ['2028-02-29'] },
    // FREQ=MONTHLY from 2026-01-31 names the 31st of each month, and there is none in February, April, June...
    {
      file: 'thirty-first-monthly-from-dtstart.ics',
      year: 2026,
      days: ['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31', '2026-10-31', '2026-12-31'],
    },
  ])('$file in $year: $days', ({ file, year, days }) => {
    expect(dates(office(file), year)).toEqual(days);
  });
});

describe('COUNT counts only the days a rule names (RFC 5545 does not count a day that does not exist)', () => {
  it.each([
    // FREQ=YEARLY;COUNT=3 from 2024-02-29: the three occurrences are 2024-02-29, 2028-02-29 and 2032-02-29.
    // ical.js counts the days it moves (2025-03-01, 2026-03-01), so its three ended in 2026.
    { year: 2027, days: [] },
    { year: 2028, days: ['2028-02-29'] },
    { year: 2032, days: ['2032-02-29'] },
    { year: 2036, days: [] },
  ])('leap-day-yearly-count.ics in $year: $days', ({ year, days }) => {
    expect(dates(office('leap-day-yearly-count.ics'), year)).toEqual(days);
  });
});

describe('a rule is expanded once, however many years are asked', () => {
  it('every Friday from 2026, years 2026 to 2399 in order', { timeout: 30_000 }, () => {
    const model = office('every-friday.ics');
    let fridays = 0;
    for (let year = 2026; year < 2400; year++) fridays += dates(model, year).length;
    expect(fridays).toBeGreaterThan(52 * 370);
    expect(dates(model, 2399)).toContain('2399-12-31');
  });
});
