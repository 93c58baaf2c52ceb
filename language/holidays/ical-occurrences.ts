/**
 * The occurrences of a recurring all-day event, as ical.js expands them, kept
 * only where they fit the rule: ical.js moves a day that does not exist to
 * the next month (BYMONTH=2;BYMONTHDAY=30 gives 2 March) and ignores some
 * ordinals (BYDAY=53MO gives a Monday in January); such an occurrence is
 * dropped, so that no holiday ever falls on a day the file does not name.
 */
import ICAL from 'ical.js';
import type { RuleParts } from './ical-values.js';

type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalEvent = InstanceType<typeof ICAL.Event>;

/**
 * Occurrences after this year change nothing: the clock looks at open time
 * from 1800-01-01 to 2400-01-01 only (runtime/clock/calendar.ts), and a
 * holiday at the very end of 2400 can still touch 2400-01-01 across zones.
 */
export const LAST_HOLIDAY_YEAR = 2400;

const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** UTC midnight of a civil date; `setUTCFullYear` keeps years 0-99 (Date.UTC maps them to 1900-1999). */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function daysInMonth(year: number, month: number): number {
  return utcDate(year, month + 1, 0).getUTCDate();
}

function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((utcDate(year, month, day).getTime() - utcDate(year, 1, 1).getTime()) / 86_400_000) + 1;
}

/** Whether `value` (1-based position counted from the start) is named by `wanted`, where negative counts from the end. */
function positionFits(wanted: number, position: number, count: number): boolean {
  return wanted > 0 ? position === wanted : position === count + wanted + 1;
}

function listOf(parts: RuleParts, name: string): number[] | undefined {
  const value = parts.get(name);
  return value === undefined ? undefined : value.split(',').map(Number);
}

/** Whether the BYDAY part names this date's weekday, with its ordinal where RFC 5545 gives ordinals a meaning. */
function fitsByDay(parts: RuleParts, year: number, month: number, day: number): boolean {
  const byDay = parts.get('BYDAY');
  if (byDay === undefined) return true;
  const weekday = WEEKDAY_CODES[utcDate(year, month, day).getUTCDay()]!;
  const freq = parts.get('FREQ');
  const inMonth = freq === 'MONTHLY' || (freq === 'YEARLY' && parts.has('BYMONTH'));
  const ordinalsCount = (freq === 'MONTHLY' || freq === 'YEARLY') && !parts.has('BYSETPOS') && !parts.has('BYWEEKNO');
  return byDay.split(',').some((item) => {
    if (!item.endsWith(weekday)) return false;
    const ordinal = Number(item.slice(0, -2) || '0');
    if (ordinal === 0 || !ordinalsCount) return true;
    const index = inMonth ? day : dayOfYear(year, month, day);
    const length = inMonth ? daysInMonth(year, month) : dayOfYear(year, 12, 31);
    return positionFits(ordinal, Math.ceil(index / 7), Math.ceil(index / 7) + Math.floor((length - index) / 7));
  });
}

/** Whether a date fits every BY part of one rule that constrains the date itself. */
export function dateFitsRule(parts: RuleParts, year: number, month: number, day: number): boolean {
  const months = listOf(parts, 'BYMONTH');
  if (months && !months.includes(month)) return false;
  const monthDays = listOf(parts, 'BYMONTHDAY');
  if (monthDays && !monthDays.some((wanted) => positionFits(wanted, day, daysInMonth(year, month)))) return false;
  const yearDays = listOf(parts, 'BYYEARDAY');
  if (yearDays && !yearDays.some((wanted) => positionFits(wanted, dayOfYear(year, month, day), dayOfYear(year, 12, 31)))) return false;
  return fitsByDay(parts, year, month, day);
}

/**
 * The recurrence ids of an all-day recurring event in date order, up to
 * LAST_HOLIDAY_YEAR, as RFC 5545 (3.8.5) makes its recurrence set: each
 * RRULE's days that fit it, its COUNT counting only those (DTSTART first
 * when it is one of them: startFitsRule), then the RDATEs added and the
 * EXDATEs removed.
 * Without an RRULE, DTSTART is the first instance. Lazy: callers take as
 * many as they need.
 */
