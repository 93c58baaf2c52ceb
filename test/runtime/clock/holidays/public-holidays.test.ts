/**
 * The public holidays of DE-BE, GB-ENG, US and ES-MD for 2026-2030, pinned:
 * what a calendar with `holidays "CODE"` closes on (one line a date). Each
 * list was checked against the official calendars; where the data set
 * differs from them (US Veterans Day observed in 2028 and 2029; Madrid's
 * yearly decrees beyond 2026; a Sunday kept beside its Monday substitute),
 * slac follows the data set: docs/check-semantics.md, "Holidays", says why.
 * A new date-holidays release that changes any line fails this test, so the
 * change is seen and decided, not absorbed.
 */
import { describe, expect, it } from 'vitest';
import { holidaysOfYear, publicHolidaysOfCode } from '../../../../runtime/clock/holidays/index.js';
import { calendar, weekdays } from '../calendars.js';

const PINNED: Record<string, string> = {
  'DE-BE': `
    2026-01-01 New Year's Day
    2026-03-08 International Women's Day
    2026-04-03 Good Friday
    2026-04-06 Easter Monday
    2026-05-01 Labour Day
    2026-05-14 Ascension Day
    2026-05-25 Whit Monday
    2026-10-03 National Holiday
    2026-12-25 Christmas Day
    2026-12-26 Boxing Day
    2027-01-01 New Year's Day
    2027-03-08 International Women's Day
    2027-03-26 Good Friday
    2027-03-29 Easter Monday
    2027-05-01 Labour Day
    2027-05-06 Ascension Day
    2027-05-17 Whit Monday
    2027-10-03 National Holiday
    2027-12-25 Christmas Day
    2027-12-26 Boxing Day
    2028-01-01 New Year's Day
    2028-03-08 International Women's Day
    2028-04-14 Good Friday
    2028-04-17 Easter Monday
    2028-05-01 Labour Day
    2028-05-25 Ascension Day
    2028-06-05 Whit Monday
    2028-06-17 75th anniversary of the GDR uprising
    2028-10-03 National Holiday
    2028-12-25 Christmas Day
    2028-12-26 Boxing Day
    2029-01-01 New Year's Day
    2029-03-08 International Women's Day
    2029-03-30 Good Friday
    2029-04-02 Easter Monday
    2029-05-01 Labour Day
    2029-05-10 Ascension Day
    2029-05-21 Whit Monday
    2029-10-03 National Holiday
    2029-12-25 Christmas Day
    2029-12-26 Boxing Day
    2030-01-01 New Year's Day
    2030-03-08 International Women's Day
    2030-04-19 Good Friday
    2030-04-22 Easter Monday
    2030-05-01 Labour Day
    2030-05-30 Ascension Day
    2030-06-10 Whit Monday
    2030-10-03 National Holiday
    2030-12-25 Christmas Day
    2030-12-26 Boxing Day
  `,
  'GB-ENG': `
    2026-01-01 New Year's Day
    2026-04-03 Good Friday
    2026-04-06 Easter Monday
    2026-05-04 Early May bank holiday
    2026-05-25 Spring bank holiday
    2026-08-31 Summer bank holiday
    2026-12-25 Christmas Day
    2026-12-26 Boxing Day
    2026-12-28 Boxing Day (substitute day)
    2027-01-01 New Year's Day
    2027-03-26 Good Friday
    2027-03-29 Easter Monday
    2027-05-03 Early May bank holiday
    2027-05-31 Spring bank holiday
    2027-08-30 Summer bank holiday
    2027-12-25 Christmas Day
    2027-12-26 Boxing Day
    2027-12-27 Christmas Day (substitute day)
    2027-12-28 Boxing Day (substitute day)
    2028-01-01 New Year's Day
    2028-01-03 New Year's Day (substitute day)
    2028-04-14 Good Friday
    2028-04-17 Easter Monday
    2028-05-01 Early May bank holiday
    2028-05-29 Spring bank holiday
    2028-08-28 Summer bank holiday
    2028-12-25 Christmas Day
    2028-12-26 Boxing Day
    2029-01-01 New Year's Day
    2029-03-30 Good Friday
    2029-04-02 Easter Monday
    2029-05-07 Early May bank holiday
    2029-05-28 Spring bank holiday
    2029-08-27 Summer bank holiday
    2029-12-25 Christmas Day
    2029-12-26 Boxing Day
    2030-01-01 New Year's Day
    2030-04-19 Good Friday
    2030-04-22 Easter Monday
    2030-05-06 Early May bank holiday
    2030-05-27 Spring bank holiday
    2030-08-26 Summer bank holiday
    2030-12-25 Christmas Day
    2030-12-26 Boxing Day
  `,
  'US': `
    2026-01-01 New Year's Day
    2026-01-19 Martin Luther King Jr. Day
    2026-02-16 Washington's Birthday
    2026-05-25 Memorial Day
    2026-06-19 Juneteenth
    2026-07-03 Independence Day (substitute day)
    2026-07-04 Independence Day
    2026-09-07 Labor Day
    2026-10-12 Columbus Day
    2026-11-11 Veterans Day
    2026-11-26 Thanksgiving Day
    2026-12-25 Christmas Day
    2027-01-01 New Year's Day
    2027-01-18 Martin Luther King Jr. Day
    2027-02-15 Washington's Birthday
    2027-05-31 Memorial Day
    2027-06-18 Juneteenth (substitute day)
    2027-06-19 Juneteenth
    2027-07-04 Independence Day
    2027-07-05 Independence Day (substitute day)
    2027-09-06 Labor Day
    2027-10-11 Columbus Day
    2027-11-11 Veterans Day
    2027-11-25 Thanksgiving Day
    2027-12-24 Christmas Day (substitute day)
    2027-12-25 Christmas Day
    2027-12-31 New Year's Day (substitute day)
    2028-01-01 New Year's Day
    2028-01-17 Martin Luther King Jr. Day
    2028-02-21 Washington's Birthday
    2028-05-29 Memorial Day
    2028-06-19 Juneteenth
    2028-07-04 Independence Day
    2028-09-04 Labor Day
    2028-10-09 Columbus Day
    2028-11-11 Veterans Day
    2028-11-23 Thanksgiving Day
    2028-12-25 Christmas Day
    2029-01-01 New Year's Day
    2029-01-15 Martin Luther King Jr. Day
    2029-02-19 Washington's Birthday
    2029-05-28 Memorial Day
    2029-06-19 Juneteenth
    2029-07-04 Independence Day
    2029-09-03 Labor Day
    2029-10-08 Columbus Day
    2029-11-11 Veterans Day
    2029-11-22 Thanksgiving Day
    2029-12-25 Christmas Day
    2030-01-01 New Year's Day
    2030-01-21 Martin Luther King Jr. Day
    2030-02-18 Washington's Birthday
    2030-05-27 Memorial Day
    2030-06-19 Juneteenth
    2030-07-04 Independence Day
    2030-09-02 Labor Day
    2030-10-14 Columbus Day
    2030-11-11 Veterans Day
    2030-11-28 Thanksgiving Day
    2030-12-25 Christmas Day
  `,
  'ES-MD': `
    2026-01-01 New Year's Day
    2026-01-06 Epiphany
    2026-04-02 Maundy Thursday
    2026-04-03 Good Friday
    2026-05-01 Labour Day
    2026-05-02 Día de la Comunidad de Madrid
    2026-08-15 Assumption
    2026-10-12 Fiesta Nacional de España
    2026-11-01 All Saints' Day
    2026-11-02 All Saints' Day (substitute day)
    2026-12-06 Día de la Constitución Española
    2026-12-07 Día de la Constitución Española (substitute day)
    2026-12-08 Immaculate Conception
    2026-12-25 Christmas Day
    2027-01-01 New Year's Day
    2027-01-06 Epiphany
    2027-03-25 Maundy Thursday
    2027-03-26 Good Friday
    2027-05-01 Labour Day
    2027-05-03 Día de la Comunidad de Madrid
    2027-08-15 Assumption
    2027-10-12 Fiesta Nacional de España
    2027-11-01 All Saints' Day
    2027-12-06 Día de la Constitución Española
    2027-12-08 Immaculate Conception
    2027-12-25 Christmas Day
    2028-01-01 New Year's Day
    2028-01-06 Epiphany
    2028-04-13 Maundy Thursday
    2028-04-14 Good Friday
    2028-05-01 Labour Day
    2028-05-02 Día de la Comunidad de Madrid
    2028-08-15 Assumption
    2028-10-12 Fiesta Nacional de España
    2028-11-01 All Saints' Day
    2028-12-06 Día de la Constitución Española
    2028-12-08 Immaculate Conception
    2028-12-25 Christmas Day
    2029-01-01 New Year's Day
    2029-01-06 Epiphany
    2029-03-29 Maundy Thursday
    2029-03-30 Good Friday
    2029-05-01 Labour Day
    2029-05-02 Día de la Comunidad de Madrid
    2029-08-15 Assumption
    2029-10-12 Fiesta Nacional de España
    2029-11-01 All Saints' Day
    2029-12-06 Día de la Constitución Española
    2029-12-08 Immaculate Conception
    2029-12-25 Christmas Day
    2030-01-01 New Year's Day
    2030-01-06 Epiphany
    2030-04-18 Maundy Thursday
    2030-04-19 Good Friday
    2030-05-01 Labour Day
    2030-05-02 Día de la Comunidad de Madrid
    2030-08-15 Assumption
    2030-10-12 Fiesta Nacional de España
    2030-11-01 All Saints' Day
    2030-12-06 Día de la Constitución Española
    2030-12-08 Immaculate Conception
    2030-12-25 Christmas Day
  `,
};

