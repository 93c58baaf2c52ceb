import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCalendar } from '../../../language/checker/calendar.js';
import type { CheckContext } from '../../../language/checker/context.js';
import { firstEarlierOverlaps, noOverlap } from '../../../language/checker/first-overlaps.js';
import { intervalsOverlap, minutesOfRange, minutesPerWeek, rangeText, weekdayNames, weeklyIntervals, type WeeklyInterval } from '../../../language/checker/hours.js';
import type { MessageArgs } from '../../../language/diagnostics/diagnostic.js';
import { parseDocument } from '../../../language/parser/index.js';
import type { CalendarDeclaration, TimeRange } from '../../../language/syntax/ast.js';
import type { Range } from '../../../language/syntax/range.js';

/** The weekday of the first minute of `later` that `earlier` also covers, found minute by minute on the weekly circle. */
function firstSharedDay(earlier: WeeklyInterval, later: WeeklyInterval): number {
  const onCircle = (minute: number) => ((minute % minutesPerWeek) + minutesPerWeek) % minutesPerWeek;
  for (let minute = later.start; minute < later.end; minute++) {
    if (onCircle(minute - earlier.start) < earlier.end - earlier.start) return Math.floor(onCircle(minute) / 1440) + 1;
  }
  throw new Error('no shared minute');
}

/**
 * The overlap check as it was, comparing each interval with every earlier one: the definition the fast one must match.
 * The day named is the day the two ranges clash on, not the later range's own day (Saturday's 23:00-01:30 clashes with Sunday's 00:30-02:30 on Sunday).
 */
function referenceWeeklyOverlaps(context: CheckContext, calendar: CalendarDeclaration): void {
  const intervals = weeklyIntervals(calendar);
  const reported = new Set<TimeRange>();
  intervals.forEach((later, index) => {
    if (reported.has(later.range)) return;
    const earlier = intervals.slice(0, index).find((other) => intervalsOverlap(other, later));
    if (!earlier) return;
    reported.add(later.range);
    const day = firstSharedDay(earlier, later);
    const other = earlier.day === day ? rangeText(earlier.range) : `${weekdayNames[earlier.day - 1]!} ${rangeText(earlier.range)}`;
    context.report('SLA3002', later.range.range, { other, day: weekdayNames[day - 1]! });
  });
}

const referenceFirstOverlaps = (intervals: { start: number; end: number }[]): number[] =>
  intervals.map((later, index) => intervals.slice(0, index).findIndex((other) => intervalsOverlap(other, later)));

interface Report {
  code: string;
  range: Range;
  args?: MessageArgs;
}

function recordingContext(reports: Report[]): CheckContext {
  return { file: '/w/a.sla', resolve: () => undefined, report: (code, range, args) => reports.push({ code, range, args }) };
}

function calendarOf(hoursLines: string[]): CalendarDeclaration {
  const text = ['calendar Office {', '  timezone "UTC"', ...hoursLines.map((line) => `  ${line}`), '}', ''].join('\n');
  const declaration = parseDocument(text, '/w/a.sla').document.declarations[0];
  if (declaration?.kind !== 'Calendar') throw new Error(`not a calendar:\n${text}`);
  return declaration;
}

/** SLA3002 as the checker reports it, and as the pairwise definition does. */
function overlapReports(calendar: CalendarDeclaration): { checked: Report[]; reference: Report[] } {
  const checked: Report[] = [];
  checkCalendar(recordingContext(checked), calendar);
  const reference: Report[] = [];
  referenceWeeklyOverlaps(recordingContext(reference), calendar);
  return { checked: checked.filter((report) => report.code === 'SLA3002'), reference };
}

/** `hours` line (1 = the first), column of the range, `other`, `day`. */
type Expected = [number, number, string, string];

const asExpected = (reports: Report[]): Expected[] =>
  reports.map(({ range, args }) => [range.start.line - 1, range.start.character, String(args?.other), String(args?.day)]);

