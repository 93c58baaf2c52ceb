/**
 * Properties over random calendars (weekly ranges on a 15-minute grid, some
 * crossing midnight, random holidays, zones with daylight saving and odd
 * offsets), checked against a brute-force reading of the definition with
 * luxon's wall clock: an instant is open when its wall-clock reading lies in
 * a range of its local day or of the day before.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { CalendarModel, MinuteRange } from '../../../language/model/model.js';
import {
  closeOfNthOpenDay,
  compileCalendar,
  instantAfterOpenMillis,
  isOpenAt,
  nextOpening,
  openIntervals,
  openMillisBetween,
} from '../../../runtime/clock/index.js';

const DAY = 86_400_000;
const QUARTER_HOUR = 15 * 60_000;
const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Africa/Casablanca',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/St_Johns',
  'UTC',
];
/** Local midnights near the zones' 2026 changes, so windows often contain one. */
const ANCHORS = ['2026-02-15', '2026-03-22', '2026-03-08', '2026-03-29', '2026-04-05', '2026-09-27', '2026-10-04', '2026-10-25', '2026-11-01', '2026-06-15', '2026-12-31'].map(
  (date) => Date.parse(`${date}T00:00:00Z`),
);

/** Up to two non-overlapping ranges in a day, the second possibly crossing midnight; in quarter hours. */
const dayRanges = fc
  .tuple(fc.integer({ min: 0, max: 2 }), fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 3, maxLength: 3 }), fc.integer({ min: 1, max: 96 }))
  .map(([count, points, overnight]): MinuteRange[] => {
    const [a, b, c] = [...points].sort((x, y) => x - y) as [number, number, number];
    const ranges: MinuteRange[] = [];
    if (count >= 1) ranges.push({ start: a * 15, end: b * 15 });
    if (count >= 2 && c < 96) ranges.push({ start: c * 15, end: (c + overnight) * 15 });
    return ranges;
  });

const calendarArbitrary = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    week: fc.array(dayRanges, { minLength: 7, maxLength: 7 }),
    anchor: fc.constantFrom(...ANCHORS),
    holidays: fc.array(fc.record({ dayOffset: fc.integer({ min: -3, max: 4 }), hours: fc.option(dayRanges, { nil: undefined }) }), { maxLength: 3 }),
  })
  .map(({ zone, week, anchor, holidays }) => {
    const dates = new Map<string, MinuteRange[] | undefined>();
    for (const holiday of holidays) dates.set(new Date(anchor + holiday.dayOffset * DAY).toISOString().slice(0, 10), holiday.hours);
    const model: CalendarModel = {
      name: 'Random',
      timezone: zone,
      weekly: [[], ...week],
      holidays: [...dates].sort().map(([date, hours]) => (hours ? { date, name: 'H', hours } : { date, name: 'H' })),
      annualHolidays: [],
      holidaySets: [],
      holidayFiles: [],
    };
    return { model, anchor };
  });

/** Three sorted instants within a few days of the anchor (ms precision). */
const instantsNear = (anchor: number) =>
  fc
    .array(fc.integer({ min: -3 * DAY, max: 4 * DAY }), { minLength: 3, maxLength: 3 })
    .map((offsets) => offsets.map((offset) => anchor + offset).sort((x, y) => x - y) as [number, number, number]);

const scenario = calendarArbitrary.chain(({ model, anchor }) => fc.tuple(fc.constant(model), instantsNear(anchor)));

/** The wall-clock reading of an instant as local ms (day number * DAY + time of day), by luxon. */
function wallClock(model: CalendarModel, instant: number): number {
  const wall = DateTime.fromMillis(instant, { zone: model.timezone });
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
}

/** The local days (day numbers) whose own ranges contain the instant's wall-clock reading: the definition. */
function owningDays(model: CalendarModel, instant: number): number[] {
  const local = wallClock(model, instant);
  const today = Math.floor(local / DAY);
  return [today, today - 1, today - 2].filter((day) => {
    const date = new Date(day * DAY).toISOString().slice(0, 10);
    const holiday = model.holidays.find((h) => h.date === date);
    const weekday = ((new Date(day * DAY).getUTCDay() + 6) % 7) + 1;
    const ranges = holiday ? (holiday.hours ?? []) : model.weekly[weekday]!;
    const minutes = (local - day * DAY) / 60_000;
    return ranges.some((range) => minutes >= range.start && minutes < range.end);
  });
}

function openByDefinition(model: CalendarModel, instant: number): boolean {
  return owningDays(model, instant).length > 0;
}

const RUNS = { numRuns: 300, seed: 20261122 };

