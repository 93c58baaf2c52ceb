/**
 * The span of time a report covers (`--period 2026-Q1`, `--from/--to`) and
 * the period labels of the check's report (`2026`, `2026-Q1`, `2026-03`,
 * `2026-W09`) as spans of local dates. Dates compare as `YYYY-MM-DD` text:
 * the check writes every instant as local wall time, so the date part of an
 * instant is its local date, with no zone arithmetic here.
 */
import { DateTime } from 'luxon';
import { dateRangeProblem } from '../../runtime/log/time-advice.js';
import { outsideReportYears } from '../../runtime/clock/index.js';

/** Local dates, `from` inclusive, `to` exclusive; undefined ends are open. */
export interface DateSpan {
  from?: string;
  to?: string;
}

/** What `--period` accepts. */
const PERIOD_LABEL = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2])|-W(0[1-9]|[1-4]\d|5[0-3]))?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The local dates of a period label, or undefined when it is not one. */
export function periodSpan(label: string): { from: string; to: string } | undefined {
  const match = PERIOD_LABEL.exec(label);
  if (!match) return undefined;
  const year = Number(match[1]);
  let start: DateTime;
  let end: DateTime;
  if (match[2] !== undefined) {
    start = DateTime.utc(year, (Number(match[2]) - 1) * 3 + 1, 1);
    end = start.plus({ months: 3 });
  } else if (match[3] !== undefined) {
    start = DateTime.utc(year, Number(match[3]), 1);
    end = start.plus({ months: 1 });
  } else if (match[4] !== undefined) {
    start = DateTime.fromObject({ weekYear: year, weekNumber: Number(match[4]), weekday: 1 }, { zone: 'utc' });
    // 2025-W53: most years have 52 ISO weeks, and luxon gives an invalid date for a 53rd.
    if (!start.isValid) return undefined;
    end = start.plus({ weeks: 1 });
  } else {
    start = DateTime.utc(year, 1, 1);
    end = start.plus({ years: 1 });
  }
  return { from: start.toISODate()!, to: end.toISODate()! };
}

/** True when a local date (or the date part of an ISO instant) is inside the span. */
export function inSpan(instantOrDate: string, span: DateSpan): boolean {
  const date = instantOrDate.slice(0, 10);
  return (span.from === undefined || date >= span.from) && (span.to === undefined || date < span.to);
}

/** True when two spans share a day. */
export function spansOverlap(a: DateSpan, b: DateSpan): boolean {
  return (a.to === undefined || b.from === undefined || b.from < a.to) && (b.to === undefined || a.from === undefined || a.from < b.to);
}

/** True when a report row's period label overlaps the span (labels that are no period are kept). */
export function periodInSpan(label: string, span: DateSpan): boolean {
  const period = periodSpan(label);
  return period === undefined || spansOverlap(period, span);
}

/** True when a report row's period label lies wholly inside the span (labels that are no period count as inside). */
export function periodWithinSpan(label: string, span: DateSpan): boolean {
  const period = periodSpan(label);
  return period === undefined || ((span.from === undefined || period.from >= span.from) && (span.to === undefined || period.to <= span.to));
}

/**
 * The most months a report lists (100 years), each with its page: a span
 * from 1926 or up to 9999 would make a site of thousands of empty pages.
 */
export const MAX_REPORT_MONTHS = 1200;

/** A report whose months would be more than MAX_REPORT_MONTHS; the command says so rather than drop any. */
export class TooManyMonthsError extends Error {
  constructor(
    readonly first: string,
    readonly last: string,
    readonly count: number,
  ) {
    super(`the report would list ${count} months, from ${first} to ${last}; a report lists at most ${MAX_REPORT_MONTHS} months (100 years)`);
  }
}

/**
 * A report that would reach past 9999 (an as-of instant of 9999-12-31 at
 * -12:00 is 10000-01-01 in UTC): dates stop being four-digit text that
 * compares in order: the as-of month compared before 2026-01, and the month
 * count read from such text was NaN, which passed the MAX_REPORT_MONTHS check.
 */
export class PastLastYearError extends Error {
  constructor(
    readonly date: string,
    subject: DatedOutput = 'report',
  ) {
    super(`the ${subject} would run to ${date}, past 9999, the last year a ${subject} can cover`);
  }
}

/**
 * The other end: an as-of instant of 0000-01-01T00:00:00Z is -0001-12-31 in
 * a zone west of UTC, text that compares before every date and that
 * PastLastYearError called "past 9999".
 */
export class BeforeFirstYearError extends Error {
  constructor(
    readonly date: string,
    subject: DatedOutput = 'report',
  ) {
    super(`the ${subject} would run to ${date}, before 0000, the first year a ${subject} can cover`);
  }
}