function pinned(code: string, year: number): string[] {
  return PINNED[code]!.trim().split('\n').map((line) => line.trim()).filter((line) => line.startsWith(`${year}-`));
}

const CASES = Object.keys(PINNED).flatMap((code) => [2026, 2027, 2028, 2029, 2030].map((year) => ({ code, year })));

describe('pinned public holidays, 2026-2030', () => {
  it.each(CASES)('$code $year', ({ code, year }) => {
    const model = { ...calendar('Pinned', 'UTC', weekdays('08:00-17:00')), holidaySets: [code] };
    const listed = holidaysOfYear(model, year).map((holiday) => `${holiday.date} ${holiday.name}`);
    expect(listed).toEqual(pinned(code, year));
    expect(holidaysOfYear(model, year).every((holiday) => holiday.source === 'country' && holiday.from === code)).toBe(true);
  });

  it('substitute days are marked as the data set marks them', () => {
    expect(publicHolidaysOfCode('GB-ENG', 2026).filter((holiday) => holiday.substitute).map((holiday) => holiday.date)).toEqual(['2026-12-28']);
    expect(publicHolidaysOfCode('US', 2027).filter((holiday) => holiday.substitute).map((holiday) => holiday.date)).toEqual([
      '2027-06-18',
      '2027-07-05',
      '2027-12-24',
      '2027-12-31',
    ]);
  });

  it('public only: no bank, school, optional or observance days (DE-BE has no Christmas Eve or Reformation Day)', () => {
    const dates = publicHolidaysOfCode('DE-BE', 2026).map((holiday) => holiday.date);
    expect(dates).not.toContain('2026-12-24');
    expect(dates).not.toContain('2026-10-31');
    expect(publicHolidaysOfCode('XX', 2026)).toEqual([]);
  });

  // The data set's English is British; a country's own English comes first,
  // so an American calendar reads "Labor Day" and a Canadian one "Labour Day",
  // and a country with a language of its own still gets the English names.
  it.each([
    ['US', '2026-09-07', 'Labor Day'],
    ['GU', '2026-09-07', 'Labor Day'],
    ['AS', '2026-09-07', 'Labor Day'],
    ['PR', '2026-09-07', 'Labor Day'],
    ['VI', '2026-09-07', 'Labor Day'],
    ['US-CA', '2026-09-07', 'Labor Day'],
    ['CA', '2026-09-07', 'Labour Day'],
    ['NZ', '2026-10-26', 'Labour Day'],
    ['AU-VIC', '2026-03-09', 'Labour Day'],
    ['GB-ENG', '2026-12-28', 'Boxing Day (substitute day)'],
    ['IE', '2026-03-17', 'St. Patrick’s Day'],
    ['DE', '2026-05-01', 'Labour Day'],
    ['FR', '2026-07-14', 'Bastille Day'],
    ['JP', '2026-01-01', "New Year's Day"],
  ])('%s names %s %s', (code, date, name) => {
    expect(publicHolidaysOfCode(code, 2026).find((holiday) => holiday.date === date)?.name).toBe(name);
  });
});