export function* fittingOccurrences(event: IcalEvent, rules: readonly RuleParts[]): Generator<IcalTime> {
  const excluded = excludedDates(event);
  const sources = [
    ...event.component.getAllProperties('rrule').map((property, index) => oneRuleOccurrences(event, property.getFirstValue() as IcalRecur, rules[index] ?? new Map())),
    namedDates(event),
  ];
  let last: string | undefined;
  for (const next of mergedInOrder(sources)) {
    if (next.year > LAST_HOLIDAY_YEAR) return;
    const key = dateKey(next);
    if (key === last || excluded.has(key)) continue; // one day given by two rules, or an RDATE, is one instance
    last = key;
    yield next;
  }
}

type IcalRecur = InstanceType<typeof ICAL.Recur>;

/** The days one rule gives, in order: by slac for a BYSETPOS rule (setPositionOccurrences), by ical.js otherwise. */
function oneRuleOccurrences(event: IcalEvent, rule: IcalRecur, parts: RuleParts): Generator<IcalTime> {
  const fullParts = withDtstartParts(parts, event.startDate);
  return fullParts.has('BYSETPOS') && !fullParts.has('BYWEEKNO') ? setPositionOccurrences(event, rule, fullParts) : ruleOccurrences(event, rule, parts);
}

/**
 * The days of a BYSETPOS rule, in order: in each period of the FREQ (every
 * INTERVAL-th from DTSTART's), the days fitting the other BY parts, of
 * which BYSETPOS picks (fitsSetPosition), from DTSTART on, up to UNTIL
 * (a DATE: readAllDayTimesAsDays) and COUNT. ical.js picked wrong days
 * (FREQ=WEEKLY;BYDAY=MO,TU,WE;BYSETPOS=1 gave a Monday and the Tuesday
 * after; YEARLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 from 31 December 2026 gave
 * 1 January 2027). BYWEEKNO rules are left to ical.js.
 */
function* setPositionOccurrences(event: IcalEvent, rule: IcalRecur, fullParts: RuleParts): Generator<IcalTime> {
  const start = event.startDate;
  const first = dayNumber(start);
  const until = rule.until ? dayNumber(rule.until) : Infinity;
  const interval = Math.max(1, rule.interval || 1);
  let left = rule.count ?? Infinity;
  for (let period = 0; left > 0; period += interval) {
    const days = periodDays(fullParts.get('FREQ'), rule.wkst, periodStart(fullParts.get('FREQ'), start, period));
    if (days[0]!.year > LAST_HOLIDAY_YEAR) return;
    const fitting = days.filter((date) => dateFitsRule(fullParts, date.year, date.month, date.day));
    const positions = listOf(fullParts, 'BYSETPOS') ?? [];
    for (const [index, date] of fitting.entries()) {
      if (!positions.some((wanted) => positionFits(wanted, index + 1, fitting.length))) continue;
      const day = dayNumber(date);
      if (day < first) continue;
      if (day > until || left <= 0) return;
      yield ICAL.Time.fromData({ year: date.year, month: date.month, day: date.day, isDate: true });
      left--;
    }
  }
}

/** A day of the period `offset` periods (of FREQ) after DTSTART's: periodDays gives the whole period around it. */
function periodStart(freq: string | undefined, start: IcalTime, offset: number): IcalTime {
  switch (freq) {
    case 'YEARLY':
      return ICAL.Time.fromData({ year: start.year + offset, month: 1, day: 1, isDate: true });
    case 'MONTHLY': {
      const months = start.month - 1 + offset;
      return ICAL.Time.fromData({ year: start.year + Math.floor(months / 12), month: (months % 12) + 1, day: 1, isDate: true });
    }
    default: {
      const time = start.clone();
      time.adjust(offset * (freq === 'WEEKLY' ? 7 : 1), 0, 0, 0);
      return time;
    }
  }
}

/** Days since 1970-01-01 of a date. */
function dayNumber(date: { year: number; month: number; day: number }): number {
  return civilDayNumber(date.year, date.month, date.day);
}

