import { describeHolidayCode as describeCode } from '../../language/holidays/holiday-codes.js';
import type { AnnualHolidayModel, CalendarModel, HolidayModel, MinuteRange } from '../../language/model/model.js';
import { clockTime, isoWeekday, joinWithAnd, spellDateWithWeekday, spellRanges } from '../english.js';
import { curlHolidayName } from './apostrophes.js';
import type { DocumentContext } from './context.js';
import { emphasis, list, paragraph, strong, table, type Block } from './document.js';
import { hasHolidayRules, hasHolidays, type YearHoliday } from './holiday-dates.js';


const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

// English country names that read with "the" when they stand alone.
const NEEDS_ARTICLE = /^(United |Republic |Dominican Republic|Czech Republic|Central African|Netherlands|Philippines|Bahamas|Maldives|Seychelles|Comoros|Gambia|Marshall Islands|Solomon Islands|Faroe Islands|Cayman Islands|Isle of Man|Vatican)/;

/** `DE-BE` -> `Berlin, Germany`; `DE-BY-A` -> `Stadt Augsburg, Bayern, Germany`; `US` -> `the United States of America`, in the data set's English names. */
export function describeHolidayCode(code: string): string {
  const description = describeCode(code);
  if (!description) return code;
  if (description.subdivision) return [description.region, description.subdivision, description.country].filter((part) => part !== undefined).join(', ');
  return NEEDS_ARTICLE.test(description.country) ? `the ${description.country}` : description.country;
}

