/**
 * `holidays from "company-days.ics"` (fixtures/company-days.ics): a yearly
 * all-day event with an EXDATE (2027) and a moved occurrence (2028), a
 * three-day event, one across the new year, a timed event and a cancelled
 * one (both ignored).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holidaysOfYear } from '../../../../runtime/clock/holidays/index.js';
import type { CalendarModel } from '../../../../language/model/model.js';
import { compileCalendar, openMillisBetween } from '../../../../runtime/clock/index.js';
import { calendar, weekdays } from '../calendars.js';
import { MINUTE, at } from '../helpers.js';

const ics = readFileSync(new URL('./fixtures/company-days.ics', import.meta.url), 'utf8');
const office: CalendarModel = { ...calendar('Office', 'Europe/Berlin', weekdays('08:00-17:00')), holidayFiles: [{ path: 'company-days.ics', ics }] };

const listed = (model: CalendarModel, year: number) => holidaysOfYear(model, year).map((holiday) => `${holiday.date} ${holiday.name} (${holiday.source})`);

describe('an iCalendar file of company days', () => {
  it.each([
    { year: 2025, days: ["2025-03-12 Founders' Day (file)"] },
    {
      year: 2026,
      days: [
        "2026-03-12 Founders' Day (file)",
        '2026-08-03 Summer break (file)',
        '2026-08-04 Summer break (file)',
        '2026-08-05 Summer break (file)',
        '2026-12-31 Year-end closure (file)',
      ],
    },
    // EXDATE: no Founders' Day in 2027; the year-end closure reaches into 01-01 (DTEND 01-02 is exclusive).
    { year: 2027, days: ['2027-01-01 Year-end closure (file)'] },
    // RECURRENCE-ID: the 2028 occurrence moved to 03-13.
    { year: 2028, days: ["2028-03-13 Founders' Day (moved) (file)"] },
    { year: 2040, days: ["2040-03-12 Founders' Day (file)"] },
  ])('$year: $days', ({ year, days }) => {
    expect(listed(office, year)).toEqual(days);
  });

  it('the clock closes on them: Mon 2026-08-03 to Thu 08-06 08:00 counts nothing; the timed offsite (Wed 06-10) leaves its day open', () => {
    const compiled = compileCalendar(office);
    expect(openMillisBetween(compiled, at('2026-08-03T00:00+02:00'), at('2026-08-06T08:00+02:00'))).toBe(0);
    expect(openMillisBetween(compiled, at('2026-06-10T00:00+02:00'), at('2026-06-12T00:00+02:00'))).toBe(2 * 540 * MINUTE);
  });

  it('a date in both a country set and a file is listed once, from the country set', () => {
    const both: CalendarModel = { ...office, holidaySets: ['DE-BE'] };
    expect(listed(both, 2027).slice(0, 1)).toEqual(["2027-01-01 New Year's Day (country)"]);
  });
});
