/**
 * Holidays in the clock (LANGUAGE.md and SEMANTICS.md, 1.1): the worked
 * example, precedence, annual short days, 02-29 and partial or multi-day
 * country entries, as open minutes of a local day. Every expectation is
 * worked out by hand in the row's comment.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarModel } from '../../../../language/model/model.js';
import { compileCalendar, instantAfterOpenMillis, openMillisBetween, formatInstant } from '../../../../runtime/clock/index.js';
import { calendar, everyDay, range, weekdays } from '../calendars.js';
import { MINUTE, at } from '../helpers.js';

const BERLIN = 'Europe/Berlin';

function withHolidays(model: CalendarModel, extra: Partial<CalendarModel>): CalendarModel {
  return { ...model, ...extra };
}

/** Open minutes of one local date of the calendar's zone. */
function openMinutesOn(model: CalendarModel, date: string): number {
  const compiled = compileCalendar(model);
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
  return openMillisBetween(compiled, at(`${date}T00:00`, model.timezone), at(`${next}T00:00`, model.timezone)) / MINUTE;
}

const office = calendar('Office', BERLIN, weekdays('08:00-17:00'));
const officeDE = withHolidays(office, { holidaySets: ['DE-BE'] });

describe('SEMANTICS.md 1.1 worked example: holidays "DE-BE"', () => {
  it('Thu 2026-04-02 16:00 to Tue 2026-04-07 09:00 (+02:00) is 120 minutes', () => {
    // Thu 16:00-17:00 (60), Good Friday and Easter Monday closed, weekend closed, Tue 08:00-09:00 (60).
    const compiled = compileCalendar(officeDE);
    expect(openMillisBetween(compiled, at('2026-04-02T16:00+02:00'), at('2026-04-07T09:00+02:00'))).toBe(120 * MINUTE);
    // Without the set, Fri and Mon add 540 minutes each.
    expect(openMillisBetween(compileCalendar(office), at('2026-04-02T16:00+02:00'), at('2026-04-07T09:00+02:00'))).toBe((120 + 2 * 540) * MINUTE);
  });

  it('the holidays do not run out: Good Friday 2030 (04-19) and 2100 (03-26, Easter being 03-28) are closed', () => {
    expect(openMinutesOn(officeDE, '2030-04-19')).toBe(0);
    expect(openMinutesOn(officeDE, '2030-04-18')).toBe(540);
    expect(openMinutesOn(officeDE, '2100-03-26')).toBe(0);
  });
});


const layered = withHolidays(office, {
  holidaySets: ['DE-BE'],
  holidayFiles: [],
  annualHolidays: [
    { monthDay: '05-01', name: 'May Day short', hours: [range('10:00-12:00')] },
    { monthDay: '12-24', name: 'Christmas Eve', hours: [range('08:00-12:00')] },
    { monthDay: '12-31', name: "New Year's Eve" },
  ],
  holidays: [
    { date: '2026-05-01', name: 'Open on May Day', hours: [range('09:00-13:00')] },
    { date: '2026-12-31', name: 'Inventory', hours: [range('08:00-10:00')] },
    { date: '2027-06-04', name: 'Company day' },
  ],
});

const PRECEDENCE = [
  // Public holiday of the set alone: closed.
  { model: officeDE, date: '2026-05-01', minutes: 0, why: 'Labour Day (DE-BE), a Friday' },
  // The set closes, an annual short day reopens 10:00-12:00.
  { model: withHolidays(officeDE, { annualHolidays: [{ monthDay: '05-01', name: 'Short', hours: [range('10:00-12:00')] }] }), date: '2026-05-01', minutes: 120, why: 'annual beats set' },
  // The dated line beats the annual line and the set: 09:00-13:00.
  { model: layered, date: '2026-05-01', minutes: 240, why: 'dated beats annual and set' },
  // A dated line with hours opens a public holiday as a short day.
  { model: withHolidays(officeDE, { holidays: [{ date: '2026-05-01', name: 'Open', hours: [range('09:00-13:00')] }] }), date: '2026-05-01', minutes: 240, why: 'dated opens a public holiday' },
  // In 2027 only the annual line and the set speak: 05-01 is a Saturday, the short day replaces its (no) hours.
  { model: layered, date: '2027-05-01', minutes: 120, why: 'annual short day on a Saturday' },
  // Annual short days every year, on any weekday: Thu 2026, Fri 2027, Sun 2028.
  { model: layered, date: '2026-12-24', minutes: 240, why: 'Christmas Eve 2026, Thu' },
  { model: layered, date: '2027-12-24', minutes: 240, why: 'Christmas Eve 2027, Fri' },
  { model: layered, date: '2028-12-24', minutes: 240, why: 'Christmas Eve 2028, Sun' },
  // Annual closed day, and the dated short day that wins over it in 2026.
  { model: layered, date: '2027-12-31', minutes: 0, why: "New Year's Eve 2027, Fri" },
  { model: layered, date: '2026-12-31', minutes: 120, why: 'dated 08:00-10:00 over annual closed' },
  { model: layered, date: '2027-06-04', minutes: 0, why: 'dated closed day, a Friday' },
  { model: layered, date: '2026-06-04', minutes: 540, why: 'the dated line is of 2027 only' },
];

describe('precedence: dated, then annual, then country set and file', () => {
  it.each(PRECEDENCE)('$date: $minutes minutes ($why)', ({ model, date, minutes }) => {
    expect(openMinutesOn(model, date)).toBe(minutes);
  });
});

