/**
 * Daylight saving: days of 23 and 25 hours, skipped wall times that are not
 * open, repeated wall times open twice, overnight shifts across a change.
 * Each row is one local day (or night) in a zone with a change on it.
 */
import { describe, expect, it } from 'vitest';
import { closeOfNthOpenDay, compileCalendar, formatInstant, isOpenAt, openIntervals, openMillisBetween } from '../../../runtime/clock/index.js';
import { calendar, everyDay } from './calendars.js';
import { MINUTE, at } from './helpers.js';

interface DayRow {
  zone: string;
  /** The local date of the change. */
  date: string;
  next: string;
  hours: string;
  minutes: number;
}

const ny = 'America/New_York';
const berlin = 'Europe/Berlin';
const sydney = 'Australia/Sydney';

const days: DayRow[] = [
  // New York: forward 02:00 -> 03:00 on 2026-03-08, back 02:00 -> 01:00 on 2026-11-01.
  { zone: ny, date: '2026-03-08', next: '2026-03-09', hours: '00:00-24:00', minutes: 23 * 60 },
  { zone: ny, date: '2026-03-08', next: '2026-03-09', hours: '01:00-03:00', minutes: 60 },
  { zone: ny, date: '2026-03-08', next: '2026-03-09', hours: '02:00-03:00', minutes: 0 },
  { zone: ny, date: '2026-03-08', next: '2026-03-09', hours: '02:30-04:00', minutes: 60 },
  { zone: ny, date: '2026-11-01', next: '2026-11-02', hours: '00:00-24:00', minutes: 25 * 60 },
  { zone: ny, date: '2026-11-01', next: '2026-11-02', hours: '01:00-02:00', minutes: 120 },
  { zone: ny, date: '2026-11-01', next: '2026-11-02', hours: '00:00-01:30', minutes: 120 },
  { zone: ny, date: '2026-11-01', next: '2026-11-02', hours: '08:00-18:00', minutes: 600 },
  // Berlin: forward 02:00 -> 03:00 on 2026-03-29, back 03:00 -> 02:00 on 2026-10-25.
  { zone: berlin, date: '2026-03-29', next: '2026-03-30', hours: '00:00-24:00', minutes: 23 * 60 },
  { zone: berlin, date: '2026-03-29', next: '2026-03-30', hours: '01:00-03:00', minutes: 60 },
  { zone: berlin, date: '2026-03-29', next: '2026-03-30', hours: '02:00-03:00', minutes: 0 },
  { zone: berlin, date: '2026-10-25', next: '2026-10-26', hours: '00:00-24:00', minutes: 25 * 60 },
  { zone: berlin, date: '2026-10-25', next: '2026-10-26', hours: '02:00-03:00', minutes: 120 },
  { zone: berlin, date: '2026-10-25', next: '2026-10-26', hours: '02:30-02:45', minutes: 30 },
  // Sydney: back 03:00 -> 02:00 on 2026-04-05, forward 02:00 -> 03:00 on 2026-10-04.
  { zone: sydney, date: '2026-04-05', next: '2026-04-06', hours: '00:00-24:00', minutes: 25 * 60 },
  { zone: sydney, date: '2026-04-05', next: '2026-04-06', hours: '02:00-03:00', minutes: 120 },
  { zone: sydney, date: '2026-10-04', next: '2026-10-05', hours: '00:00-24:00', minutes: 23 * 60 },
  { zone: sydney, date: '2026-10-04', next: '2026-10-05', hours: '01:00-03:00', minutes: 60 },
  { zone: sydney, date: '2026-10-04', next: '2026-10-05', hours: '02:00-03:00', minutes: 0 },
];

describe('a day with a daylight-saving change', () => {
  it.each(days)('$zone $date $hours is open $minutes minutes', ({ zone, date, next, hours, minutes }) => {
    const compiled = compileCalendar(calendar('Test', zone, everyDay(hours)));
    expect(openMillisBetween(compiled, at(`${date}T00:00`, zone), at(`${next}T00:00`, zone))).toBe(minutes * MINUTE);
  });
});

const nights = [
  // Saturday night shifts: 22:00 to 06:00 the morning of the change.
  { zone: ny, saturday: '2026-03-07', minutes: 7 * 60 },
  { zone: ny, saturday: '2026-10-31', minutes: 9 * 60 },
  { zone: berlin, saturday: '2026-03-28', minutes: 7 * 60 },
  { zone: berlin, saturday: '2026-10-24', minutes: 9 * 60 },
  { zone: sydney, saturday: '2026-04-04', minutes: 9 * 60 },
  { zone: sydney, saturday: '2026-10-03', minutes: 7 * 60 },
];

describe('an overnight shift across a change', () => {
  it.each(nights)('$zone night of $saturday is $minutes minutes', ({ zone, saturday, minutes }) => {
    const compiled = compileCalendar(calendar('Night', zone, everyDay('22:00-06:00')));
    const noon = at(`${saturday}T12:00`, zone);
    expect(openMillisBetween(compiled, noon, noon + 22 * 60 * MINUTE)).toBe(minutes * MINUTE);
  });
});

describe('wall times around a change', () => {
  it('opens a range at the first existing instant when it starts in the gap', () => {
    const compiled = compileCalendar(calendar('Gap', berlin, everyDay('01:00-03:00')));
    const intervals = openIntervals(compiled, at('2026-03-29T00:00', berlin), at('2026-03-30T00:00', berlin));
    expect(intervals.map(([start, end]) => [formatInstant(start, berlin), formatInstant(end, berlin)])).toEqual([
      ['2026-03-29T01:00:00+01:00', '2026-03-29T03:00:00+02:00'],
    ]);
  });

  it('opens the repeated hour twice, as one interval', () => {
    const compiled = compileCalendar(calendar('Repeat', berlin, everyDay('02:00-03:00')));
    const intervals = openIntervals(compiled, at('2026-10-25T00:00', berlin), at('2026-10-26T00:00', berlin));
    expect(intervals.map(([start, end]) => [formatInstant(start, berlin), formatInstant(end, berlin)])).toEqual([
      ['2026-10-25T02:00:00+02:00', '2026-10-25T03:00:00+01:00'],
    ]);
    expect(isOpenAt(compiled, at('2026-10-25T02:30+02:00'))).toBe(true);
    expect(isOpenAt(compiled, at('2026-10-25T02:30+01:00'))).toBe(true);
    expect(isOpenAt(compiled, at('2026-10-25T03:00+01:00'))).toBe(false);
  });

  it('does not count a day whose only range is skipped as an open day', () => {
    const compiled = compileCalendar(calendar('Skipped', ny, everyDay('02:00-03:00')));
    const close = closeOfNthOpenDay(compiled, at('2026-03-07T12:00', ny), 1);
    expect(formatInstant(close, ny)).toBe('2026-03-09T03:00:00-04:00');
  });
});
