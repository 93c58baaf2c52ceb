import { describe, expect, test } from 'vitest';
import {
  clockTime,
  joinWithAnd,
  ordinal,
  withArticle,
  percent,
  plural,
  spellDate,
  spellDateWithWeekday,
  spellTimeZone,
} from '../../compiler/english.js';
import { spellDuration } from '../../compiler/document/context.js';
import { spellMinutes } from '../../compiler/document/periods.js';
import { summarizeWeek } from '../../compiler/document/service-hours.js';
import type { CalendarModel, DurationModel } from '../../language/model/model.js';

describe('English helpers', () => {
  test.each([
    [1, 'hour', '1 hour'],
    [2, 'hour', '2 hours'],
    [0, 'minute', '0 minutes'],
    [1.5, 'hour', '1.5 hours'],
    [1, 'business day', '1 business day'],
  ])('plural(%s, %s) = %s', (count, noun, expected) => expect(plural(count, noun)).toBe(expected));

  test.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
  ])('joinWithAnd(%j) = %s', (items, expected) => expect(joinWithAnd(items)).toBe(expected));

  test('dates, times, percentages and ordinals are spelled without the machine locale', () => {
    expect(spellDate('2026-01-01')).toBe('1 January 2026');
    expect(spellDateWithWeekday('2026-11-20')).toBe('Friday 20 November 2026');
    expect(clockTime(480)).toBe('08:00');
    expect(clockTime(1440)).toBe('24:00');
    expect(clockTime(1800)).toBe('06:00');
    expect(percent(99.9)).toBe('99.9%');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']);
  });

  test.each([
    ['Critical', 'a Critical'],
    ['Urgent', 'an Urgent'],
    ['S1', 'an S1'],
    ['P1', 'a P1'],
    ['H2', 'an H2'],
    ['HIGH', 'a HIGH'],
    ['E', 'an E'],
  ])('the article of %s', (noun, expected) => expect(withArticle(noun)).toBe(expected));

  test('time zones are named in words with the IANA name', () => {
    expect(spellTimeZone('America/New_York')).toBe('Eastern Time (America/New_York)');
    expect(spellTimeZone('Europe/Berlin')).toBe('Central European Time (Europe/Berlin)');
    expect(spellTimeZone('Asia/Kolkata')).toBe('India Standard Time (Asia/Kolkata)');
  });

  // Named as the zone is today, not as it was in 1970 (when Vilnius and Kyiv kept Moscow time).
  test.each([
    ['Europe/Vilnius', 'Eastern European Time (Europe/Vilnius)'],
    ['Europe/Kyiv', 'Eastern European Time (Europe/Kyiv)'],
    ['Europe/Istanbul', 'Türkiye Standard Time (Europe/Istanbul)'],
    ['Africa/Casablanca', 'Morocco Time (Africa/Casablanca)'],
    ['Pacific/Auckland', 'New Zealand Time (Pacific/Auckland)'],
  ])('%s is named as it is now', (zone, spelled) => {
    expect(spellTimeZone(zone)).toBe(spelled);
    expect(spellTimeZone(zone, '2027-07-01')).toBe(spelled);
  });

  test('a zone is named as of the date given (the agreement takes effect): Kyiv in 1985 kept Moscow time', () => {
    expect(spellTimeZone('Europe/Kyiv', '1985-06-01')).toBe('Moscow Time (Europe/Kyiv)');
  });

  test('an Etc/GMT zone is named by its UTC offset, whose sign is the reverse of the name', () => {
    expect(spellTimeZone('Etc/GMT+5')).toBe('UTC-05:00 (Etc/GMT+5)');
    expect(spellTimeZone('Etc/GMT-10')).toBe('UTC+10:00 (Etc/GMT-10)');
  });

  test.each([
    [{ amount: 20, unit: 'minutes' }, false, '20 business minutes'],
    [{ amount: 1, unit: 'hours' }, false, '1 business hour'],
    [{ amount: 1, unit: 'hours' }, true, '1 hour'],
    [{ amount: 24, unit: 'hours' }, true, '24 hours'],
    [{ amount: 2, unit: 'businessDays' }, false, '2 Business Days'],
    [{ amount: 1, unit: 'businessDays' }, false, '1 Business Day'],
    // A day is 24 hours of elapsed time (LANGUAGE.md, Durations), not a date: across a change of summer time the same
    // time of day is 23 or 25 hours on. The hours are written out, as slac check counts them.
    [{ amount: 3, unit: 'days' }, true, '3 days (72 hours)'],
    [{ amount: 1, unit: 'days' }, true, '1 day (24 hours)'],
    // A week counts 168 hours of open time: on business hours some four calendar weeks, which `1 business week` hid.
    [{ amount: 1, unit: 'weeks' }, false, '168 business hours'],
    [{ amount: 1.5, unit: 'weeks' }, false, '252 business hours'],
    [{ amount: 1, unit: 'weeks' }, true, '1 week (168 hours)'],
  ])('spellDuration(%j, around the clock %s) = %s', (duration, aroundTheClock, expected) =>
    expect(spellDuration({ ...duration, text: '' } as DurationModel, aroundTheClock)).toBe(expected),
  );

  test.each([
    [0, '0 minutes'],
    [43.2, '43 minutes 12 seconds'],
    [60, '1 hour'],
    [126, '2 hours 6 minutes'],
  ])('spellMinutes(%s) = %s', (minutes, expected) => expect(spellMinutes(minutes)).toBe(expected));
});

describe('summarizeWeek', () => {
  const calendar = (weekly: [number, number][][]): CalendarModel => ({
    name: 'C',
    timezone: 'UTC',
    weekly: [[], ...weekly.map((day) => day.map(([start, end]) => ({ start, end })))],
    holidays: [],
    annualHolidays: [],
    holidaySets: [],
    holidayFiles: [],
  });
  const open = (start: number, end: number): [number, number][] => [[start, end]];

  test.each([
    ['weekdays', [open(480, 1080), open(480, 1080), open(480, 1080), open(480, 1080), open(480, 1080), [], []], 'Monday to Friday 08:00–18:00'],
    [
      'a lunch break and a short Friday',
      [...Array(4).fill([[480, 720], [780, 1020]]), open(480, 840), [], []],
      'Monday to Thursday 08:00–12:00 and 13:00–17:00, and Friday 08:00–14:00',
    ],
    ['around the clock', Array(7).fill(open(0, 1440)), 'every day, around the clock'],
    ['a night shift', [open(1320, 1800), open(1320, 1800), open(1320, 1800), open(1320, 1800), [], [], open(1320, 1800)], 'Monday to Thursday 22:00–06:00 (next day), and Sunday 22:00–06:00 (next day)'],
    ['two days', [open(540, 600), open(540, 600), [], [], [], [], []], 'Monday and Tuesday 09:00–10:00'],
  ])('%s', (_name, weekly, expected) => expect(summarizeWeek(calendar(weekly as [number, number][][]))).toBe(expected));
});
