import { IANAZone } from 'luxon';
import { suggestionHint, suggestName } from '../binder/suggest.js';
import type { CalendarDeclaration, HolidayEntry, TimeRange, TimezoneStatement } from '../syntax/ast.js';
import type { CheckContext } from './context.js';
import { isValidDate } from './dates.js';
import {

  hoursStatements,
  intervalsOverlap,
  minutesOfRange,
  rangeText,
  weekdayNames,
  weeklyIntervals,
} from './hours.js';

let knownZones: string[] | undefined;

function zoneNames(): string[] {
  knownZones ??= Intl.supportedValuesOf('timeZone');
  return knownZones;
}

/** Time zone, hour ranges and holidays of one calendar. */
export function checkCalendar(context: CheckContext, calendar: CalendarDeclaration): void {
  for (const statement of calendar.statements ?? []) {
    if (statement?.kind === 'Timezone') checkTimezone(context, statement);
  }
  const hours = hoursStatements(calendar);
  if (hours.length === 0 && calendar.name) context.report('SLA3022', calendar.name.range, { name: calendar.name.text });
  for (const statement of hours) {
    for (const span of statement.days ?? []) {
      if (span?.from && span.to && span.from === span.to) context.report('SLA3033', span.range, { day: span.from });
    }
    for (const range of statement.ranges ?? []) checkRangeShape(context, range);
  }
  checkWeeklyOverlaps(context, calendar);
  checkHolidays(context, calendar);
}

/** Zone validity per name: luxon builds an `Intl.DateTimeFormat` per check, and files repeat a few zones. */
const zoneValidity = new Map<string, boolean>();

function isValidZone(name: string): boolean {
  let valid = zoneValidity.get(name);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(name);
    if (zoneValidity.size >= 1000) zoneValidity.clear(); // a long editing session types many half-names
    zoneValidity.set(name, valid);
  }
  return valid;
}

function checkTimezone(context: CheckContext, statement: TimezoneStatement): void {
  const zone = statement.zone;
  if (!zone || isValidZone(zone.value)) return;
  const suggestion = suggestName(zone.value, zoneNames());
  context.report(
    'SLA3001',
    zone.range,
    { zone: zone.value, hint: suggestionHint(suggestion) },
    suggestion === undefined ? {} : { data: { suggestion } },
  );
}

/** A range that starts at 24:00 (SLA3004) or is empty (SLA3003). */
function checkRangeShape(context: CheckContext, range: TimeRange | undefined): void {
  const start = range?.start;
  const end = range?.end;
  if (!range || !start || !end) return;
  if (start.minutes >= 1440) context.report('SLA3004', start.range);
  else if (start.minutes === end.minutes) context.report('SLA3003', range.range, { text: rangeText(range) });
}

function checkWeeklyOverlaps(context: CheckContext, calendar: CalendarDeclaration): void {
  const intervals = weeklyIntervals(calendar);
  const reported = new Set<TimeRange>();
  intervals.forEach((later, index) => {
    if (reported.has(later.range)) return;
    const earlier = intervals.slice(0, index).find((other) => intervalsOverlap(other, later));
    if (!earlier) return;
    reported.add(later.range);
    context.report('SLA3002', later.range.range, { other: rangeText(earlier.range), day: weekdayNames[later.day - 1]! });
  });
}

function checkHolidays(context: CheckContext, calendar: CalendarDeclaration): void {
  const seen = new Set<string>();
  for (const statement of calendar.statements ?? []) {
    if (statement?.kind !== 'Holidays') continue;
    for (const entry of statement.entries ?? []) {
      if (!entry) continue;
      checkHolidayHours(context, entry);
      const date = entry.date;
      if (!date || !isValidDate(date.text)) continue;
      if (seen.has(date.text)) context.report('SLA3021', date.range, { date: date.text });
      seen.add(date.text);
    }
  }
}

/** A short day's ranges: well formed and not overlapping each other. */
function checkHolidayHours(context: CheckContext, entry: HolidayEntry): void {
  const ranges = entry.hours ?? [];
  const accepted: { start: number; end: number; range: TimeRange }[] = [];
  for (const range of ranges) {
    checkRangeShape(context, range);
    const minutes = minutesOfRange(range);
    if (!range || !minutes) continue;
    const earlier = accepted.find((other) => other.start < minutes.end && minutes.start < other.end);
    if (earlier) context.report('SLA3002', range.range, { other: rangeText(earlier.range), day: entry.date?.text ?? 'that day' });
    accepted.push({ ...minutes, range });
  }
}

