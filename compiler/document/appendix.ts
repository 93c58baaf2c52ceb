import { DateTime } from 'luxon';
import type { CalendarModel, Measure, MetricModel } from '../../language/model/model.js';
import { createEvaluationContext, evaluateTicket, type EvaluationContext } from '../../runtime/evaluate/index.js';
import type { TicketEvent } from '../../runtime/log/events.js';
import { clockTime, spellDateWithWeekday } from '../english.js';

import { curlHolidayName } from './apostrophes.js';
import { allowanceTable, downtimeAllowances, groupAllowances } from './availability.js';
import { calendarTerm, isAroundTheClock, isTicketMetric, spellZone, type DocumentContext } from './context.js';
import { mentionsService } from './definitions.js';
import type { YearHoliday } from './holiday-dates.js';
import { paragraph, section, table, type Block, type Section } from './document.js';
import { listedPeriods } from './periods.js';
import { PERIOD_NOUNS } from './service-levels.js';
import { ownValue } from '../../language/model/own-keys.js';

/** A moment chosen to show how the clocks behave, as a local date and time of one calendar. */
interface ExampleMoment {
  date: string;
  minutes: number;
  why: string;
}

const DUE_PHRASES: Record<Exclude<Measure, 'uptime'>, string> = {
  firstResponse: 'First Response',
  firstEstimate: 'Resolution Estimate',
  resolution: 'Resolution',
  updateInterval: 'First update',
  nextReply: 'Answer',
};

// Examples far enough ahead that every target has come due, yet within the calendar's reach.
const AS_OF_AFTER_MS = 400 * 24 * 3600_000;

/** 90 minutes before the day's last close, so the example straddles the close; 16:30 when that is not defined. */
function afternoonOf(calendar: CalendarModel, date: string, holidays: ReadonlyMap<string, YearHoliday>): number {
  if (isAroundTheClock(calendar)) return 16 * 60 + 30;
  const weekday = DateTime.fromISO(date, { zone: 'UTC' }).weekday;
  const ranges = holidays.get(date)?.hours ?? calendar.weekly[weekday] ?? [];
  const last = ranges[ranges.length - 1];
  return last ? Math.max(last.start, Math.min(last.end, 1440) - 90) : 16 * 60 + 30;
}

/** The calendar's holidays in the effective year and the next, by date, from the clock's source. */
function holidaysNear(context: DocumentContext, calendar: CalendarModel, effective: string): Map<string, YearHoliday> {
  const year = Number(effective.slice(0, 4));
  const listed = [year, year + 1].flatMap((candidate) => context.listHolidays(calendar, candidate));
  return new Map(listed.map((holiday) => [holiday.date, holiday]));
}

/**
 * A Friday afternoon that is not a holiday, and the afternoon before the
 * first holiday (after the effective date) on an open weekday that follows
 * an open working day. `holidays` holds the calendar's holidays by date.
 */