describe('clock properties', () => {
  it('open time is additive and bounded by elapsed time', () => {
    fc.assert(
      fc.property(scenario, ([model, [a, b, c]]) => {
        const calendar = compileCalendar(model);
        const ab = openMillisBetween(calendar, a, b);
        const bc = openMillisBetween(calendar, b, c);
        expect(ab + bc).toBe(openMillisBetween(calendar, a, c));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(b - a);
      }),
      RUNS,
    );
  });

  it('instantAfterOpenMillis inverts openMillisBetween and is the earliest such instant', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 1, noNaN: true }), ([model, [a, , c]], fraction) => {
        const calendar = compileCalendar(model);
        const amount = Math.floor(openMillisBetween(calendar, a, c) * fraction);
        const due = instantAfterOpenMillis(calendar, a, amount);
        expect(due).toBeLessThanOrEqual(c);
        expect(openMillisBetween(calendar, a, due)).toBe(amount);
        if (amount > 0) {
          expect(openMillisBetween(calendar, a, due - 1)).toBe(amount - 1);
          expect(isOpenAt(calendar, due - 1)).toBe(true);
        } else {
          expect(due).toBe(a);
        }
      }),
      RUNS,
    );
  });

  it('isOpenAt, nextOpening and openIntervals agree', () => {
    fc.assert(
      fc.property(scenario, ([model, [a, b, c]]) => {
        const calendar = compileCalendar(model);
        const intervals = openIntervals(calendar, a, c);
        let total = 0;
        for (const [start, end] of intervals) {
          total += end - start;
          expect(isOpenAt(calendar, start)).toBe(true);
          expect(isOpenAt(calendar, end - 1)).toBe(true);
          if (end < c) expect(isOpenAt(calendar, end)).toBe(false);
          if (start > a) expect(isOpenAt(calendar, start - 1)).toBe(false);
        }
        expect(total).toBe(openMillisBetween(calendar, a, c));
        const next = nextOpening(calendar, b);
        const inside = intervals.find(([, end]) => end > b);
        if (inside) expect(next).toBe(Math.max(b, inside[0]));
        if (next !== Infinity) {
          expect(isOpenAt(calendar, next)).toBe(true);
          expect(openMillisBetween(calendar, b, next)).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it('agrees with the definition read through luxon, quarter hour by quarter hour', () => {
    fc.assert(
      fc.property(calendarArbitrary, fc.integer({ min: -2 * 96, max: 3 * 96 }), ({ model, anchor }, startQuarter) => {
        const calendar = compileCalendar(model);
        // On a 15-minute grid every quarter hour is wholly open or closed (ranges, offsets and changes all are on it).
        const from = anchor + startQuarter * QUARTER_HOUR;
        let expected = 0;
        for (let q = 0; q < 2 * 96; q++) {
          const instant = from + q * QUARTER_HOUR;
          const open = openByDefinition(model, instant);
          expect(isOpenAt(calendar, instant), `${model.timezone} ${new Date(instant).toISOString()}`).toBe(open);
          if (open) expected += QUARTER_HOUR;
        }
        expect(openMillisBetween(calendar, from, from + 2 * DAY)).toBe(expected);
      }),
      { numRuns: 120, seed: 20261122 },
    );
  });

  it('business days agree with the definition: open days after the local date, each closing at its last open quarter hour', () => {
    fc.assert(
      fc.property(calendarArbitrary, fc.integer({ min: -2 * 96, max: 2 * 96 }), fc.integer({ min: 1, max: 3 }), ({ model, anchor }, quarter, n) => {
        const calendar = compileCalendar(model);
        const opened = anchor + quarter * QUARTER_HOUR + 7 * 60_000;
        const openedDay = Math.floor(wallClock(model, opened) / DAY);
        // Every quarter hour from a day before the opening to 9 days after, attributed to the days owning it.
        const closes = new Map<number, number>();
        const scanEnd = opened + 9 * DAY;
        for (let instant = opened - 7 * 60_000 - DAY; instant < scanEnd; instant += QUARTER_HOUR) {
          for (const day of owningDays(model, instant)) closes.set(day, Math.max(closes.get(day) ?? -Infinity, instant + QUARTER_HOUR));
        }
        const openDays = [...closes.keys()].filter((day) => day > openedDay).sort((x, y) => x - y);
        const due = closeOfNthOpenDay(calendar, opened, n);
        // Only days fully inside the scan are known to the oracle (a day's ranges end within 2 days of its midnight).
        const known = openDays.filter((day) => (day + 2) * DAY + 14 * 3_600_000 < scanEnd);
        if (known.length >= n) expect(due).toBe(closes.get(known[n - 1]!));
        else expect(due).toBeGreaterThan(opened + 5 * DAY);
      }),
      { numRuns: 40, seed: 20261123 },
    );
  });
});
