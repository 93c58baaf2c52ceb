/** Hour ranges, holidays and boundaries on ordinary days (no daylight-saving change). */
import { describe, expect, it } from 'vitest';
import {
  closeOfNthOpenDay,
  compileCalendar,
  formatInstant,
  instantAfterOpenMillis,
  isOpenAt,
  nextOpening,
  openIntervals,
  openMillisBetween,
  openMillisInWeekOf,
} from '../../../runtime/clock/index.js';
import { BusinessHours, NightDesk, Office, calendar, range, weekly } from './calendars.js';
import { MINUTE, at } from './helpers.js';

const berlin = 'Europe/Berlin';
const ny = 'America/New_York';

/** Mon 22:00-06:00 only, with a holiday on the Monday or the Tuesday of the week of 2026-11-23. */
const mondayNight = (holidays: Parameters<typeof calendar>[3]) => calendar('MondayNight', berlin, weekly({ 1: ['22:00-06:00'] }), holidays);

const between = [
  { name: 'lunch break not counted', cal: Office, from: '2026-11-23T11:30', to: '2026-11-23T13:30', minutes: 60 },
  { name: 'a whole Office Monday', cal: Office, from: '2026-11-23T00:00', to: '2026-11-24T00:00', minutes: 480 },
  { name: 'short Christmas Eve', cal: Office, from: '2026-12-24T00:00', to: '2026-12-25T00:00', minutes: 240 },
  { name: 'holiday Christmas Day', cal: Office, from: '2026-12-25T00:00', to: '2026-12-26T00:00', minutes: 0 },
  { name: 'short Friday', cal: Office, from: '2026-11-27T00:00', to: '2026-11-28T00:00', minutes: 360 },
  { name: 'Sunday-to-Monday night shift', cal: NightDesk, from: '2026-11-22T12:00', to: '2026-11-23T12:00', minutes: 480 },
  { name: 'no Friday night shift', cal: NightDesk, from: '2026-11-27T12:00', to: '2026-11-28T12:00', minutes: 0 },
  { name: 'Thursday shift ends Friday morning', cal: NightDesk, from: '2026-11-27T00:00', to: '2026-11-27T12:00', minutes: 360 },
  { name: 'a holiday on the start day removes the whole night', cal: mondayNight([{ date: '2026-11-23', name: 'H' }]), from: '2026-11-23T00:00', to: '2026-11-25T00:00', minutes: 0 },
  { name: "the next day's holiday does not cut the night", cal: mondayNight([{ date: '2026-11-24', name: 'H' }]), from: '2026-11-23T00:00', to: '2026-11-25T00:00', minutes: 480 },
  {
    name: 'holiday hours on the next day add to the night',
    cal: mondayNight([{ date: '2026-11-24', name: 'H', hours: [range('08:00-10:00')] }]),
    from: '2026-11-23T00:00',
    to: '2026-11-25T00:00',
    minutes: 600,
  },
  {
    name: 'a night overlapping the next morning counts once',
    cal: calendar('Overlap', berlin, weekly({ 1: ['22:00-06:00'], 2: ['00:00-08:00'] })),
    from: '2026-11-23T00:00',
    to: '2026-11-25T00:00',
    minutes: 600,
  },
  { name: 'Thanksgiving week', cal: BusinessHours, from: '2026-11-23T00:00', to: '2026-11-30T00:00', minutes: 4 * 600 },
];

describe('open time between two local times', () => {
  it.each(between)('$name: $minutes minutes', ({ cal, from, to, minutes }) => {
    const compiled = compileCalendar(cal);
    expect(openMillisBetween(compiled, at(from, cal.timezone), at(to, cal.timezone))).toBe(minutes * MINUTE);
  });

  it('is unbounded for an unbounded span of weekly hours', () => {
    const office = compileCalendar(Office);
    expect(openMillisBetween(office, at('2026-11-23T09:00', berlin), Infinity)).toBe(Infinity);
    expect(openMillisBetween(office, Infinity, Infinity)).toBe(0);
  });

  it('is 0 for an empty or reversed span', () => {
    const compiled = compileCalendar(Office);
    const t = at('2026-11-23T09:00', berlin);
    expect(openMillisBetween(compiled, t, t)).toBe(0);
    expect(openMillisBetween(compiled, t + MINUTE, t)).toBe(0);
  });

  it('counts decades: every weekday of 2000-2039 has 10 hours', () => {
    const compiled = compileCalendar(calendar('Weekdays', ny, weekly({ 1: ['08:00-18:00'], 2: ['08:00-18:00'], 3: ['08:00-18:00'], 4: ['08:00-18:00'], 5: ['08:00-18:00'] })));
    let weekdaysCount = 0;
    for (let day = Date.UTC(2000, 0, 1); day < Date.UTC(2040, 0, 1); day += 86_400_000) {
      const weekday = new Date(day).getUTCDay();
      if (weekday !== 0 && weekday !== 6) weekdaysCount++;
    }
    expect(openMillisBetween(compiled, at('2000-01-01T00:00', ny), at('2040-01-01T00:00', ny))).toBe(weekdaysCount * 600 * MINUTE);
  });
});

