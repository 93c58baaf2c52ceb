import { describe, expect, it } from 'vitest';
import {
  daysOfSpan,
  intervalsOverlap,
  isAroundTheClock,
  minutesOfRange,
} from '../../../language/checker/hours.js';
import type { CalendarDeclaration, TimeRange, WeekdayName } from '../../../language/syntax/ast.js';
import { rangeOf } from '../../../language/syntax/range.js';

const at = rangeOf(0, 0, 0, 1);

function time(text: string) {
  const [h, m] = text.split(':').map(Number) as [number, number];
  return { kind: 'Time' as const, range: at, text, minutes: h * 60 + m };
}

function timeRange(start: string, end: string): TimeRange {
  return { kind: 'TimeRange', range: at, start: time(start), end: time(end) };
}

function calendar(lines: [WeekdayName, WeekdayName | undefined, string, string][], holidays = false): CalendarDeclaration {
  return {
    kind: 'Calendar',
    range: at,
    keywordRange: at,
    name: { range: at, text: 'C' },
    statements: [
      ...lines.map(([from, to, start, end]) => ({
        kind: 'Hours' as const,
        range: at,
        days: [{ kind: 'WeekdaySpan' as const, range: at, from, to }],
        ranges: [timeRange(start, end)],
      })),
      ...(holidays ? [{ kind: 'Holidays' as const, range: at, entries: [{ kind: 'Holiday' as const, range: at }] }] : []),
    ],
  };
}

describe('calendar hours', () => {
  it('spans weekdays, wrapping past Sunday', () => {
    expect(daysOfSpan({ kind: 'WeekdaySpan', range: at, from: 'Mon', to: 'Fri' })).toEqual([1, 2, 3, 4, 5]);
    expect(daysOfSpan({ kind: 'WeekdaySpan', range: at, from: 'Sun', to: 'Thu' })).toEqual([7, 1, 2, 3, 4]);
    expect(daysOfSpan({ kind: 'WeekdaySpan', range: at, from: 'Wed' })).toEqual([3]);
    expect(daysOfSpan(undefined)).toEqual([]);
  });

  it('reads a range crossing midnight as ending past 1440', () => {
    expect(minutesOfRange(timeRange('22:00', '06:00'))).toEqual({ start: 1320, end: 1800 });
    expect(minutesOfRange(timeRange('00:00', '24:00'))).toEqual({ start: 0, end: 1440 });
    expect(minutesOfRange(timeRange('22:00', '00:00'))).toEqual({ start: 1320, end: 1440 });
    expect(minutesOfRange(timeRange('09:00', '09:00'))).toBeUndefined();
    expect(minutesOfRange(timeRange('24:00', '06:00'))).toBeUndefined();
    expect(minutesOfRange({ kind: 'TimeRange', range: at })).toBeUndefined();
  });

  it('finds overlaps on the weekly circle', () => {
    expect(intervalsOverlap({ start: 0, end: 60 }, { start: 59, end: 100 })).toBe(true);
    expect(intervalsOverlap({ start: 0, end: 60 }, { start: 60, end: 100 })).toBe(false);
    expect(intervalsOverlap({ start: 10000, end: 10200 }, { start: 50, end: 100 })).toBe(true);
  });

  it('knows a calendar open around the clock', () => {
    expect(isAroundTheClock(calendar([['Mon', 'Sun', '00:00', '24:00']]))).toBe(true);
    expect(isAroundTheClock(calendar([['Mon', 'Sun', '00:00', '12:00'], ['Mon', 'Sun', '12:00', '24:00']]))).toBe(true);
    expect(isAroundTheClock(calendar([['Mon', 'Sun', '00:00', '24:00']], true))).toBe(false);
    expect(isAroundTheClock(calendar([['Mon', 'Sat', '00:00', '24:00']]))).toBe(false);
    expect(isAroundTheClock(calendar([['Mon', 'Sun', '12:00', '12:00']]))).toBe(false);
  });
});