describe('overlapping hours (SLA3002)', () => {
  it.each<[string, string[], Expected[]]>([
    ['touching ranges do not overlap', ['hours Mon-Fri 08:00-12:00, 12:00-18:00'], []],
    ['a 24:00 end touches the next day', ['hours Mon 22:00-24:00', 'hours Tue 00:00-02:00'], []],
    ['Sunday 24:00 touches Monday 00:00', ['hours Sun 22:00-24:00', 'hours Mon 00:00-02:00'], []],
    ['22:00-00:00 ends at midnight', ['hours Sun 22:00-00:00', 'hours Mon 00:00-02:00'], []],
    ['identical ranges', ['hours Mon 08:00-12:00, 08:00-12:00'], [[1, 25, '08:00-12:00', 'Mon']]],
    ['one range named on a day twice', ['hours Mon, Mon 08:00-12:00'], [[1, 17, '08:00-12:00', 'Mon']]],
    // The day named is the day the two clash on; the earlier range carries its own day when that is another.
    ['Sunday night runs into Monday', ['hours Sun 20:00-04:00', 'hours Mon 03:00-05:00'], [[2, 12, 'Sun 20:00-04:00', 'Mon']]],
    ['Monday first, then Sunday night', ['hours Mon 03:00-05:00', 'hours Sun 20:00-04:00'], [[2, 12, '03:00-05:00', 'Mon']]],
    ['Sunday first, then Saturday night', ['hours Sun 00:30-02:30', 'hours Sat 23:00-01:30'], [[2, 12, '00:30-02:30', 'Sun']]],
    ['Saturday night first, then Sunday', ['hours Sat 23:00-01:30', 'hours Sun 00:30-02:30'], [[2, 12, 'Sat 23:00-01:30', 'Sun']]],
    ['Monday night first, then Tuesday', ['hours Tue 01:00-03:00', 'hours Mon 20:00-02:00'], [[2, 12, '01:00-03:00', 'Tue']]],
    ['two night ranges of one day clash that evening', ['hours Fri 23:00-02:00', 'hours Fri 22:00-01:00'], [[2, 12, '23:00-02:00', 'Fri']]],
    ['a night range of several days clashes first on Monday', ['hours Mon-Fri 08:00-12:00', 'hours Sun-Mon 23:00-09:00'], [[2, 16, '08:00-12:00', 'Mon']]],
    [
      'several ranges overlapping one night range',
      ['hours Sun 22:00-02:00', 'hours Mon 01:00-03:00, 00:00-00:30', 'hours Sun 23:00-24:00'],
      [
        [2, 12, 'Sun 22:00-02:00', 'Mon'],
        [2, 25, 'Sun 22:00-02:00', 'Mon'],
        [3, 12, '22:00-02:00', 'Sun'],
      ],
    ],
    [
      'several days per line: once per range, on the first day it overlaps',
      ['hours Mon-Fri 08:00-12:00', 'hours Sat, Wed-Thu, Mon 11:00-13:00'],
      [[2, 26, '08:00-12:00', 'Wed']],
    ],
    [
      'the first overlapping range in declaration order, not the nearest',
      ['hours Mon 09:00-10:00', 'hours Mon 08:00-18:00, 09:30-11:00'],
      [
        [2, 12, '09:00-10:00', 'Mon'],
        [2, 25, '09:00-10:00', 'Mon'],
      ],
    ],
    [
      'a night range overlaps both its own day and the next',
      ['hours Mon-Tue 23:00-01:00', 'hours Tue 00:30-02:00, 22:30-23:30'],
      [
        [2, 12, 'Mon 23:00-01:00', 'Tue'],
        [2, 25, '23:00-01:00', 'Tue'],
      ],
    ],
  ])('%s', (_name, hoursLines, expected) => {
    const { checked, reference } = overlapReports(calendarOf(hoursLines));
    expect(checked).toEqual(reference);
    expect(asExpected(checked)).toEqual(expected);
  });

  const time = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 24 }).map((hour) => hour * 60) }, // whole hours: identical and touching ranges
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 1440 }) },
  );
  const timeText = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const weekday = fc.constantFrom(...weekdayNames);
  const daySpan = fc.tuple(weekday, fc.option(weekday, { nil: undefined })).map(([from, to]) => (to ? `${from}-${to}` : from));
  const hoursLine = fc
    .tuple(fc.array(daySpan, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(time, time), { minLength: 1, maxLength: 6 }))
    .map(([days, ranges]) => `hours ${days.join(', ')} ${ranges.map(([start, end]) => `${timeText(start)}-${timeText(end)}`).join(', ')}`);

  it('reports what the pairwise definition reports, on random calendars', () => {
    let overlapping = 0;
    fc.assert(
      fc.property(fc.array(hoursLine, { minLength: 1, maxLength: 5 }), (hoursLines) => {
        const { checked, reference } = overlapReports(calendarOf(hoursLines));
        expect(checked).toEqual(reference);
        if (reference.length > 0) overlapping++;
      }),
      { numRuns: 2000, seed: 3002 },
    );
    expect(overlapping).toBeGreaterThan(500); // the generator makes overlaps, not only calendars without
  });

  it('finds the first earlier overlapping interval the pairwise definition finds', () => {
    const interval = fc
      .tuple(
        fc.oneof(fc.integer({ min: 0, max: minutesPerWeek - 1 }), fc.integer({ min: 0, max: 27 }).map((quarter) => quarter * 360)),
        fc.oneof(fc.integer({ min: 1, max: 1440 }), fc.constantFrom(360, 720, 1440)),
      )
      .map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 60 }), (intervals) => {
        expect([...firstEarlierOverlaps(intervals)]).toEqual(referenceFirstOverlaps(intervals));
      }),
      { numRuns: 3000, seed: 10080 },
    );
    expect(noOverlap).toBe(-1); // what `findIndex` gives for none
  });
});

