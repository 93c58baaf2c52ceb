import { IANAZone } from 'luxon';
import { suggestionHint, suggestName } from '../binder/suggest.js';
import type { CalendarDeclaration, TimeRange, TimezoneStatement } from '../syntax/ast.js';
import type { Range } from '../syntax/range.js';
import type { CheckContext } from './context.js';
import { checkHolidays, checkRangeShape } from './holidays.js';
import { firstEarlierOverlaps, noOverlap } from './first-overlaps.js';
import { hoursStatements, weeklyIntervals, weeklyOverlapArgs } from './hours.js';
import { zoneNameNote } from './zone-names.js';

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
  if (!zone) return;
  if (isValidZone(zone.value)) return checkZoneName(context, zone.value, zone.range);
  const suggestion = suggestName(zone.value, zoneNames());
  context.report(
    'SLA3001',
    zone.range,
    { zone: zone.value, hint: suggestionHint(suggestion) },
    suggestion === undefined ? {} : { data: { suggestion } },
  );
}

/** A valid zone written as an abbreviation (SLA3081) or as an Etc/GMT offset (SLA3082): what it is read as. */
function checkZoneName(context: CheckContext, name: string, range: Range): void {
  const note = zoneNameNote(name);
  if (note) context.report(note.code, range, note.args, note.suggestion === undefined ? {} : { data: { suggestion: note.suggestion } });
}

/** A range that overlaps an earlier one (SLA3002), naming the first it overlaps and the day they clash, once per range though it repeats on several days. */
function checkWeeklyOverlaps(context: CheckContext, calendar: CalendarDeclaration): void {
  const intervals = weeklyIntervals(calendar);
  const firstOverlapped = firstEarlierOverlaps(intervals);
  const reported = new Set<TimeRange>();
  intervals.forEach((later, index) => {
    if (reported.has(later.range)) return;
    const first = firstOverlapped[index]!;
    if (first === noOverlap) return;
    const earlier = intervals[first]!;
    reported.add(later.range);
    context.report('SLA3002', later.range.range, weeklyOverlapArgs(earlier, later));
  });
}