/**
 * The days one rule gives, in order: ical.js's iterator with the COUNT
 * taken out, kept where they fit the rule (RFC 5545 ignores a day that
 * does not exist: FREQ=YEARLY from 29 February, which ical.js moves to 1
 * March), counted here up to the COUNT. ical.js's own COUNT counted the
 * days it moved, so a series whose moved days are dropped ended early.
 */
function* ruleOccurrences(event: IcalEvent, rule: IcalRecur, parts: RuleParts): Generator<IcalTime> {
  const uncounted = rule.clone();
  uncounted.count = null;
  const iterator = uncounted.iterator(event.startDate);
  const fullParts = withDtstartParts(parts, event.startDate);
  const startKey = dateKey(event.startDate);
  const startFits = startFitsRule(event.startDate, rule, fullParts);
  let left = rule.count ?? Infinity;
  for (let next = iterator.next(); next && left > 0 && next.year <= LAST_HOLIDAY_YEAR; next = iterator.next()) {
    if (dateKey(next) === startKey ? startFits : dateFitsRule(fullParts, next.year, next.month, next.day)) {
      yield next.clone(); // the iterator moves the time it returned
      left--;
    }
  }
}

/**
 * Whether DTSTART's day is one the rule gives. RFC 5545 leaves a series
 * whose DTSTART is not ("not synchronized with the recurrence rule")
 * undefined, and ical.js gave DTSTART for some rules (FREQ=DAILY;BYDAY=TU
 * from a Monday, BYSETPOS=-1 from the first Monday of a month) and not for
 * others (FREQ=WEEKLY;BYDAY=TU from a Monday). **Choice:** slac takes the
 * rule's days only, for every rule, and warns (SLA3095). BYWEEKNO, which
 * ical.js does not expand at all, is not looked at.
 */
function startFitsRule(start: IcalTime, rule: IcalRecur, fullParts: RuleParts): boolean {
  if (!dateFitsRule(fullParts, start.year, start.month, start.day)) return false;
  return !fullParts.has('BYSETPOS') || fitsSetPosition(fullParts, rule.wkst, start);
}

/**
 * Whether BYSETPOS picks this day among the days of its period (the FREQ's
 * day, week from WKST, month or year) that fit the other BY parts. Counted
 * here: ical.js expands BYSETPOS wrongly for some starts (WEEKLY with
 * BYSETPOS=1 from a Tuesday gives that Tuesday and the Wednesday after).
 */
function fitsSetPosition(parts: RuleParts, weekStart: number, day: { year: number; month: number; day: number }): boolean {
  const candidates = periodDays(parts.get('FREQ'), weekStart, day).filter((date) => dateFitsRule(parts, date.year, date.month, date.day));
  const position = candidates.findIndex((date) => date.year === day.year && date.month === day.month && date.day === day.day) + 1;
  return position > 0 && (listOf(parts, 'BYSETPOS') ?? []).some((wanted) => positionFits(wanted, position, candidates.length));
}

/** The days of the period of the rule's FREQ that holds `day`; weeks begin on WKST (ical.js's day numbers, Sunday = 1). */
function periodDays(freq: string | undefined, weekStart: number, day: { year: number; month: number; day: number }): { year: number; month: number; day: number }[] {
  let first = utcDate(day.year, day.month, day.day);
  let length = 1;
  if (freq === 'WEEKLY') {
    first = utcDate(day.year, day.month, day.day - ((first.getUTCDay() + 1 - weekStart + 7) % 7));
    length = 7;
  } else if (freq === 'MONTHLY') {
    first = utcDate(day.year, day.month, 1);
    length = daysInMonth(day.year, day.month);
  } else if (freq === 'YEARLY') {
    first = utcDate(day.year, 1, 1);
    length = dayOfYear(day.year, 12, 31);
  }
  return Array.from({ length }, (_, index) => {
    const date = new Date(first.getTime() + index * 86_400_000);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  });
}

/**
 * Whether the event is recurring, DTSTART is a day none of its rules gives
 * (startFitsRule), and neither an RDATE nor an EXDATE names it: RFC 5545
 * leaves whether it is a holiday undefined, and slac's reading (it is not)
 * is worth a warning (SLA3095).
 */
