import type { AgreementModel, CalendarModel } from '../../language/model/model.js';
import { spellRanges, WEEKDAYS } from '../english.js';
import { pastMidnightNote } from './business-days.js';
import { calendarTerm, isAroundTheClock, isTicketMetric, spellZone, type DocumentContext } from './context.js';
import { paragraph, section, strong, table, type Block, type Section } from './document.js';
import { holidayBlocks } from './holidays.js';

export { spellRange, spellRanges } from '../english.js';

/**
 * The week in one phrase, grouping neighbouring days with the same hours:
 * `Monday to Thursday 08:00–12:00 and 13:00–17:00, and Friday 08:00–14:00`.
 */
export function summarizeWeek(calendar: CalendarModel): string {
  if (isAroundTheClock(calendar)) return 'every day, around the clock';
  const groups: { first: number; last: number; hours: string }[] = [];
  for (let day = 1; day <= 7; day += 1) {
    const ranges = calendar.weekly[day] ?? [];
    if (ranges.length === 0) continue;
    const hours = spellRanges(ranges);
    const previous = groups[groups.length - 1];
    if (previous && previous.last === day - 1 && previous.hours === hours) previous.last = day;
    else groups.push({ first: day, last: day, hours });
  }
  const phrases = groups.map(({ first, last, hours }) => {
    const days =
      first === last ? WEEKDAYS[first] : `${WEEKDAYS[first]} ${last === first + 1 ? 'and' : 'to'} ${WEEKDAYS[last]}`;
    return first === 1 && last === 7 && hours === '00:00–24:00' ? 'every day, around the clock' : `${days} ${hours}`;
  });
  if (phrases.length === 2) return `${phrases[0]}, and ${phrases[1]}`;
  return phrases.length > 2 ? `${phrases.slice(0, -1).join('; ')}; and ${phrases[phrases.length - 1]}` : phrases.join('');
}

function weeklyTable(context: DocumentContext, calendar: CalendarModel): Block {
  const rows = [1, 2, 3, 4, 5, 6, 7].map((day) => {
    const ranges = calendar.weekly[day] ?? [];
    return [WEEKDAYS[day]!, ranges.length === 0 ? 'Closed' : spellRanges(ranges)];
  });
  return table(['Day', `Hours, ${spellZone(context, calendar.timezone)}`], rows);
}

function calendarSection(context: DocumentContext, calendar: CalendarModel): Section {
  const blocks: Block[] = [
    paragraph(
      strong(calendarTerm(calendar.name)),
      ` are the open hours of the ${calendar.name} calendar: ${summarizeWeek(calendar)}, ${spellZone(context, calendar.timezone)}.`,
    ),
  ];
  if (!isAroundTheClock(calendar)) blocks.push(weeklyTable(context, calendar));
  const pastMidnight = pastMidnightNote(context.model, calendar);
  if (pastMidnight) blocks.push(paragraph(pastMidnight));
  for (const block of holidayBlocks(context, calendar)) blocks.push(block); // not push(...): a holiday file may list 100,000s
  return section(calendarTerm(calendar.name), blocks);
}

const LOCAL_TIME = 'including changes between standard and daylight saving time.';

/**
 * Which clocks the calendars run, naming only those the agreement has: an
 * agreement without a ticket service level has no clock that a service level
 * names (its calendars may only staff channels or schedule availability).
 */
function clocksSentence(context: DocumentContext): string {
  const { model } = context;
  if (model.metrics.some(isTicketMetric)) {
    return `The clocks of the Agreement run only during the hours of the calendar each service level names. Times are local to the calendar’s time zone, ${LOCAL_TIME}`;
  }
  const escalation = escalatesOnClock(model) ? 'Escalation times are counted only during the hours of the calendar the escalation names. ' : '';
  return `${escalation}Times are local to the time zone of each calendar, ${LOCAL_TIME}`;
}

/** True when an escalation level is timed on the escalation's own calendar (`after DURATION`). */
function escalatesOnClock(model: AgreementModel): boolean {
  return model.escalation?.clock !== undefined && model.escalation.levels.some((level) => level.trigger.kind === 'after');
}

/** Section "Service Hours": each calendar's weekly hours and holidays; none without a calendar. */
export function serviceHoursSection(context: DocumentContext): Section | undefined {
  if (context.model.calendars.length === 0) return undefined;
  const intro = paragraph(`${clocksSentence(context)} Ranges include their start and exclude their end.`);
  return section('Service Hours', [intro], context.model.calendars.map((calendar) => calendarSection(context, calendar)));
}
