/**
 * The occurrences of a recurring all-day event, as ical.js expands them (the
 * rules it gets wrong as ical-periods.ts does: expandedBySlac), kept only where they fit
 * the rule: ical.js moves a day that does not exist to
 * the next month (BYMONTH=2;BYMONTHDAY=30 gives 2 March) and ignores some
 * ordinals (BYDAY=53MO gives a Monday in January); such an occurrence is
 * dropped, so that no holiday ever falls on a day the file does not name.
 */
import ICAL from 'ical.js';
import { dateFitsRule, LAST_HOLIDAY_YEAR } from './ical-rule-days.js';
import { fitsSetPosition, periodOccurrences } from './ical-periods.js';
import type { RuleParts } from './ical-values.js';

export { LAST_HOLIDAY_YEAR } from './ical-rule-days.js';

type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalEvent = InstanceType<typeof ICAL.Event>;

/**
 * The recurrence ids of an all-day recurring event in date order, up to
 * LAST_HOLIDAY_YEAR, as RFC 5545 (3.8.5) makes its recurrence set: each
 * RRULE's days that fit it, its COUNT counting only those (DTSTART first
 * when it is one of them: startFitsRule), then the RDATEs added and the
 * EXDATEs removed. Without an RRULE, DTSTART is the first instance. Lazy: callers take as
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

/** The days one rule gives, in order: by slac for the rules ical.js expands wrongly (periodOccurrences), by ical.js otherwise. */
function oneRuleOccurrences(event: IcalEvent, rule: IcalRecur, parts: RuleParts): Generator<IcalTime> {
  const fullParts = withDtstartParts(parts, event.startDate);
  return expandedBySlac(fullParts) ? periodOccurrences(event, rule, fullParts) : ruleOccurrences(event, rule, parts);
}

/**
 * The rules whose days ical.js gets wrong, which slac expands itself period
 * by period (ical-periods.ts): BYSETPOS and BYWEEKNO rules; a MONTHLY rule
 * with BYMONTH, where ical.js ignored INTERVAL
 * (`FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO;BYMONTH=1,2,3,4,5,6` from January gave
 * every month to June, not January, March and May) and, from a DTSTART in
 * a month BYMONTH leaves out, skipped the months of DTSTART's year
 * (`FREQ=MONTHLY;BYDAY=FR;BYMONTH=7,8` from 2 January 2026 began in August
 * 2026, `FREQ=MONTHLY;BYMONTH=5` from 16 January in May 2027); and a YEARLY
 * rule with both BYMONTHDAY and BYDAY, of which ical.js gave no day at all
 * for a BYMONTHDAY counted from the end (`FREQ=YEARLY;BYMONTH=5;BYDAY=MO;
 * BYMONTHDAY=-1,-2,-3,-4,-5,-6,-7`, the last Monday of May), refused as
 * never occurring (SLA3074).
 */
function expandedBySlac(parts: RuleParts): boolean {
  if (parts.has('BYSETPOS') || parts.has('BYWEEKNO')) return true;
  const freq = parts.get('FREQ');
  return (freq === 'MONTHLY' && parts.has('BYMONTH')) || (freq === 'YEARLY' && parts.has('BYMONTHDAY') && parts.has('BYDAY'));
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
 * rule's days only, for every rule, and warns (SLA3095).
 */
function startFitsRule(start: IcalTime, rule: IcalRecur, fullParts: RuleParts): boolean {
  if (!dateFitsRule(fullParts, start.year, start.month, start.day)) return false;
  return !fullParts.has('BYSETPOS') || fitsSetPosition(fullParts, rule.wkst, start);
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