describe('annual lines', () => {
  const leap = withHolidays(office, { annualHolidays: [{ monthDay: '02-29', name: 'Leap day' }] });

  it.each([
    { date: '2028-02-29', minutes: 0 }, // Tue, a leap year
    { date: '2027-02-26', minutes: 540 }, // Fri: 02-29 does not move to 02-28 or 03-01
    { date: '2027-03-01', minutes: 540 }, // Mon
    { date: '2100-03-01', minutes: 540 }, // Mon; 2100 is no leap year
    { date: '2032-02-27', minutes: 540 }, // Fri before the Sunday 2032-02-29: closed on a closed day
  ])('02-29 on $date: $minutes minutes', ({ date, minutes }) => {
    expect(openMinutesOn(leap, date)).toBe(minutes);
  });

  it('a short day crossing midnight counts into the next morning', () => {
    // 22:00-02:00 on 2026-12-31 belongs to Thu 31st; Fri 2027-01-01 00:00-02:00 is open through it.
    const late = withHolidays(office, { annualHolidays: [{ monthDay: '12-31', name: 'Party', hours: [range('22:00-02:00')] }] });
    const compiled = compileCalendar(late);
    expect(openMillisBetween(compiled, at('2027-01-01T00:00+01:00'), at('2027-01-01T02:00+01:00'))).toBe(120 * MINUTE);
    expect(openMillisBetween(compiled, at('2026-12-31T00:00+01:00'), at('2027-01-02T00:00+01:00'))).toBe((240 + 540) * MINUTE);
  });

  it('a calendar with no weekly hours, open on an annual short day only, is open every year', () => {
    const onlyEve = calendar('Eve', BERLIN, weekdays(), []);
    const model = withHolidays(onlyEve, { annualHolidays: [{ monthDay: '12-24', name: 'Eve', hours: [range('08:00-12:00')] }] });
    const compiled = compileCalendar(model);
    expect(openMillisBetween(compiled, at('2030-01-01T00:00+01:00'), at('2031-01-01T00:00+01:00'))).toBe(240 * MINUTE);
    // 60 minutes after 2026-12-25 are used up at 09:00 on 2027-12-24.
    expect(formatInstant(instantAfterOpenMillis(compiled, at('2026-12-25T00:00+01:00'), 60 * MINUTE), BERLIN)).toBe('2027-12-24T09:00:00+01:00');
    expect(openMillisBetween(compiled, at('2026-01-01T00:00Z'), Infinity)).toBe(Infinity);
  });
});

describe('country entries the data set gives as partial or several days', () => {
  it('AU-SA Christmas Eve from 19:00: open 08:00-19:00 only (660 minutes), Christmas Day closed', () => {
    const adelaide = calendar('Shop', 'Australia/Adelaide', everyDay('08:00-22:00'));
    const model = withHolidays(adelaide, { holidaySets: ['AU-SA'] });
    expect(openMinutesOn(model, '2026-12-23')).toBe(840);
    expect(openMinutesOn(model, '2026-12-24')).toBe(660);
    expect(openMinutesOn(model, '2026-12-25')).toBe(0);
  });

  it("AM New Year's Day covers two days (48 hours): 01-01 and 01-02 closed, 12-30 is open", () => {
    const yerevan = withHolidays(calendar('Desk', 'Asia/Yerevan', everyDay('09:00-18:00')), { holidaySets: ['AM'] });
    expect(openMinutesOn(yerevan, '2026-01-01')).toBe(0);
    expect(openMinutesOn(yerevan, '2026-01-02')).toBe(0);
    expect(openMinutesOn(yerevan, '2025-12-30')).toBe(540);
  });

  // The data set gives TR's two feasts from sunset on the eve for 90 and 114 hours, which runs to noon of the day after their last official day.
  const istanbul = withHolidays(calendar('Desk', 'Europe/Istanbul', everyDay('09:00-18:00')), { holidaySets: ['TR'] });
  it.each([
    ['the eve of Ramazan Bayramı (Thursday)', '2026-03-19', 540],
    ['Ramazan Bayramı, first day', '2026-03-20', 0],
    ['Ramazan Bayramı, third and last day', '2026-03-22', 0],
    ['the Monday after Ramazan Bayramı, a working day in Turkey', '2026-03-23', 540],
    ['the eve of Kurban Bayramı (Tuesday)', '2026-05-26', 540],
    ['Kurban Bayramı, first day', '2026-05-27', 0],
    ['Kurban Bayramı, fourth and last day', '2026-05-30', 0],
    ['the Sunday after Kurban Bayramı', '2026-05-31', 540],
  ])('TR %s (%s): %i open minutes', (_name, date, minutes) => {
    expect(openMinutesOn(istanbul, date)).toBe(minutes);
  });
});

describe('bad holidays are the checker’s to report; the engine refuses them', () => {
  it.each([
    { extra: { holidaySets: ['XX-YY'] }, message: /unknown holiday code "XX-YY"/ },
    { extra: { holidaySets: ['DE-ZZ'] }, message: /unknown holiday code "DE-ZZ"/ },
    { extra: { annualHolidays: [{ monthDay: '02-30', name: 'No' }] }, message: /bad annual holiday "02-30"/ },
    { extra: { holidayFiles: [{ path: 'broken.ics', ics: 'not a calendar' }] }, message: /"broken.ics" is not an iCalendar file/ },
  ])('$message', ({ extra, message }) => {
    expect(() => compileCalendar(withHolidays(office, extra as Partial<CalendarModel>))).toThrow(message);
  });
});
