/**
 * The values of a holiday file's events, checked before ical.js sees them:
 * dates that exist and recurrence rules within RFC 5545's ranges. ical.js
 * rolls 20260230 over to 2 March, repeats COUNT=0 for ever and throws on
 * BYMONTH=13; each of these is a diagnostic here instead, with its line.
 */
import type { IcalEventLines, IcalLine } from './ical-lines.js';

/** One problem of one value: SLA3072 (a date), SLA3073 (a rule part) or SLA3074 (a rule that never occurs). */
export type IcalValueProblem =
  | { code: 'SLA3072'; line: number; property: string; value: string }
  | { code: 'SLA3073'; line: number; part: string; reason: string }
  | { code: 'SLA3074'; line: number; summary: string; reason: string };

/** A recurrence rule's parts, names upper case, as written. */
export type RuleParts = ReadonlyMap<string, string>;

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z?$/;

/** Whether `year-month-day` is a day of the proleptic Gregorian calendar. */
export function dayExists(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** A DATE (all-day) or DATE-TIME value whose day exists; `dateOnly` when VALUE=DATE says it must be a date. */
function isDateValue(value: string, dateOnly: boolean): boolean {
  const match = DATE.exec(value) ?? (dateOnly ? null : DATE_TIME.exec(value));
  if (!match) return false;
  const [hour, minute, second] = [Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0)];
  return dayExists(Number(match[1]), Number(match[2]), Number(match[3])) && hour < 24 && minute < 60 && second <= 60;
}

/** Properties whose values are dates or date lists. */
const DATE_PROPERTIES = new Set(['DTSTART', 'DTEND', 'RECURRENCE-ID', 'RDATE', 'EXDATE']);

function checkDateProperty(property: IcalLine, problems: IcalValueProblem[]): void {
  const kind = (property.params['VALUE'] ?? '').toUpperCase();
  for (const element of property.value.split(',')) {
    // A PERIOD (RDATE;VALUE=PERIOD:start/end) starts with a date-time; the rest is ical.js's to read.
    const value = kind === 'PERIOD' ? element.split('/')[0]! : element.trim();
    if (!isDateValue(value, kind === 'DATE')) {
      problems.push({ code: 'SLA3072', line: property.line, property: property.name, value: element });
      return;
    }
  }
}

const WEEKDAY = '(MO|TU|WE|TH|FR|SA|SU)';
const FREQUENCIES = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
/** Repeats within a day: an all-day event has no time of day to repeat at. */
const WITHIN_A_DAY = new Set(['SECONDLY', 'MINUTELY', 'HOURLY', 'BYHOUR', 'BYMINUTE', 'BYSECOND']);

/** A whole number, optionally signed, whose size lies in `[low, high]`. */
function numberList(low: number, high: number, signed: boolean): (value: string) => string | undefined {
  const pattern = signed ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/;
  const range = signed ? `${low} to ${high} or -${high} to -${low}` : `${low} to ${high}`;
  return (value) =>
    value.split(',').every((item) => pattern.test(item) && Math.abs(Number(item)) >= low && Math.abs(Number(item)) <= high)
      ? undefined
      : `must be ${range}`;
}