describe('boundaries are half-open', () => {
  const office = compileCalendar(Office);
  const rows = [
    { time: '2026-11-23T07:59:59.999', open: false },
    { time: '2026-11-23T08:00', open: true },
    { time: '2026-11-23T11:59:59.999', open: true },
    { time: '2026-11-23T12:00', open: false },
    { time: '2026-11-23T13:00', open: true },
    { time: '2026-11-23T17:00', open: false },
    { time: '2026-11-27T13:59', open: true },
    { time: '2026-11-27T14:00', open: false },
    { time: '2026-11-28T10:00', open: false },
  ];
  it.each(rows)('Office at $time is open: $open', ({ time, open }) => {
    expect(isOpenAt(office, at(time, berlin))).toBe(open);
  });
});

describe('when open time is used up', () => {
  const rows = [
    { cal: Office, from: '2026-11-23T11:00', minutes: 60, due: '2026-11-23T12:00:00+01:00' },
    { cal: Office, from: '2026-11-23T11:00', minutes: 90, due: '2026-11-23T13:30:00+01:00' },
    { cal: Office, from: '2026-11-27T13:00', minutes: 61, due: '2026-11-30T08:01:00+01:00' },
    { cal: Office, from: '2026-11-23T09:00', minutes: 0, due: '2026-11-23T09:00:00+01:00' },
    { cal: BusinessHours, from: '2026-11-20T17:30', minutes: 30, due: '2026-11-20T18:00:00-05:00' },
    { cal: BusinessHours, from: '2026-11-20T17:30', minutes: 31, due: '2026-11-23T08:01:00-05:00' },
    { cal: BusinessHours, from: '2026-11-25T17:00', minutes: 120, due: '2026-11-27T09:00:00-05:00' },
    { cal: BusinessHours, from: '2026-11-21T10:00', minutes: 600, due: '2026-11-23T18:00:00-05:00' },
    { cal: NightDesk, from: '2026-11-27T12:00', minutes: 1, due: '2026-11-29T22:01:00+01:00' },
  ];
  it.each(rows)('$cal.name from $from plus $minutes minutes is due $due', ({ cal, from, minutes, due }) => {
    const compiled = compileCalendar(cal);
    expect(formatInstant(instantAfterOpenMillis(compiled, at(from, cal.timezone), minutes * MINUTE), cal.timezone)).toBe(due);
  });
});

describe('openings, intervals and weeks', () => {
  const office = compileCalendar(Office);

  it('finds the next opening', () => {
    expect(formatInstant(nextOpening(office, at('2026-11-23T12:00', berlin)), berlin)).toBe('2026-11-23T13:00:00+01:00');
    expect(formatInstant(nextOpening(office, at('2026-11-27T14:00', berlin)), berlin)).toBe('2026-11-30T08:00:00+01:00');
    expect(nextOpening(office, at('2026-11-23T09:15', berlin))).toBe(at('2026-11-23T09:15', berlin));
    expect(formatInstant(nextOpening(office, at('2026-12-24T12:00', berlin)), berlin)).toBe('2026-12-28T08:00:00+01:00');
  });

  it('lists the open intervals clipped to the span', () => {
    const intervals = openIntervals(office, at('2026-11-23T10:00', berlin), at('2026-11-24T09:00', berlin));
    expect(intervals.map(([s, e]) => `${formatInstant(s, berlin)}/${formatInstant(e, berlin)}`)).toEqual([
      '2026-11-23T10:00:00+01:00/2026-11-23T12:00:00+01:00',
      '2026-11-23T13:00:00+01:00/2026-11-23T17:00:00+01:00',
      '2026-11-24T08:00:00+01:00/2026-11-24T09:00:00+01:00',
    ]);
  });

  it('measures the open hours of a week', () => {
    expect(openMillisInWeekOf(office, at('2026-11-25T12:00', berlin))).toBe(38 * 60 * MINUTE);
    expect(openMillisInWeekOf(office, at('2026-12-27T23:59', berlin))).toBe((3 * 8 + 4) * 60 * MINUTE);
    expect(openMillisInWeekOf(compileCalendar(BusinessHours), at('2026-11-26T12:00', ny))).toBe(40 * 60 * MINUTE);
  });
});

