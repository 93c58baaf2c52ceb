/**
 * The one reading of a `holidays from "x.ics"` file, shared by the checker
 * (which reports its problems at the path) and the clock (which expands its
 * events into holidays). Lines and values are checked first (ical-lines.ts,
 * ical-values.ts), so that ical.js only ever sees a file it reads as
 * written; then every recurring event must give at least one day.
 */
import ICAL from 'ical.js';
import type { DiagnosticCode } from '../diagnostics/catalogue.js';
import type { MessageArgs } from '../diagnostics/diagnostic.js';
import { icalDayOf, readAllDayTimesAsDays } from './ical-all-day-times.js';
import { readIcalLines } from './ical-lines.js';
import { fittingOccurrences, LAST_HOLIDAY_YEAR, startOutsideItsRules } from './ical-occurrences.js';
import { checkEventValues, isAllDayStart, type IcalValueProblem, type RuleParts } from './ical-values.js';

type IcalEvent = InstanceType<typeof ICAL.Event>;
type IcalComponent = InstanceType<typeof ICAL.Component>;

/** An all-day event that gives holidays, with the line it begins on (its RRULE's), its DTSTART's line and its rules' parts. */
export interface IcalHolidayEvent {
  event: IcalEvent;
  line: number;
  startLine: number;
  rules: readonly RuleParts[];
}

/** One problem of a file: its structure (SLA3071) or one of its values. */
export type IcalProblem = { code: 'SLA3071'; line?: number; reason: string } | IcalValueProblem;

/** A reading slac takes where RFC 5545 leaves the days undefined (SLA3095): the event, its DTSTART and the days taken instead. */
export interface IcalWarning {
  code: 'SLA3095';
  line: number;
  event: string;
  start: string;
  days: string;
}

/** The all-day events of a file, or the problems that keep slac from reading it (then `events` is empty); warnings of a file that is read. */
export interface IcalReading {
  events: readonly IcalHolidayEvent[];
  problems: readonly IcalProblem[];
  warnings: readonly IcalWarning[];
}

/** Readings by calendar zone and file text: validate, compile and the clock read the same text once per process. */
const readings = new Map<string, IcalReading>();
const KEPT_READINGS = 16;

/**
 * Reads a holiday file's text for a calendar in `zone` (an IANA name), which
 * gives the day a UTC time of an all-day series names (ical-all-day-times.ts);
 * the same text is read once per zone.
 */
export function readIcalFile(text: string, zone: string): IcalReading {
  const key = `${zone}\n${text}`;
  let reading = readings.get(key);
  if (!reading) {
    reading = readUncached(text, zone);
    if (readings.size >= KEPT_READINGS) readings.delete(readings.keys().next().value!);
    readings.set(key, reading);
  }
  return reading;
}

function readUncached(text: string, zone: string): IcalReading {
  const lines = readIcalLines(text);
  if ('problem' in lines) return { events: [], problems: [{ code: 'SLA3071', ...lines.problem }], warnings: [] };
  // An event's line is that of its (first) RRULE when it has one: the rule is what a problem of occurrence is about.
  const checked = lines.events.map((event) => {
    const values = checkEventValues(event);
    const allDay = isAllDayStart(event.properties.find((property) => property.name === 'DTSTART'));
    return {
      line: event.properties.find((property) => property.name === 'RRULE')?.line ?? event.line,
      startLine: event.properties.find((property) => property.name === 'DTSTART')?.line ?? event.line,
      problems: values.problems,
      rules: allDay ? values.rules.map((parts) => untilAsDay(parts, zone)) : values.rules,
    };
  });
  const problems = checked.flatMap((event) => event.problems);
  if (problems.length > 0) return { events: [], problems, warnings: [] };
  let root: IcalComponent;
  try {
    root = new ICAL.Component(readAllDayTimesAsDays(readBareDatesAsDates(ICAL.parse(text) as unknown[]), zone));
  } catch (error) {
    return { events: [], problems: [{ code: 'SLA3071', reason: `ical.js cannot read it (${(error as Error).message})` }], warnings: [] };
  }
  const events = holidayEvents(root, checked);
  const neverOccurring = events.flatMap((event) => occursProblem(event) ?? []);
  if (neverOccurring.length > 0) return { events: [], problems: neverOccurring, warnings: [] };
  return { events, problems: [], warnings: events.flatMap((event) => unsynchronizedStart(event) ?? []) };
}

/** An all-day rule's UNTIL as the day it names in `zone`, as ical.js is given it (readAllDayTimesAsDays). */
function untilAsDay(parts: RuleParts, zone: string): RuleParts {
  const until = parts.get('UNTIL');
  if (until === undefined || icalDayOf(until, zone) === until) return parts;
  return new Map(parts).set('UNTIL', icalDayOf(until, zone));
}

/** Date properties whose bare `YYYYMMDD` value is a date, as `isAllDayStart` reads DTSTART. */
const DATE_PROPERTY_NAMES = new Set(['dtstart', 'dtend', 'recurrence-id', 'rdate', 'exdate']);
/** What ical.js's parser makes of eight digits read as a DATE-TIME (its default type): `2026-01-16T::`. */
const BARE_DATE_AS_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T::$/;