/** A short day's overlap check as it was: each range against every earlier well-formed one, on the day's line of minutes. */
function referenceShortDayReports(calendar: CalendarDeclaration): Report[] {
  const reports: Report[] = [];
  for (const statement of calendar.statements) {
    if (statement?.kind !== 'Holidays') continue;
    for (const entry of statement.entries ?? []) {
      const accepted: { start: number; end: number; range: TimeRange }[] = [];
      for (const range of entry?.hours ?? []) {
        const minutes = minutesOfRange(range);
        if (!range || !minutes) continue;
        const earlier = accepted.find((other) => other.start < minutes.end && minutes.start < other.end);
        if (earlier) reports.push({ code: 'SLA3002', range: range.range, args: { other: rangeText(earlier.range), day: entry?.date?.text ?? entry?.monthDay?.text ?? 'that day' } });
        accepted.push({ ...minutes, range });
      }
    }
  }
  return reports;
}

function shortDayReports(hours: string): { checked: Report[]; reference: Report[] } {
  const calendar = calendarOf(['hours Mon-Fri 08:00-18:00', 'holidays {', `  2026-12-24 hours ${hours} "Christmas Eve"`, '}']);
  const checked: Report[] = [];
  checkCalendar(recordingContext(checked), calendar);
  return { checked: checked.filter((report) => report.code === 'SLA3002'), reference: referenceShortDayReports(calendar) };
}

describe('overlapping hours of a short day (SLA3002)', () => {
  it.each([
    ['08:00-12:00, 11:00-13:00', 1],
    ['08:00-12:00, 12:00-13:00', 0],
    ['08:00-12:00, 09:00-10:00, 09:30-09:45', 2],
    // A short day's ranges are minutes from its midnight: 01:00-03:00 is that morning, not the night after 22:00-02:00.
    ['22:00-02:00, 01:00-03:00', 0],
    ['22:00-02:00, 23:00-23:30, 00:30-01:00', 1],
    ['08:00-08:00, 07:00-09:00, 24:00-01:00, 08:30-09:30', 1],
  ])('%s: %i overlaps, named as the pairwise check names them', (hours, count) => {
    const { checked, reference } = shortDayReports(hours);
    expect(checked).toHaveLength(count);
    expect(checked).toEqual(reference);
  });

  it('agrees with the pairwise check on random short days (property)', () => {
    const time = fc.tuple(fc.integer({ min: 0, max: 24 }), fc.constantFrom(0, 15, 30, 45)).map(([hour, minute]) => `${String(hour).padStart(2, '0')}:${String(hour === 24 ? 0 : minute).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(time, time), { minLength: 1, maxLength: 12 }), (ranges) => {
        const { checked, reference } = shortDayReports(ranges.map(([from, to]) => `${from}-${to}`).join(', '));
        expect(checked).toEqual(reference);
      }),
      { numRuns: 500 },
    );
  });
});