export function startOutsideItsRules(event: IcalEvent, rules: readonly RuleParts[]): boolean {
  const properties = event.component.getAllProperties('rrule');
  if (properties.length === 0) return false;
  const start = event.startDate;
  const fits = properties.some((property, index) => startFitsRule(start, property.getFirstValue() as IcalRecur, withDtstartParts(rules[index] ?? new Map(), start)));
  if (fits || excludedDates(event).has(dateKey(start))) return false;
  return !rdateTimes(event).some((time) => dateKey(time) === dateKey(start));
}

/**
 * The days named outright, in order: the RDATEs (a PERIOD by its start)
 * and, for an event without an RRULE, DTSTART, which RFC 5545 makes the
 * first instance (ical.js gave an event with RDATEs and no RRULE without it).
 */
function namedDates(event: IcalEvent): Iterator<IcalTime> {
  const dates = rdateTimes(event);
  if (!event.component.hasProperty('rrule')) dates.push(event.startDate.clone());
  return dates.sort((a, b) => a.compare(b)).values();
}

/** The RDATEs of an event, each a copy (a PERIOD by its start). */
function rdateTimes(event: IcalEvent): IcalTime[] {
  return event.component.getAllProperties('rdate').flatMap((property) =>
    property.getValues().map((value) => ((value as { start?: IcalTime }).start ?? (value as IcalTime)).clone()),
  );
}

/** Several ordered streams of times as one, in order (equal times each given). */
function* mergedInOrder(sources: Iterator<IcalTime>[]): Generator<IcalTime> {
  const heads = sources.map((source) => source.next());
  for (;;) {
    let first = -1;
    heads.forEach((head, index) => {
      if (!head.done && (first < 0 || head.value.compare(heads[first]!.value as IcalTime) < 0)) first = index;
    });
    if (first < 0) return;
    yield heads[first]!.value as IcalTime;
    heads[first] = sources[first]!.next();
  }
}

/** The EXDATE days of an event. */
function excludedDates(event: IcalEvent): Set<string> {
  return new Set(event.component.getAllProperties('exdate').flatMap((property) => property.getValues().map((value) => dateKey(value as IcalTime))));
}

/** BY parts that fix a day within a month or year: a rule with none of them takes DTSTART's day. */
const DAY_PARTS = ['BYMONTHDAY', 'BYDAY', 'BYYEARDAY', 'BYWEEKNO'];

/**
 * The rule with the parts RFC 5545 takes from DTSTART when the rule leaves
 * them out (section 3.3.10: "information ... not contained in the rule ... is
 * derived from DTSTART"): `FREQ=YEARLY` from 2024-02-29 names 29 February
 * only, `FREQ=MONTHLY` from the 31st names the 31st. ical.js moves such a day
 * to the next month where it does not exist (2025-03-01); with these parts
 * `dateFitsRule` drops it, as RFC 5545 ignores it.
 */
function withDtstartParts(parts: RuleParts, start: IcalTime): RuleParts {
  const freq = parts.get('FREQ');
  if ((freq !== 'YEARLY' && freq !== 'MONTHLY') || DAY_PARTS.some((name) => parts.has(name))) return parts;
  const full = new Map(parts);
  full.set('BYMONTHDAY', String(start.day));
  if (freq === 'YEARLY' && !parts.has('BYMONTH')) full.set('BYMONTH', String(start.month));
  return full;
}

function dateKey(time: IcalTime): string {
  return `${time.year}-${time.month}-${time.day}`;
}

/** ISO weekday (Mon = 1 ... Sun = 7) of a civil date. */
export function isoWeekdayOf(year: number, month: number, day: number): number {
  return ((utcDate(year, month, day).getUTCDay() + 6) % 7) + 1;
}

/** Days since 1970-01-01 of a civil date (the clock's day numbers, runtime/clock/civil.ts). */
export function civilDayNumber(year: number, month: number, day: number): number {
  return Math.round(utcDate(year, month, day).getTime() / 86_400_000);
}