/**
 * `DTSTART:20260116` (no VALUE=DATE) is an all-day event: the values were
 * checked to be dates (ical-values.ts) and `isAllDayStart` says so. ical.js
 * reads them as DATE-TIMEs, its default, into `2026-01-16T::`, and throws at
 * the first use of the value; they are made dates in its parse tree instead.
 */
function readBareDatesAsDates(jcal: unknown[]): unknown[] {
  const [, properties, components] = jcal as [string, unknown[][], unknown[][]];
  for (const property of properties) {
    const [name, params, type, ...values] = property as [string, Record<string, unknown>, string, ...unknown[]];
    if (!DATE_PROPERTY_NAMES.has(name) || type !== 'date-time' || params['value'] !== undefined || values.length === 0) continue;
    const dates = values.map((value) => (typeof value === 'string' ? BARE_DATE_AS_DATE_TIME.exec(value)?.[1] : undefined));
    if (dates.every((date) => date !== undefined)) property.splice(2, property.length - 2, 'date', ...dates);
  }
  for (const component of components) readBareDatesAsDates(component);
  return jcal;
}

/**
 * The all-day events that are not cancelled, each moved occurrence
 * (RECURRENCE-ID) related to its series. `checked` lists the VEVENTs in file
 * order, as ical.js lists the calendar's subcomponents.
 */
function holidayEvents(root: IcalComponent, checked: readonly { line: number; startLine: number; rules: RuleParts[] }[]): IcalHolidayEvent[] {
  const masters = new Map<string, IcalEvent>();
  const exceptions: IcalComponent[] = [];
  const events: IcalHolidayEvent[] = [];
  const lineOf = new Map<IcalComponent, { line: number; startLine: number; rules: RuleParts[] }>();
  root.getAllSubcomponents('vevent').forEach((component, index) => lineOf.set(component, checked[index] ?? { line: 0, startLine: 0, rules: [] }));
  for (const component of root.getAllSubcomponents('vevent')) {
    if (component.hasProperty('recurrence-id')) {
      exceptions.push(component);
      continue;
    }
    const event = new ICAL.Event(component);
    events.push({ event, ...lineOf.get(component)! });
    if (event.uid) masters.set(event.uid, event);
  }
  for (const exception of exceptions) {
    const master = masters.get(String(exception.getFirstPropertyValue('uid') ?? ''));
    if (master) master.relateException(exception);
    else events.push({ event: new ICAL.Event(exception), ...lineOf.get(exception)!, rules: [] }); // a moved occurrence without its series
  }
  return events.filter(({ event }) => event.startDate?.isDate === true && !isCancelled(event.component));
}

/** Whether an event, or an override of one occurrence (RECURRENCE-ID), is cancelled: it gives no holiday. */
export function isCancelled(component: IcalComponent): boolean {
  return String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
}

/** How many days SLA3095 lists: enough to show the rule's pattern. */
const DAYS_SHOWN = 3;

/** SLA3095 when a recurring event's DTSTART is not a day its rules give: slac takes the rules' days (ical-occurrences.ts). */
function unsynchronizedStart({ event, startLine, rules }: IcalHolidayEvent): IcalWarning | undefined {
  if (!startOutsideItsRules(event, rules)) return undefined;
  const days: string[] = [];
  for (const day of fittingOccurrences(event, rules)) {
    if (days.length === DAYS_SHOWN) {
      days.push('...');
      break;
    }
    days.push(isoDate(day));
  }
  const uid = event.uid ? ` (UID ${event.uid})` : '';
  return { code: 'SLA3095', line: startLine, event: `'${event.summary || 'Holiday'}'${uid}`, start: isoDate(event.startDate), days: days.join(', ') };
}

function isoDate(time: { year: number; month: number; day: number }): string {
  return `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
}

/** SLA3074 when a recurring event gives no day up to the last year the clock looks at. */
function occursProblem({ event, line, rules }: IcalHolidayEvent): IcalProblem | undefined {
  if (!event.isRecurring()) return undefined;
  const summary = event.summary || 'Holiday';
  try {
    if (fittingOccurrences(event, rules).next().done !== true) return undefined;
  } catch (error) {
    return { code: 'SLA3074', line, summary, reason: `ical.js cannot expand its rule (${(error as Error).message})` };
  }
  return { code: 'SLA3074', line, summary, reason: `its rule gives no day that exists up to ${LAST_HOLIDAY_YEAR}` };
}

/** The catalogue code and message arguments of a problem of the file at `path`. */
export function icalProblemDiagnostic(path: string, problem: IcalProblem | IcalWarning): { code: DiagnosticCode; args: MessageArgs } {
  switch (problem.code) {
    case 'SLA3071':
      return { code: problem.code, args: { path, where: problem.line === undefined ? '' : ` (line ${problem.line})`, reason: problem.reason } };
    case 'SLA3072':
      return { code: problem.code, args: { path, line: problem.line, property: problem.property, value: problem.value } };
    case 'SLA3073':
      return { code: problem.code, args: { path, line: problem.line, part: problem.part, reason: problem.reason } };
    case 'SLA3074':
      return { code: problem.code, args: { path, line: problem.line, summary: problem.summary, reason: problem.reason } };
    case 'SLA3095':
      return { code: problem.code, args: { path, line: problem.line, event: problem.event, start: problem.start, days: problem.days } };
  }
}
