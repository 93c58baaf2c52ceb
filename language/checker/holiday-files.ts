import { foreverClosures, type ForeverClosure } from '../holidays/ical-closure.js';
import { icalProblemDiagnostic, readIcalFile } from '../holidays/ical-reading.js';
import type { CalendarDeclaration, HolidayFileStatement } from '../syntax/ast.js';
import type { LoadedFiles } from '../workspace/load-files.js';
import type { CheckContext } from './context.js';
import { weekdayNames, weeklyIntervals } from './hours.js';

/**
 * The contents of each `holidays from "x.ics"` of one file's calendars, read
 * as the clock reads them (language/holidays/ical-reading.ts, once per
 * text): a file slac cannot follow is SLA3071-SLA3074 at its path, a
 * series whose days RFC 5545 leaves undefined the warning SLA3095, and
 * events that close every open day for ever are SLA3075. Outside the
 * per-declaration cache, since the file's text is not part of the syntax.
 */
export function checkHolidayFileContents(context: CheckContext, loaded: LoadedFiles, calendars: readonly CalendarDeclaration[]): void {
  const texts = loaded.files.get(context.file)?.holidayFiles;
  for (const calendar of calendars) {
    const closures: { path: string; closure: ForeverClosure }[] = [];
    let lastStatement: HolidayFileStatement | undefined;
    for (const statement of calendar.statements ?? []) {
      const path = statement?.kind === 'HolidayFile' ? statement.path : undefined;
      const text = path ? texts?.get(path.value) : undefined;
      if (!path || text === undefined) continue; // not read: SLA2013 or SLA3040 says why
      const reading = readIcalFile(text, zoneOf(calendar));
      for (const problem of [...reading.problems, ...reading.warnings]) {
        const { code, args } = icalProblemDiagnostic(path.value, problem);
        context.report(code, path.range, args);
      }
      for (const closure of foreverClosures(reading.events)) closures.push({ path: path.value, closure });
      lastStatement = statement as HolidayFileStatement;
    }
    if (lastStatement) checkNeverOpen(context, calendar, closures, lastStatement);
  }
}

/** The calendar's zone, for the day a UTC time of an all-day series names; UTC when it has none (SLA3001 or the parser says why). */
function zoneOf(calendar: CalendarDeclaration): string {
  for (const statement of calendar.statements ?? []) if (statement?.kind === 'Timezone' && statement.zone) return statement.zone.value;
  return 'UTC';
}

/** More than a year without open time: a target (at most 366 days, SLA3070) started then can never be due within slac's bounds. */
const LONGEST_CLOSURE_DAYS = 366;

/**
 * SLA3075 when some day starts a span of more than a year in which rules of
 * the files close every weekday the calendar has hours on. The candidate
 * starts are the rules' own first days. **Choice:** a calendar with short
 * days (`hours` on a holiday line) is left to the clock, which finds such
 * open time in bounded time.
 */
function checkNeverOpen(context: CheckContext, calendar: CalendarDeclaration, closures: { path: string; closure: ForeverClosure }[], statement: HolidayFileStatement): void {
  const openWeekdays = new Set(weeklyIntervals(calendar).map((interval) => interval.day));
  const opensOnShortDays = (calendar.statements ?? []).some((s) => s?.kind === 'Holidays' && (s.entries ?? []).some((entry) => entry?.hours !== undefined && entry.hours.length > 0));
  if (openWeekdays.size === 0 || opensOnShortDays || !calendar.name || !statement.path) return;
  for (const start of [...new Set(closures.map(({ closure }) => closure.from))].sort((a, b) => a - b)) {
    const active = closures.filter(({ closure }) => closure.from <= start && closure.to >= start + LONGEST_CLOSURE_DAYS);
    const closed = new Set(active.flatMap(({ closure }) => [...closure.weekdays]));
    if (![...openWeekdays].every((weekday) => closed.has(weekday))) continue;
    const end = active.reduce((min, { closure }) => Math.min(min, closure.to), Infinity);
    const span = end === Infinity ? `from ${dateText(start)} on` : `from ${dateText(start)} to ${dateText(end)}`;
    const days = [...openWeekdays].sort().map((weekday) => weekdayNames[weekday - 1]).join(', ');
    const paths = [...new Set(active.map(({ path }) => path))].join("', '");
    context.report('SLA3075', statement.path.range, { name: calendar.name.text, span, path: paths, days });
    return;
  }
}

/** YYYY-MM-DD of a day number. */
function dateText(day: number): string {
  const date = new Date(day * 86_400_000);
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}
