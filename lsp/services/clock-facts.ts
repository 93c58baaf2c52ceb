import { describeHolidayCode } from '../../language/holidays/holiday-codes.js';
import type { CalendarModel, MinuteRange } from '../../language/model/model.js';
import {
  compileCalendar,
  formatDuration,
  instantAfterOpenMillis,
  openIntervals,
  openMillisBetween,
  periodOf,
  closeOfNthOpenDay,
  type CompiledCalendar,
  type PeriodKind,
} from '../../runtime/clock/index.js';
import { holidayCodeName } from './holiday-code-items.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const weekdayNames = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * A calendar in one line: "Mon-Fri 08:00-18:00 America/New_York, 6
 * holidays, 50 open hours a week" (the week without holidays).
 */
export function describeCalendar(calendar: CalendarModel): string {
  const hours = weeklyHoursText(calendar);
  const weekMinutes = calendar.weekly.slice(1).flat().reduce((sum, range) => sum + (range.end - range.start), 0);
  const parts = [`${hours || 'never open'} ${calendar.timezone}`, ...holidaySourcesText(calendar)];
  parts.push(weeklyOpenText(weekMinutes));
  return parts.join(', ');
}

/**
 * How long a calendar is open in a week: `50 open hours a week`, or with
 * the minutes as the other hovers write a duration, `42h 30m of open time a
 * week` (as "672h of Always open time").
 */
function weeklyOpenText(weekMinutes: number): string {
  if (weekMinutes === 7 * 1440) return 'open around the clock';
  if (weekMinutes % 60 === 0) return `${weekMinutes / 60} open ${weekMinutes === 60 ? 'hour' : 'hours'} a week`;
  return `${formatDuration(weekMinutes)} of open time a week`;
}

/**
 * Where a calendar's holidays come from: `the public holidays of Berlin,
 * Germany`, `holidays from days.ics`, `2 yearly holidays`, `6 holidays`
 * (dated lines; `6 dated holidays` beside other sources).
 */
function holidaySourcesText(calendar: CalendarModel): string[] {
  const parts: string[] = [];
  const sets = (calendar.holidaySets ?? []).map((code) => {
    const description = describeHolidayCode(code);
    return description ? holidayCodeName(description) : code;
  });
  if (sets.length > 0) parts.push(`the public holidays of ${sets.join(' and ')}`);
  const files = calendar.holidayFiles ?? [];
  if (files.length > 0) parts.push(`holidays from ${files.map((f) => f.path).join(' and ')}`);
  const annual = (calendar.annualHolidays ?? []).length;
  if (annual > 0) parts.push(`${annual} yearly ${annual === 1 ? 'holiday' : 'holidays'}`);
  const dated = calendar.holidays.length;
  const word = parts.length > 0 ? 'dated ' : '';
  if (dated > 0) parts.push(`${dated} ${word}${dated === 1 ? 'holiday' : 'holidays'}`);
  return parts;
}

/** Weekdays with the same hours grouped into spans: `Mon-Thu 08:00-12:00, 13:00-17:00; Fri 08:00-14:00`. */
function weeklyHoursText(calendar: CalendarModel): string {
  const groups: { from: number; to: number; ranges: string }[] = [];
  for (let day = 1; day <= 7; day++) {
    const ranges = (calendar.weekly[day] ?? []).map(rangeText).join(', ');
    const last = groups[groups.length - 1];
    if (last && last.ranges === ranges && last.to === day - 1) last.to = day;
    else groups.push({ from: day, to: day, ranges });
  }
  // A span may wrap past Sunday (`Sun-Thu`): join the Sunday group to Monday's.
  const first = groups[0];
  const last = groups[groups.length - 1];
  if (groups.length > 1 && first && last && first.ranges === last.ranges && last.to === 7) {
    groups.pop();
    first.from = last.from;
  }
  return groups
    .filter((group) => group.ranges !== '')
    .map((g) => `${weekdayNames[g.from]}${g.to !== g.from ? `-${weekdayNames[g.to]}` : ''} ${g.ranges}`)
    .join('; ');
}

function rangeText(range: MinuteRange): string {
  return `${clockText(range.start)}-${clockText(range.end > 1440 ? range.end - 1440 : range.end)}`;
}

function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The open time of a calendar in the period containing `reference`, and that period's label. */
export function openTimeInPeriod(
  calendar: CalendarModel,
  period: PeriodKind,
  reference: number,
): { label: string; openMinutes: number } {
  const compiled = compileCalendar(calendar);
  const span = periodOf(reference, period, calendar.timezone);
  return { label: periodLabel(span.label, period), openMinutes: openMillisBetween(compiled, span.start, span.end) / MINUTE_MS };
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-01` -> `January 2026`; other labels (`2026-Q1`, `2026-W09`, `2026`) as they are. */
function periodLabel(label: string, period: PeriodKind): string {
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (period === 'monthly' && month) return `${monthNames[Number(month[2]) - 1]} ${month[1]}`;
  return label;
}

/** A worked example of a target, in the calendar's local time. */
export interface DueExample {
  opened: string;
  due: string;
}

/**
 * When a ticket opened shortly before a closing (the longest closed gap in
 * the two weeks from `reference`) falls due, for a target in open minutes
 * or in business days. Shows how open time skips nights and weekends.
 */
export function dueExample(
  calendar: CalendarModel,
  target: { minutes?: number; businessDays?: number },
  reference: number,
): DueExample | undefined {
  const compiled = compileCalendar(calendar);
  const opened = openedBeforeClosing(compiled, target.minutes, reference);
  if (opened === undefined) return undefined;
  let due: number;
  if (target.businessDays !== undefined) due = closeOfNthOpenDay(compiled, opened, target.businessDays);
  else if (target.minutes !== undefined) due = instantAfterOpenMillis(compiled, opened, target.minutes * MINUTE_MS);
  else return undefined;
  if (!Number.isFinite(due)) return undefined;
  return { opened: localText(opened, calendar.timezone), due: localText(due, calendar.timezone) };
}

function openedBeforeClosing(calendar: CompiledCalendar, targetMinutes: number | undefined, reference: number): number | undefined {
  const intervals = openIntervals(calendar, reference, reference + 14 * DAY_MS);
  if (intervals.length === 0) return undefined;
  let best = intervals[0]!;
  let bestGap = -1;
  for (let i = 0; i + 1 < intervals.length; i++) {
    const gap = intervals[i + 1]![0] - intervals[i]![1];
    if (gap > bestGap) [best, bestGap] = [intervals[i]!, gap];
  }
  if (bestGap <= 0) return best[0];
  const before = Math.min(Math.ceil((targetMinutes ?? 60) / 2), 60) * MINUTE_MS;
  return Math.max(best[0], best[1] - before);
}

/** `Friday 2 January 2026 17:50`, read in the calendar's zone. */
export function localText(instant: number, zone: string): string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year} ${parts.hour}:${parts.minute}`;
}