/** What each part may hold (RFC 5545 3.3.10): a reason when the value is wrong. */
const PART_RULES: Record<string, (value: string) => string | undefined> = {
  FREQ: (value) => (FREQUENCIES.includes(value) ? undefined : 'must be DAILY, WEEKLY, MONTHLY or YEARLY'),
  UNTIL: (value) => (isDateValue(value, false) ? undefined : 'is not a date that exists'),
  COUNT: (value) => (/^\d{1,9}$/.test(value) ? undefined : 'must be a whole number'),
  INTERVAL: (value) => (/^\d{1,9}$/.test(value) && Number(value) >= 1 ? undefined : 'must be a whole number from 1 (INTERVAL=0 never moves on)'),
  BYSECOND: numberList(0, 60, false),
  BYMINUTE: numberList(0, 59, false),
  BYHOUR: numberList(0, 23, false),
  BYDAY: (value) =>
    value.split(',').every((item) => {
      const match = new RegExp(`^([+-]?)(\\d{1,2})?${WEEKDAY}$`).exec(item);
      return match !== null && (match[2] === undefined ? match[1] === '' : Number(match[2]) >= 1 && Number(match[2]) <= 53);
    })
      ? undefined
      : 'must be weekdays MO to SU, each optionally with an ordinal 1 to 53 or -53 to -1 (1MO, -1FR)',
  BYMONTHDAY: numberList(1, 31, true),
  BYYEARDAY: numberList(1, 366, true),
  BYWEEKNO: numberList(1, 53, true),
  BYMONTH: numberList(1, 12, false),
  BYSETPOS: numberList(1, 366, true),
  WKST: (value) => (new RegExp(`^${WEEKDAY}$`).test(value) ? undefined : 'must be a weekday MO to SU'),
};

/** The parts of one RRULE value, or the first problem with them. */
export function readRuleParts(rule: IcalLine, allDay: boolean, summary: string, problems: IcalValueProblem[]): RuleParts | undefined {
  const parts = new Map<string, string>();
  for (const text of rule.value.split(';')) {
    const [rawName, value = ''] = text.split('=', 2) as [string, string?];
    const name = rawName.toUpperCase();
    const upper = value.toUpperCase();
    const validate = PART_RULES[name];
    let reason: string | undefined;
    if (!validate) reason = name.startsWith('X-') ? undefined : 'is not a part of a recurrence rule';
    else if (parts.has(name)) reason = 'is given twice';
    else reason = validate(upper) ?? (allDay && WITHIN_A_DAY.has(name === 'FREQ' ? upper : name) ? 'repeats within a day, and an all-day event has no time of day' : undefined);
    if (reason) {
      problems.push({ code: 'SLA3073', line: rule.line, part: text, reason });
      return undefined;
    }
    parts.set(name, upper);
  }
  if (!parts.has('FREQ')) {
    problems.push({ code: 'SLA3073', line: rule.line, part: rule.value, reason: 'has no FREQ' });
    return undefined;
  }
  if (parts.has('COUNT') && parts.has('UNTIL')) {
    problems.push({ code: 'SLA3073', line: rule.line, part: `UNTIL=${parts.get('UNTIL')}`, reason: 'may not be given with COUNT' });
    return undefined;
  }
  if (parts.get('COUNT') !== undefined && Number(parts.get('COUNT')) === 0) {
    problems.push({ code: 'SLA3074', line: rule.line, summary, reason: 'COUNT=0 allows no occurrence, though RFC 5545 counts DTSTART as the first (ical.js would repeat the event for ever)' });
    return undefined;
  }
  return parts;
}

/** Whether an event's DTSTART is a date (VALUE=DATE, or eight digits): an all-day event. */
export function isAllDayStart(start: IcalLine | undefined): boolean {
  return start !== undefined && ((start.params['VALUE'] ?? '').toUpperCase() === 'DATE' || DATE.test(start.value));
}

/** The problems of one event's values, and the parts of each of its rules. */
export function checkEventValues(event: IcalEventLines): { problems: IcalValueProblem[]; rules: RuleParts[] } {
  const problems: IcalValueProblem[] = [];
  const rules: RuleParts[] = [];
  const allDay = isAllDayStart(event.properties.find((p) => p.name === 'DTSTART'));
  const summary = event.properties.find((p) => p.name === 'SUMMARY')?.value || 'Holiday';
  for (const property of event.properties) {
    if (DATE_PROPERTIES.has(property.name)) checkDateProperty(property, problems);
    if (property.name !== 'RRULE') continue;
    const parts = readRuleParts(property, allDay, summary, problems);
    if (parts) rules.push(parts);
  }
  return { problems, rules };
}
