import { describeHolidayCode } from '../../language/holidays/holiday-codes.js';
import { holidaysOfYears, publicHolidaysOfCode, type ListedHoliday } from '../../runtime/clock/holidays/index.js';
import type { AgreementModel, CalendarModel, MinuteRange } from '../../language/model/model.js';
import type { CalendarDeclaration, HolidayFileStatement, HolidaySetStatement } from '../../language/syntax/ast.js';
import type { ServiceDocument } from './document.js';
import { holidayCodeName } from './holiday-code-items.js';

/**
 * `holidays "DE-BE"`: what the code stands for, then the calendar's
 * holidays this year and next (every source merged, as the clock counts
 * them). Without a model (the file has errors), the code's own public
 * holidays.
 */
export function describeHolidaySet(document: ServiceDocument, calendar: CalendarDeclaration, statement: HolidaySetStatement): string {
  const code = statement.code?.value ?? '';
  const description = describeHolidayCode(code);
  if (!description) return `**holidays "${code}"**: not a country or subdivision code the holiday data set knows.`;
  const heading = `**holidays "${code}"**: the public holidays of ${holidayCodeName(description)}, every year (from the \`date-holidays\` data set).`;
  const model = calendarModel(document, calendar);
  const year = yearOf(document.now(), model?.timezone);
  if (model) return `${heading}\n\n${holidayTables(model, year)}`;
  const tables = [year, year + 1].map((y) => table(y, publicHolidaysOfCode(code, y).map((h) => ({ date: h.date, name: h.name, source: 'country', from: code }))));
  return `${heading}\n\n${tables.join('\n\n')}`;
}

/** `holidays from "days.ics"`: the file, then the calendar's holidays this year and next. */
export function describeHolidayFile(document: ServiceDocument, calendar: CalendarDeclaration, statement: HolidayFileStatement): string {
  const path = statement.path?.value ?? '';
  const heading = `**holidays from "${path}"**: every all-day event of this iCalendar file is a holiday; recurring events recur.`;
  const model = calendarModel(document, calendar);
  if (!model) return `${heading}\n\n(Fix the file's errors to see the holidays it gives.)`;
  return `${heading}\n\n${holidayTables(model, yearOf(document.now(), model.timezone))}`;
}

/** The holidays of a calendar for `year` and the year after, as Markdown tables, or a note when it has none. */
export function holidayTables(calendar: CalendarModel, year: number): string {
  let years: { year: number; holidays: ListedHoliday[] }[];
  try {
    years = holidaysOfYears(calendar, year);
  } catch {
    return '(Its holidays cannot be listed until the calendar\'s errors are fixed.)';
  }
  if (years.every((y) => y.holidays.length === 0)) return `No holidays in ${year} or ${year + 1}.`;
  return years.map((y) => table(y.year, y.holidays)).join('\n\n');
}

/** The calendar's holidays this year and next, for a hover on its name. */
export function calendarHolidaysSection(document: ServiceDocument, calendar: CalendarModel): string {
  const hasHolidays =
    calendar.holidays.length + calendar.annualHolidays.length + calendar.holidaySets.length + calendar.holidayFiles.length > 0;
  return hasHolidays ? holidayTables(calendar, yearOf(document.now(), calendar.timezone)) : '';
}

const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short' });

function table(year: number, holidays: ListedHoliday[]): string {
  if (holidays.length === 0) return `**${year}**: no holidays.`;
  const rows = holidays.map((h) => `| ${h.date} | ${weekdayOf(h.date)} | ${escapeCell(h.name)} | ${hoursText(h)} |`);
  return [`**${year}**`, '', '| Date | Day | Holiday | Open |', '|---|---|---|---|', ...rows].join('\n');
}

function weekdayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return weekday.format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** `closed`, or the short day's hours (`08:00-12:00`), or `until 14:00` for a holiday that starts mid-day. */
function hoursText(holiday: ListedHoliday): string {
  if (holiday.hours) return holiday.hours.length === 0 ? 'closed' : holiday.hours.map(rangeText).join(', ');
  if (holiday.closedFrom !== undefined) return `until ${clock(holiday.closedFrom)}`;
  return 'closed';
}

function rangeText(range: MinuteRange): string {
  return `${clock(range.start)}-${clock(range.end > 1440 ? range.end - 1440 : range.end)}`;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function calendarModel(document: ServiceDocument, calendar: CalendarDeclaration): CalendarModel | undefined {
  const model = document.analysis.model as AgreementModel | undefined;
  return model?.calendars?.find((c) => c.name === calendar.name?.text);
}

/** The year of an instant in a time zone (UTC when there is none or it is unknown). */
export function yearOf(instant: number, zone: string | undefined): number {
  try {
    return Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone ?? 'UTC', year: 'numeric' }).format(instant));
  } catch {
    return new Date(instant).getUTCFullYear();
  }
}
