import { DateTime } from 'luxon';
import type { CalendarModel, Measure, MetricModel } from '../../language/model/model.js';
import { createEvaluationContext, evaluateTicket } from '../../runtime/evaluate/index.js';
import type { TicketEvent } from '../../runtime/log/events.js';
import { clockTime, joinWithAnd, lowerFirst, spellDateWithWeekday, spellTimeZone, withArticle } from '../english.js';

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
import { allowanceTable, downtimeAllowances } from './availability.js';
import { isAroundTheClock, isTicketMetric, type DocumentContext } from './context.js';
import { list, paragraph, section, type Block, type Section } from './document.js';
import { PERIOD_NOUNS } from './service-levels.js';

/** A moment chosen to show how the clocks behave, as a local date and time of one calendar. */
interface ExampleMoment {
  date: string;
  minutes: number;
  why: string;
}

const DUE_PHRASES: Record<Exclude<Measure, 'uptime'>, string> = {
  firstResponse: 'a first response',
  firstEstimate: 'a resolution estimate',
  resolution: 'resolution',
  updateInterval: 'its first update',
  nextReply: 'a reply',
};

// Examples far enough ahead that every target has come due, yet within the calendar's reach.
const AS_OF_AFTER_MS = 400 * 24 * 3600_000;

function isHoliday(calendar: CalendarModel, date: string): boolean {
  return calendar.holidays.some((holiday) => holiday.date === date);
}

/** 90 minutes before the day's last close, so the example straddles the close; 16:30 when that is not defined. */
function afternoonOf(calendar: CalendarModel, date: string): number {
  if (isAroundTheClock(calendar)) return 16 * 60 + 30;
  const weekday = DateTime.fromISO(date, { zone: 'UTC' }).weekday;
  const ranges = calendar.weekly[weekday] ?? [];
  const last = ranges[ranges.length - 1];
  return last ? Math.max(last.start, Math.min(last.end, 1440) - 90) : 16 * 60 + 30;
}

/** A Friday afternoon, and the afternoon before the first holiday on an open weekday that follows an open day. */
export function exampleMoments(calendar: CalendarModel, effective: string): ExampleMoment[] {
  const moments: ExampleMoment[] = [];
  let day = DateTime.fromISO(effective, { zone: 'UTC' });
  for (let tries = 0; tries < 400 && (day.weekday !== 5 || isHoliday(calendar, day.toISODate()!)); tries += 1) {
    day = day.plus({ days: 1 });
  }
  moments.push({ date: day.toISODate()!, minutes: afternoonOf(calendar, day.toISODate()!), why: 'on a Friday afternoon' });
  for (const holiday of calendar.holidays) {
    if (holiday.date <= effective) continue;
    // A holiday on a day the calendar is closed anyway shows nothing.
    const day = DateTime.fromISO(holiday.date, { zone: 'UTC' });
    if ((calendar.weekly[day.weekday] ?? []).length === 0) continue;
    const before = day.minus({ days: 1 });
    const beforeDate = before.toISODate()!;
    if ((calendar.weekly[before.weekday] ?? []).length === 0 || isHoliday(calendar, beforeDate)) continue;
    moments.push({ date: beforeDate, minutes: afternoonOf(calendar, beforeDate), why: `the working day before ${holiday.name}` });
    break;
  }
  return moments;
}

/** `Monday 23 November 2026 at 08:50` in the zone. */
export function spellInstant(instant: number, zone: string): string {
  const local = DateTime.fromMillis(instant, { zone });
  return `${spellDateWithWeekday(local.toISODate()!)} at ${local.toFormat('HH:mm')}`;
}

/** The calendar examples are told in: the first ticket metric clock with business hours, else the first. */
function exampleCalendar(context: DocumentContext): CalendarModel | undefined {
  const clocks = context.model.metrics.filter(isTicketMetric).map((metric) => metric.clock);
  const calendars = clocks.map((name) => context.model.calendars.find((calendar) => calendar.name === name));
  return calendars.find((calendar) => calendar && !isAroundTheClock(calendar)) ?? calendars[0];
}

function dueSentences(context: DocumentContext, moment: ExampleMoment, zone: string): string[] {
  const evaluation = createEvaluationContext(context.model);
  const [year, month, day] = moment.date.split('-').map(Number);
  const opened = DateTime.fromObject(
    { year, month, day, hour: Math.floor(moment.minutes / 60), minute: moment.minutes % 60 },
    { zone },
  ).toMillis();
  const ticketMetrics = context.model.metrics.filter(isTicketMetric) as (MetricModel & { measures: Exclude<Measure, 'uptime'> })[];
  return context.model.severities.map((severity) => {
    const created: TicketEvent = { ticket: 'EXAMPLE', time: opened, event: 'created', severity: severity.name, line: 1, seq: 0 };
    const verdict = evaluateTicket(evaluation, [created], opened + AS_OF_AFTER_MS);
    const dues = ticketMetrics.flatMap((metric) => {
      const due = verdict.metrics[metric.name]?.due;
      if (due === undefined || due === null) return [];
      const phrase = DUE_PHRASES[metric.measures];
      const title = lowerFirst(metric.title);
      const named = phrase.replace(/^(a|its first) /, '') === title ? phrase : `${phrase} (${title})`;
      return [`${named} by ${spellInstant(due, zone)}`];
    });
    const opening = `${capitalize(withArticle(severity.name))} ticket opened ${spellDateWithWeekday(moment.date)} at ${clockTime(moment.minutes)}`;
    return dues.length === 0 ? `${opening} has no target.` : `${opening} is due for ${joinWithAnd(dues)}.`;
  });
}

/** Appendix A: worked examples computed by the runtime that `slac check` uses. */
export function workedExamplesAppendix(context: DocumentContext): Section | undefined {
  const effective = context.model.agreement?.effective ?? '2026-01-01';
  const calendar = exampleCalendar(context);
  const subsections: Section[] = [];
  if (calendar) {
    for (const moment of exampleMoments(calendar, effective)) {
      const blocks: Block[] = [
        paragraph(
          `Times are ${spellTimeZone(calendar.timezone)}. A ticket is opened ${moment.why} and nothing else happens to it:`,
        ),
        list(dueSentences(context, moment, calendar.timezone)),
      ];
      subsections.push(section(`A ticket opened ${moment.why}`, blocks));
    }
  }
  for (const metric of context.model.metrics.filter((candidate) => candidate.measures === 'uptime' && candidate.objective)) {
    const allowances = downtimeAllowances(context, metric);
    if (allowances.length === 0) continue;
    const noun = PERIOD_NOUNS[metric.objective!.period];
    subsections.push(
      section(`Downtime allowed by ${lowerFirst(metric.title)}`, [
        paragraph(
          `Scheduled time on the ${metric.clock} calendar and the Downtime the objective allows in each ${noun} of the first year${metric.excludingMaintenance ? ', before any Scheduled Maintenance is deducted' : ''}:`,
        ),
        allowanceTable(allowances, noun),
      ]),
    );
  }
  if (subsections.length === 0) return undefined;
  return section(
    'Worked Examples',
    [
      paragraph(
        'These examples are computed from this Agreement by the same rules that are used to check the service delivered. They illustrate the service levels and do not add to them.',
      ),
    ],
    subsections,
  );
}