/** What a refusal of a date outside 0000-9999 names. */
export type DatedOutput = 'report' | 'timeline';

/** Throws BeforeFirstYearError or PastLastYearError for a local date (or an instant's text) outside the years 0000 to 9999. */
export function refuseDateOutsideYears(date: string, subject: DatedOutput = 'report'): void {
  const outside = outsideReportYears(date);
  if (outside === 'before') throw new BeforeFirstYearError(date.split('T')[0]!, subject);
  if (outside === 'past') throw new PastLastYearError(date.split('T')[0]!, subject);
}

/** The number of a month counted from year 0, from a `YYYY-MM` label or a date. */
function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/**
 * The month labels (`2026-03`) from the month of `from` to the month of
 * `last`, both local dates; throws TooManyMonthsError beyond
 * MAX_REPORT_MONTHS, as cutting the list short would drop months with tickets.
 */
export function monthsBetween(from: string, last: string): string[] {
  const first = monthIndex(from);
  const count = monthIndex(last) - first + 1;
  if (count > MAX_REPORT_MONTHS) throw new TooManyMonthsError(from.slice(0, 7), last.slice(0, 7), count);
  const months: string[] = [];
  for (let index = first; index < first + count; index++) {
    months.push(`${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** The local date before `date` (YYYY-MM-DD). */
export function previousDay(date: string): string {
  return DateTime.fromISO(date, { zone: 'utc' }).minus({ days: 1 }).toISODate()!;
}

/** The day after `date`, or undefined past 9999-12-31, where dates stop being four-digit text that compares in order. */
function nextDay(date: string): string | undefined {
  const next = DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 1 });
  return next.year > 9999 ? undefined : next.toISODate()!;
}

/**
 * Where a period that ends past 9999 runs to, from its exclusive end
 * (luxon's `+010000-01-03`): "the end of 9999" when its last day is
 * 9999-12-31, else that day. ISO week 9999-W52 runs to Sunday 10000-01-02.
 */
function periodEndText(end: string): string {
  const last = DateTime.fromISO(end, { zone: 'utc' }).minus({ days: 1 });
  if (last.year === 9999) return 'the end of 9999';
  return `${last.year}-${String(last.month).padStart(2, '0')}-${String(last.day).padStart(2, '0')}`;
}

/**
 * The report's span from the command line: `--period LABEL`, or `--from
 * DATE` and/or `--to DATE` (both inclusive local dates, as people write
 * them). Returns a message for a bad value.
 */
export function reportSpan(options: { period?: string; from?: string; to?: string }): { span: DateSpan; label?: string } | { error: string } {
  if (options.period !== undefined) {
    if (options.from !== undefined || options.to !== undefined) return { error: '--period cannot be combined with --from or --to.' };
    const span = periodSpan(options.period);
    const week53 = /^(\d{4})-W53$/.exec(options.period);
    if (!span && week53) return { error: `--period ${options.period} is not a period: ${week53[1]} has 52 ISO weeks, the last ${week53[1]}-W52.` };
    if (!span) return { error: `--period ${options.period} is not a period; write a year (2026), a quarter (2026-Q1), a month (2026-03) or a week (2026-W09).` };
    if (span.to.length !== 10) return { error: `--period ${options.period} runs to ${periodEndText(span.to)}, past the last day a report can cover (9999-12-30).` };
    return { span, label: options.period };
  }
  const span: DateSpan = {};
  for (const [name, value] of [['--from', options.from], ['--to', options.to]] as const) {
    if (value === undefined) continue;
    if (DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid) continue;
    // A value of the right shape is told which part is out of range, as a log row is.
    const problem = dateRangeProblem(value);
    return { error: problem === undefined ? `${name} ${value} is not a date; write it as YYYY-MM-DD.` : `${name} ${value} is not a date: ${problem}.` };
  }
  // Both ends stop at 9999-12-30: the span ends the day after its last day, which must still be a four-digit date.
  for (const [name, value] of [['--from', options.from], ['--to', options.to]] as const) {
    if (value !== undefined && nextDay(value) === undefined) return { error: `${name} ${value} is the last day of 9999, past the last day a report can cover (9999-12-30).` };
  }
  if (options.from !== undefined) span.from = options.from;
  // --to names the last day reported; the span ends the day after.
  if (options.to !== undefined) span.to = nextDay(options.to)!;
  if (span.from !== undefined && span.to !== undefined && span.from >= span.to) return { error: `--from ${options.from} is after --to ${options.to}.` };
  const label = options.from !== undefined || options.to !== undefined ? `${options.from ?? '…'} to ${options.to ?? '…'}` : undefined;
  return label === undefined ? { span } : { span, label };
}