export function exampleMoments(calendar: CalendarModel, effective: string, holidays: ReadonlyMap<string, YearHoliday>): ExampleMoment[] {
  const moments: ExampleMoment[] = [];
  let day = DateTime.fromISO(effective, { zone: 'UTC' });
  for (let tries = 0; tries < 400 && (day.weekday !== 5 || holidays.has(day.toISODate()!)); tries += 1) {
    day = day.plus({ days: 1 });
  }
  moments.push({ date: day.toISODate()!, minutes: afternoonOf(calendar, day.toISODate()!, holidays), why: 'on a Friday afternoon' });
  const ordered = [...holidays.values()].sort((a, b) => a.date.localeCompare(b.date));
  for (const holiday of ordered) {
    if (holiday.date <= effective) continue;
    // A holiday on a day the calendar is closed anyway shows nothing.
    const day = DateTime.fromISO(holiday.date, { zone: 'UTC' });
    if ((calendar.weekly[day.weekday] ?? []).length === 0) continue;
    const before = day.minus({ days: 1 });
    const beforeDate = before.toISODate()!;
    if ((calendar.weekly[before.weekday] ?? []).length === 0 || holidays.has(beforeDate)) continue;
    moments.push({ date: beforeDate, minutes: afternoonOf(calendar, beforeDate, holidays), why: `the working day before ${curlHolidayName(holiday.name)}` });
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

/** The metrics whose due instants the examples show, in declaration order. */
type TicketMetric = MetricModel & { measures: Exclude<Measure, 'uptime'> };

function localInstant(moment: ExampleMoment, zone: string): number {
  const [year, month, day] = moment.date.split('-').map(Number);
  return DateTime.fromObject({ year, month, day, hour: Math.floor(moment.minutes / 60), minute: moment.minutes % 60 }, { zone }).toMillis();
}

/** `First response due` or `Resolution due (bug fix or workaround)`: the column for one metric. */
function dueHeader(metric: TicketMetric): string {
  const phrase = DUE_PHRASES[metric.measures];
  // The title as written: `Zendesk first reply` keeps its capital, as a lawyer reads the defined title.
  const title = metric.title;
  return phrase.toLowerCase() === title.toLowerCase() ? `${phrase} due` : `${phrase} due (${title})`;
}

const evaluations = new WeakMap<DocumentContext, EvaluationContext>();

/**
 * The runtime's view of the model, made once per document: it compiles
 * every calendar, and each example moment's tables asked for it again (on
 * an agreement of 140 calendars, most of the second SLA5005 takes on each
 * edit in the editor). The compiled calendars keep what they worked out.
 */
function evaluationOf(context: DocumentContext): EvaluationContext {
  let evaluation = evaluations.get(context);
  if (!evaluation) evaluations.set(context, (evaluation = createEvaluationContext(context.model)));
  return evaluation;
}

/**
 * A table of when each target falls due for a ticket of each severity opened
 * at the moment, as the runtime computes it: one row per severity level, one
 * column per service level.
 */
function dueTable(context: DocumentContext, moment: ExampleMoment, zone: string, channel: string | undefined): Block {
  const evaluation = evaluationOf(context);
  const opened = localInstant(moment, zone);
  // Nothing happens to these tickets after they open, so no Further Message starts a next-reply clock.
  const metrics = context.model.metrics.filter((metric) => isTicketMetric(metric) && metric.measures !== 'nextReply') as TicketMetric[];
  const rows = context.model.severities.map((severity) => {
    const created: TicketEvent = { ticket: 'EXAMPLE', time: opened, event: 'created', severity: severity.name, ...(channel === undefined ? {} : { channel }), line: 1, seq: 0 };
    const verdict = evaluateTicket(evaluation, [created], opened + AS_OF_AFTER_MS);
    const cells = metrics.map((metric) => {
      const due = ownValue(verdict.metrics, metric.name)?.due;
      return due === undefined || due === null ? 'No target' : spellInstant(due, zone);
    });
    return [severity.name, ...cells];
  });
  return table(['Severity Level', ...metrics.map(dueHeader)], rows);
}

const HOUR_MS = 3600_000;

/**
 * For the next-reply metrics: a ticket of each severity, answered once, gets
 * a Further Message at the moment; the runtime says when the answer is due.
 * The ticket opened two hours and was answered one hour before the message.
 */
function furtherMessageTable(context: DocumentContext, moment: ExampleMoment, zone: string, channel: string | undefined): Block | undefined {
  const metrics = context.model.metrics.filter((metric) => metric.measures === 'nextReply');
  if (metrics.length === 0) return undefined;
  const evaluation = evaluationOf(context);
  const message = localInstant(moment, zone);
  const rows = context.model.severities.map((severity) => {
    const events: TicketEvent[] = [
      { ticket: 'EXAMPLE', time: message - 2 * HOUR_MS, event: 'created', severity: severity.name, ...(channel === undefined ? {} : { channel }), line: 1, seq: 0 },
      { ticket: 'EXAMPLE', time: message - HOUR_MS, event: 'reply', author: 'agent', line: 2, seq: 1 },
      { ticket: 'EXAMPLE', time: message, event: 'reply', author: 'customer', line: 3, seq: 2 },
    ];
    const verdict = evaluateTicket(evaluation, events, message + AS_OF_AFTER_MS);
    return [
      severity.name,
      ...metrics.map((metric) => {
        const due = ownValue(verdict.metrics, metric.name)?.due;
        return due === undefined || due === null ? 'No target' : spellInstant(due, zone);
      }),
    ];
  });
  return table(['Severity Level', ...metrics.map((metric) => dueHeader(metric as TicketMetric))], rows);
}

/**
 * The channel the example Tickets are raised by, when some target depends on
 * the channel: every Ticket is raised by one, and a Ticket of no channel left
 * the reader to guess which row of the targets table the example follows
 * (hosting's P3 example showed 8 hours where an Email Ticket has 4). The
 * first channel with no target of its own, whose Tickets get the targets
 * for every channel; else the first channel.
 */
function exampleChannel(context: DocumentContext): string | undefined {
  const metrics = context.model.metrics.filter(isTicketMetric);
  if (!metrics.some((metric) => metric.channelTargets.length > 0)) return undefined;
  const targeted = new Set(metrics.flatMap((metric) => metric.channelTargets.map((target) => target.channel)));
  return (context.model.channels.find((channel) => !targeted.has(channel.name)) ?? context.model.channels[0])?.name;
}

/** Appendix A: worked examples computed by the runtime that `slac check` uses. */
export function workedExamplesAppendix(context: DocumentContext): Section | undefined {
  const effective = context.model.agreement?.effective ?? '2026-01-01';
  const calendar = exampleCalendar(context);
  const channel = exampleChannel(context);
  const raised = channel === undefined ? '' : ` raised by ${channel}`;
  const subsections: Section[] = [];
  if (calendar) {
    for (const moment of exampleMoments(calendar, effective, holidaysNear(context, calendar, effective))) {
      const when = `${spellDateWithWeekday(moment.date)} at ${clockTime(moment.minutes)}`;
      const times = `Times are ${spellZone(context, calendar.timezone)}.`;
      // An agreement whose only ticket metric is next reply has nothing due for a ticket left alone.
      const blocks: Block[] = context.model.metrics.some((metric) => isTicketMetric(metric) && metric.measures !== 'nextReply')
        ? [paragraph(`${times} A Ticket${raised} is opened ${when} and nothing else happens to it. Its targets fall due:`), dueTable(context, moment, calendar.timezone, channel)]
        : [paragraph(times)];
      const further = furtherMessageTable(context, moment, calendar.timezone, channel);
      if (further) {
        blocks.push(
          paragraph(
            channel === undefined
              ? `A Ticket opened two hours earlier and answered by the Provider an hour earlier receives a Further Message from the Client on ${when}. The answer falls due:`
              : `A Ticket${raised}, opened two hours earlier and answered by the Provider an hour earlier, receives a Further Message from the Client on ${when}. The answer falls due:`,
          ),
          further,
        );
      }
      subsections.push(section(`A Ticket opened ${moment.why}`, blocks));
    }
  }
  for (const metric of context.model.metrics.filter((candidate) => candidate.measures === 'uptime' && candidate.objective)) {
    const allowances = downtimeAllowances(context, metric);
    if (allowances.length === 0) continue;
    const noun = PERIOD_NOUNS[metric.objective!.period];
    const shared = groupAllowances(allowances).some((group) => group.periods.length > 1) ? ` ${noun.charAt(0).toUpperCase()}${noun.slice(1)}s with the same figures share a row.` : '';
    subsections.push(
      section(`Downtime allowed by ${metric.title}`, [
        paragraph(
          `Scheduled Time in ${calendarTerm(metric.clock)} and the Downtime the objective allows in ${listedPeriods(metric.objective!.period, noun)}${metric.excludingMaintenance ? ', before any Scheduled Maintenance is deducted' : ''}. Each allowance is rounded down to the second.${shared}`,
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
        `These examples are computed from the Agreement by the same rules that are used to check the ${mentionsService(context) ? 'Service' : 'service'} delivered. They illustrate the service levels and do not add to them.`,
      ),
    ],
    subsections,
  );
}