/** `24 December` for `12-24`. */
export function spellMonthDay(monthDay: string): string {
  const [month, day] = monthDay.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]}`;
}

/** `closed` or `open 08:00–12:00 only`. */
function spellHolidayHours(holiday: { hours?: HolidayModel['hours'] }): string {
  return holiday.hours ? `open ${spellRanges(holiday.hours)} only` : 'closed';
}

/** `every 24 December, open 08:00–12:00 only (Christmas Eve)`. */
export function annualLine(holiday: AnnualHolidayModel): string {
  return `every ${spellMonthDay(holiday.monthDay)}, ${spellHolidayHours(holiday)} (${holiday.name})`;
}

/** `Friday 4 June 2027, closed (Company day)`. */
export function datedLine(holiday: HolidayModel): string {
  return `${spellDateWithWeekday(holiday.date)}, ${spellHolidayHours(holiday)} (${holiday.name})`;
}

/** The country sets and files in one phrase: `the public holidays of Berlin, Germany (...) and the all-day events of x.ics (...)`. */
function recurringSources(calendar: CalendarModel): string[] {
  const sources: string[] = [];
  const sets = calendar.holidaySets ?? [];
  if (sets.length > 0) {
    const places = sets.map(describeHolidayCode);
    sources.push(
      `the public holidays of ${joinWithAnd(places)}, every year, as published in the date-holidays data set (including the substitute days it lists)`,
    );
  }
  for (const file of calendar.holidayFiles ?? []) {
    sources.push(`the all-day events of the calendar file ${file.path}, on every day a recurring event recurs`);
  }
  return sources;
}

/** What the rule sources are called in the precedence sentence. */
function recurringSourceNames(calendar: CalendarModel): string {
  const names: string[] = [];
  if ((calendar.holidaySets ?? []).length > 0) names.push('the public holidays');
  for (const file of calendar.holidayFiles ?? []) names.push(`the events of ${file.path}`);
  return joinWithAnd(names);
}

/**
 * One sentence on which holiday wins when several fall on the same day, only
 * when lines of different rank are present (LANGUAGE.md 1.1: a dated line,
 * then a yearly line, then the files and country sets).
 */
export function precedenceSentence(calendar: CalendarModel): string | undefined {
  const ranks: string[] = [];
  if (calendar.holidays.length > 0) ranks.push('a dated line');
  if ((calendar.annualHolidays ?? []).length > 0) ranks.push('a yearly line');
  if ((calendar.holidaySets ?? []).length > 0 || (calendar.holidayFiles ?? []).length > 0) ranks.push(recurringSourceNames(calendar));
  if (ranks.length < 2) return undefined;
  const steps = ranks.slice(1).map((lower, index) => (index === 0 ? `${ranks[0]} wins over ${lower}` : `${ranks[index]} over ${lower}`));
  return `When more than one of these falls on the same day, only one applies: ${steps.join(', and ')}.`;
}

/** The two years the informative table lists: the effective year and the next. */
export function informativeYears(context: DocumentContext): number[] {
  const effective = context.model.agreement?.effective;
  if (!effective) return [];
  const year = Number(effective.slice(0, 4));
  return [year, year + 1];
}

const minutesOf = (ranges: readonly MinuteRange[]): number => ranges.reduce((sum, range) => sum + range.end - range.start, 0);

/**
 * A holiday with hours is a short day only when it is open for fewer minutes
 * than its weekday usually is: one that opens longer, or on a day the
 * calendar is otherwise closed, is not short, and calling it so would
 * contradict the hours printed beside it.
 */
function isShortDay(calendar: CalendarModel, holiday: { date: string; hours: readonly MinuteRange[] }): boolean {
  return minutesOf(holiday.hours) < minutesOf(calendar.weekly[isoWeekday(holiday.date)] ?? []);
}

/** `Closed`, `Short day: 08:00–12:00`, `Open 07:00–20:00`, `Closed from 14:00`. */
function spellTableHours(calendar: CalendarModel, holiday: YearHoliday): string {
  if (holiday.hours) {
    const hours = spellRanges(holiday.hours);
    return isShortDay(calendar, { date: holiday.date, hours: holiday.hours }) ? `Short day: ${hours}` : `Open ${hours}`;
  }
  if (holiday.closedFrom !== undefined) return `Closed from ${clockTime(holiday.closedFrom)}`;
  return 'Closed';
}

function informativeTable(calendar: CalendarModel, rows: YearHoliday[]): Block {
  return table(
    ['Date', 'Holiday', 'Hours'],
    rows.map((holiday) => [spellDateWithWeekday(holiday.date), curlHolidayName(holiday.name), spellTableHours(calendar, holiday)]),
  );
}

/** The sentence before a list of dated lines, which is itself the rule. */
function datedHolidaysIntro(calendar: CalendarModel): string {
  const withHours = calendar.holidays.flatMap((holiday) => (holiday.hours ? [{ date: holiday.date, hours: holiday.hours }] : []));
  if (withHours.length === 0) return 'The calendar is closed on the following holidays:';
  const allShort = withHours.every((holiday) => isShortDay(calendar, holiday));
  return `On the following holidays the calendar is closed, or open only for the ${allShort ? 'short ' : ''}hours shown:`;
}

/** Dated lines only: the list of dates is itself the rule, as in language 1.0. */
function datedHolidayBlocks(calendar: CalendarModel): Block[] {
  return [paragraph(datedHolidaysIntro(calendar)), informativeTable(calendar, calendar.holidays), ...overnightBlocks(calendar)];
}

/** Whether some weekly or holiday hours of the calendar run past midnight (`20:00–02:00 (next day)`). */
function hasOvernightHours(calendar: CalendarModel): boolean {
  const holidayHours = [...calendar.holidays, ...(calendar.annualHolidays ?? [])].flatMap((holiday) => holiday.hours ?? []);
  return [...calendar.weekly.flat(), ...holidayHours].some((range) => range.end > 1440);
}

/**
 * The clock counts hours that run past midnight on the day they start
 * (SEMANTICS.md): a Saturday listed as "Open 09:00–13:00" is also open
 * 00:00–02:00 when Friday's hours are 20:00–02:00, and a closed Friday
 * closes them to 02:00. The table shows each day's own hours only, so the
 * rule is stated beside it, where a reader of a holiday's row looks.
 */
function overnightBlocks(calendar: CalendarModel): Block[] {
  if (!hasOvernightHours(calendar)) return [];
  return [
    paragraph(
      'Open hours that run past midnight (marked “next day”) belong to the day on which they start: a holiday on that day closes them, or replaces them with its own hours, also after midnight, and a holiday on the next day leaves the part of them that runs into it open.',
    ),
  ];
}

/**
 * A calendar's holidays: the rules as the agreement states them (country
 * sets, files, yearly and dated lines), which one wins on a shared day, and
 * an informative table of the dates they give in the effective year and the
 * next. Without an effective date there is no year to list, so no table:
 * the document never depends on the day it is compiled.
 */
export function holidayBlocks(context: DocumentContext, calendar: CalendarModel): Block[] {
  if (!hasHolidays(calendar)) return [];
  if (!hasHolidayRules(calendar)) return datedHolidayBlocks(calendar);
  const blocks: Block[] = [];
  const sources = recurringSources(calendar);
  if (sources.length > 0) {
    blocks.push(paragraph('The ', strong(calendar.name), ` calendar is closed on ${joinWithAnd(sources)}.`));
  }
  const named = <T extends { name: string }>(holiday: T): T => ({ ...holiday, name: curlHolidayName(holiday.name) });
  const lines = [...(calendar.annualHolidays ?? []).map(named).map(annualLine), ...calendar.holidays.map(named).map(datedLine)];
  if (lines.length > 0) {
    blocks.push(
      sources.length > 0 ? paragraph('It also has these holidays:') : paragraph('The ', strong(calendar.name), ' calendar has these holidays:'),
      list(lines),
    );
  }
  const precedence = precedenceSentence(calendar);
  if (precedence) blocks.push(paragraph(precedence));
  const years = informativeYears(context);
  if (years.length > 0) {
    const rows = years.flatMap((year) => context.listHolidays(calendar, year));
    blocks.push(
      paragraph(
        emphasis(
          `For information only: the holidays these rules give in ${joinWithAnd(years.map(String))}. Where this table and the rules above differ, the rules govern.`,
        ),
      ),
      informativeTable(calendar, rows),
    );
  }
  blocks.push(...overnightBlocks(calendar));
  return blocks;
}