describe('business days', () => {
  const rows = [
    { cal: BusinessHours, opened: '2026-11-25T10:00', n: 1, close: '2026-11-27T18:00:00-05:00' },
    { cal: BusinessHours, opened: '2026-11-25T10:00', n: 2, close: '2026-11-30T18:00:00-05:00' },
    { cal: BusinessHours, opened: '2026-11-28T10:00', n: 1, close: '2026-11-30T18:00:00-05:00' },
    { cal: BusinessHours, opened: '2026-11-30T23:59', n: 1, close: '2026-12-01T18:00:00-05:00' },
    { cal: Office, opened: '2026-12-23T09:00', n: 1, close: '2026-12-24T12:00:00+01:00' },
    { cal: Office, opened: '2026-12-23T09:00', n: 2, close: '2026-12-28T17:00:00+01:00' },
    { cal: NightDesk, opened: '2026-11-19T10:00', n: 1, close: '2026-11-23T06:00:00+01:00' },
  ];
  it.each(rows)('$cal.name opened $opened, $n business days: $close', ({ cal, opened, n, close }) => {
    const compiled = compileCalendar(cal);
    expect(formatInstant(closeOfNthOpenDay(compiled, at(opened, cal.timezone), n), cal.timezone)).toBe(close);
  });
});

describe('calendars that are never (or rarely) open', () => {
  it('answers 0 and Infinity without looping for a calendar with no hours', () => {
    const closed = compileCalendar(calendar('Closed', berlin, weekly({})));
    const t = at('2026-01-01T00:00Z');
    expect(openMillisBetween(closed, t, t + 100 * 365 * 86_400_000)).toBe(0);
    expect(instantAfterOpenMillis(closed, t, MINUTE)).toBe(Infinity);
    expect(nextOpening(closed, t)).toBe(Infinity);
    expect(closeOfNthOpenDay(closed, t, 1)).toBe(Infinity);
    expect(isOpenAt(closed, t)).toBe(false);
    expect(openIntervals(closed, t, t + 86_400_000)).toEqual([]);
  });

  it('opens only on a holiday with hours', () => {
    const once = compileCalendar(calendar('Once', berlin, weekly({}), [{ date: '2026-06-01', name: 'Open day', hours: [range('10:00-12:00')] }]));
    const t = at('2020-01-01T00:00Z');
    expect(openMillisBetween(once, t, at('2030-01-01T00:00Z'))).toBe(120 * MINUTE);
    expect(formatInstant(nextOpening(once, t), berlin)).toBe('2026-06-01T10:00:00+02:00');
    expect(formatInstant(instantAfterOpenMillis(once, t, 120 * MINUTE), berlin)).toBe('2026-06-01T12:00:00+02:00');
    expect(instantAfterOpenMillis(once, t, 121 * MINUTE)).toBe(Infinity);
    expect(formatInstant(closeOfNthOpenDay(once, t, 1), berlin)).toBe('2026-06-01T12:00:00+02:00');
    expect(closeOfNthOpenDay(once, t, 2)).toBe(Infinity);
  });
});

describe('compileCalendar', () => {
  it('rejects a zone that does not exist and a malformed holiday date', () => {
    expect(() => compileCalendar(calendar('Bad', 'Mars/Olympus_Mons', weekly({})))).toThrow(/unknown time zone "Mars\/Olympus_Mons"/);
    expect(() => compileCalendar(calendar('Bad', berlin, weekly({}), [{ date: '2026-02-30', name: 'H' }]))).toThrow(/bad holiday date "2026-02-30"/);
  });

  it('keeps the name and zone', () => {
    const compiled = compileCalendar(Office);
    expect([compiled.name, compiled.zone]).toEqual(['Office', berlin]);
  });
});
