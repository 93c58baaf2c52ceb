import { describe, expect, test } from 'vitest';
import { buildAgreementDocument } from '../../compiler/document/build.js';
import type { HolidayLister } from '../../compiler/document/holiday-dates.js';
import { annualLine, datedLine, describeHolidayCode, precedenceSentence } from '../../compiler/document/holidays.js';
import { renderMarkdown } from '../../compiler/render/markdown.js';
import type { AgreementModel, CalendarModel } from '../../language/model/model.js';
import { prose } from './helpers.js';
import { agreement, calendar, duration, metric, range } from './model-builder.js';

const markdownOf = (model: AgreementModel, lister?: HolidayLister): string =>
  prose(renderMarkdown(buildAgreementDocument(model, {}, lister)));

const office = (extra: Partial<CalendarModel>): CalendarModel => calendar('Office', [1, 2, 3, 4, 5], ['08:00-17:00'], extra);
const christmasEve = { monthDay: '12-24', name: 'Christmas Eve', hours: [range('08:00-12:00')] };
const companyDay = { date: '2027-06-04', name: 'Company day' };
const mayDay = { date: '2026-05-01', name: 'Open on May Day', hours: [range('09:00-13:00')] };
const icsFile = { path: 'company-days.ics', ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n' };

describe('holidays stated as the rule', () => {
  test.each([
    ['DE-BE', 'Berlin, Germany'],
    ['GB-ENG', 'England, United Kingdom'],
    ['US', 'the United States of America'],
    ['ES-MD', 'Comunidad de Madrid, Spain'],
    ['FR', 'France'],
    ['DE-BY-A', 'Stadt Augsburg, Bayern, Germany'],
  ])('%s is described as %s', (code, words) => expect(describeHolidayCode(code)).toBe(words));

  test('yearly and dated lines in words', () => {
    expect(annualLine(christmasEve)).toBe('every 24 December, open 08:00–12:00 only (Christmas Eve)');
    expect(annualLine({ monthDay: '12-31', name: "New Year's Eve" })).toBe("every 31 December, closed (New Year's Eve)");
    expect(datedLine(companyDay)).toBe('Friday 4 June 2027, closed (Company day)');
    expect(datedLine(mayDay)).toBe('Friday 1 May 2026, open 09:00–13:00 only (Open on May Day)');
  });

  test.each<[string, Partial<CalendarModel>, string | undefined]>([
    ['a country set alone', { holidaySets: ['DE-BE'] }, undefined],
    ['a set and a file (the same rank)', { holidaySets: ['DE-BE'], holidayFiles: [icsFile] }, undefined],
    ['yearly lines alone', { annualHolidays: [christmasEve] }, undefined],
    [
      'a yearly line and a set',
      { holidaySets: ['DE-BE'], annualHolidays: [christmasEve] },
      'When more than one of these falls on the same day, only one applies: a yearly line wins over the public holidays.',
    ],
    [
      'a dated line and a file',
      { holidays: [companyDay], holidayFiles: [icsFile] },
      'When more than one of these falls on the same day, only one applies: a dated line wins over the events of company-days.ics.',
    ],
    [
      'all four kinds',
      { holidays: [companyDay], annualHolidays: [christmasEve], holidaySets: ['DE-BE'], holidayFiles: [icsFile] },
      'When more than one of these falls on the same day, only one applies: a dated line wins over a yearly line, and a yearly line over the public holidays and the events of company-days.ics.',
    ],
  ])('precedence with %s', (_name, holidays, sentence) => expect(precedenceSentence(office(holidays))).toBe(sentence));

  test('the rules, the precedence and an informative table for the effective year and the next', () => {
    const years: number[] = [];
    const lister: HolidayLister = (_calendar, year) => {
      years.push(year);
      return [{ date: `${year}-12-24`, name: 'Christmas Eve', hours: [range('08:00-12:00')] }];
    };
    const model = agreement({
      calendars: [office({ holidays: [mayDay], annualHolidays: [christmasEve], holidaySets: ['DE-BE'], holidayFiles: [icsFile] })],
    });
    const text = markdownOf(model, lister);
    expect(text).toContain(
      'The **Office** calendar is closed on the public holidays of Berlin, Germany, every year, as published in the date-holidays data set (including the substitute days it lists) and the all-day events of the calendar file company-days.ics, on every day a recurring event recurs.',
    );
    expect(text).toContain('It also has these holidays: - every 24 December, open 08:00–12:00 only (Christmas Eve) - Friday 1 May 2026, open 09:00–13:00 only (Open on May Day)');
    expect(text).toContain(
      '*For information only: the holidays these rules give in 2026 and 2027. Where this table and the rules above differ, the rules govern.*',
    );
    expect(years).toEqual([2026, 2027]);
    expect(text).toContain('| Thursday 24 December 2026 | Christmas Eve | Short day: 08:00–12:00 |');
    expect(text).toContain('| Friday 24 December 2027 | Christmas Eve | Short day: 08:00–12:00 |');
    expect(text).toContain('**Office Hours** means Monday to Friday 08:00–17:00, Central European Time (Europe/Berlin), except on its holidays as set out under Service Hours (the Office calendar).');
  });

  test('without an effective date there is no year to list, so no table (never today’s date)', () => {
    const model = agreement({ calendars: [office({ holidaySets: ['DE-BE'] })] });
    delete model.agreement!.effective;
    const text = markdownOf(model, () => {
      throw new Error('no year should be asked for');
    });
    expect(text).toContain('closed on the public holidays of Berlin, Germany');
    expect(text).not.toContain('For information only');
  });

  test('dated lines alone are the rule itself: listed as before, with no informative note', () => {
    const text = markdownOf(agreement({ calendars: [office({ holidays: [companyDay, mayDay] })] }));
    expect(text).toContain('On the following holidays the calendar is closed, or open only for the short hours shown:');
    expect(text).toContain('| Friday 1 May 2026 | Open on May Day | Short day: 09:00–13:00 |');
    expect(text).toContain('| Friday 4 June 2027 | Company day | Closed |');
    expect(text).not.toContain('For information only');
    expect(text).not.toContain('only one applies');
    expect(text).toContain('**Office Hours** means Monday to Friday 08:00–17:00, Central European Time (Europe/Berlin), except on the holidays listed under Service Hours (the Office calendar).');
  });

  test.each([
    ['fewer hours than the weekday', { date: '2026-05-01', name: 'May Day', hours: [range('09:00-13:00')] }, '| Friday 1 May 2026 | May Day | Short day: 09:00–13:00 |'],
    ['more hours than the weekday', { date: '2026-12-24', name: 'Long day', hours: [range('07:00-20:00')] }, '| Thursday 24 December 2026 | Long day | Open 07:00–20:00 |'],
    ['the weekday’s own hours', { date: '2026-12-04', name: 'Same day', hours: [range('08:00-17:00')] }, '| Friday 4 December 2026 | Same day | Open 08:00–17:00 |'],
    ['a day the calendar is closed', { date: '2026-12-26', name: 'Saturday open', hours: [range('10:00-12:00')] }, '| Saturday 26 December 2026 | Saturday open | Open 10:00–12:00 |'],
  ])('a holiday with hours is a short day only when it has fewer hours than its weekday: %s', (_, holiday, row) => {
    const text = markdownOf(agreement({ calendars: [office({ holidays: [holiday] })] }));
    expect(text).toContain(row);
  });

  test('holidays that open longer than usual are not called short hours', () => {
    const longDay = { date: '2026-12-24', name: 'Long day', hours: [range('07:00-20:00')] };
    const text = markdownOf(agreement({ calendars: [office({ holidays: [mayDay, longDay] })] }));
    expect(text).toContain('On the following holidays the calendar is closed, or open only for the hours shown:');
  });

  test('the table comes from the clock’s own source: Berlin 2026 by hand, the dated line winning on 1 May', () => {
    const text = markdownOf(
      agreement({ calendars: [office({ holidays: [mayDay], annualHolidays: [christmasEve], holidaySets: ['DE-BE'] })] }),
    );
    const rows = [
      '| Thursday 1 January 2026 | New Year’s Day | Closed |',
      '| Sunday 8 March 2026 | International Women’s Day | Closed |',
      '| Friday 3 April 2026 | Good Friday | Closed |',
      '| Monday 6 April 2026 | Easter Monday | Closed |',
      '| Friday 1 May 2026 | Open on May Day | Short day: 09:00–13:00 |',
      '| Thursday 14 May 2026 | Ascension Day | Closed |',
      '| Monday 25 May 2026 | Whit Monday | Closed |',
      '| Thursday 24 December 2026 | Christmas Eve | Short day: 08:00–12:00 |',
      '| Friday 25 December 2026 | Christmas Day | Closed |',
      '| Saturday 26 December 2026 | Boxing Day | Closed |',
      '| Friday 26 March 2027 | Good Friday | Closed |',
      '| Monday 29 March 2027 | Easter Monday | Closed |',
    ];
    let at = 0;
    for (const row of rows) {
      const found = text.indexOf(row, at);
      expect(found, row).toBeGreaterThan(at);
      at = found;
    }
    expect(text).not.toContain('| Friday 1 May 2026 | Labour Day');
  });

  test('a calendar file through the clock’s own source: a yearly all-day event recurs in both years', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VEVENT',
      'UID:company-day@example.com',
      'DTSTAMP:20260101T000000Z',
      'DTSTART;VALUE=DATE:20260604',
      'DTEND;VALUE=DATE:20260605',
      'RRULE:FREQ=YEARLY',
      'SUMMARY:Company day',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const text = markdownOf(agreement({ calendars: [office({ holidayFiles: [{ path: 'company-days.ics', ics }] })] }));
    expect(text).toContain(
      'The **Office** calendar is closed on the all-day events of the calendar file company-days.ics, on every day a recurring event recurs.',
    );
    expect(text).toContain('| Thursday 4 June 2026 | Company day | Closed |');
    expect(text).toContain('| Friday 4 June 2027 | Company day | Closed |');
  });

  test('a holiday that closes part of the day says from when', () => {
    const lister: HolidayLister = (_calendar, year) => [{ date: `${year}-12-24`, name: 'Christmas Eve', closedFrom: 14 * 60 }];
    const text = markdownOf(agreement({ calendars: [office({ holidaySets: ['DE-BE'] })] }), lister);
    expect(text).toContain('| Thursday 24 December 2026 | Christmas Eve | Closed from 14:00 |');
  });

  // The data set writes some apostrophes straight (Presidents' Day) and some
  // typographic (St. Patrick’s Day): a holiday's name has no quotation marks,
  // so every straight one in it is an apostrophe and is printed as ’, the
  // document's one apostrophe, wherever the name appears.
  test('holiday names print the one typographic apostrophe, in the rules, the table and the worked examples', () => {
    const lister: HolidayLister = (_calendar, year) => [
      { date: `${year}-04-14`, name: "Presidents' Day" },
      { date: `${year}-12-26`, name: 'St. Stephen’s Day' },
    ];
    const model = agreement({
      calendars: [
        office({
          holidaySets: ['US'],
          annualHolidays: [{ monthDay: '11-11', name: "Veterans' Day" }],
          holidays: [{ date: '2026-06-05', name: "Founders' Day" }],
        }),
      ],
      metrics: [metric('FirstResponse', { title: 'First response', defaultTarget: duration(1, 'hours') })],
    });
    const text = markdownOf(model, lister);
    expect(text).toContain('- every 11 November, closed (Veterans’ Day)');
    expect(text).toContain('- Friday 5 June 2026, closed (Founders’ Day)');
    expect(text).toContain('| Tuesday 14 April 2026 | Presidents’ Day | Closed |');
    expect(text).toContain('| Saturday 26 December 2026 | St. Stephen’s Day | Closed |');
    expect(text).toContain('A Ticket opened the working day before Presidents’ Day');
    expect(text).not.toMatch(/Presidents' |Veterans' |Founders' /);
  });
});
