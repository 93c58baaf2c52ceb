/**
 * What a target of N Business Days means, as `slac check` computes it
 * (SEMANTICS.md, ticket metrics; runtime/clock/open-time.ts,
 * `closeOfNthOpenDay`): the close of the N-th open day after a local date.
 * Which date depends on the service level: the day the Ticket was opened for
 * most; the day of the Further Message that started the cycle for a next
 * reply (runtime/evaluate/verdict.ts, `cycleTargetsOf`); for an update
 * interval, the open time from the opening to that close, worked out once
 * and applied to every gap. Open hours that run past midnight belong to the
 * day they start, which the definition and the calendar's own section show
 * with that calendar's hours.
 */
import type { AgreementModel, CalendarModel, DurationModel, MetricModel } from '../../language/model/model.js';
import { clockTime, joinWithAnd, WEEKDAYS } from '../english.js';
import { calendarTerm, isTicketMetric } from './context.js';
import { hasHolidays } from './holiday-dates.js';

type TicketMeasure = Exclude<MetricModel['measures'], 'uptime'>;

function metricDurations(metric: MetricModel): DurationModel[] {
  return [...Object.values(metric.targets), ...(metric.defaultTarget ? [metric.defaultTarget] : []), ...metric.channelTargets.map((target) => target.duration)];
}

const inBusinessDays = (duration: DurationModel): boolean => duration.unit === 'businessDays';

/** True when the escalation has an `after N business days` level. */
function escalatesInBusinessDays(model: AgreementModel): boolean {
  return (model.escalation?.levels ?? []).some((level) => level.trigger.kind === 'after' && inBusinessDays(level.trigger.duration));
}

/** The ticket measures with a target in business days. */
function measuresInBusinessDays(model: AgreementModel): Set<TicketMeasure> {
  const measures = new Set<TicketMeasure>();
  for (const metric of model.metrics) {
    if (metric.measures !== 'uptime' && metricDurations(metric).some(inBusinessDays)) measures.add(metric.measures);
  }
  return measures;
}

/** True when some ticket target or escalation level is counted in business days. */
export function usesBusinessDays(model: AgreementModel): boolean {
  return measuresInBusinessDays(model).size > 0 || escalatesInBusinessDays(model);
}

/** The calendars that a target or escalation in business days runs on, in declaration order. */
function businessDayCalendars(model: AgreementModel): CalendarModel[] {
  const names = new Set(model.metrics.filter((metric) => metricDurations(metric).some(inBusinessDays)).map((metric) => metric.clock));
  if (escalatesInBusinessDays(model) && model.escalation?.clock) names.add(model.escalation.clock);
  return model.calendars.filter((calendar) => names.has(calendar.name));
}

/** The weekdays (1 = Monday) whose last open hours run past midnight. */
function overnightDays(calendar: CalendarModel): number[] {
  return [1, 2, 3, 4, 5, 6, 7].filter((day) => {
    const ranges = calendar.weekly[day] ?? [];
    return (ranges[ranges.length - 1]?.end ?? 0) > 1440;
  });
}

/**
 * One of the calendar's overnight shifts in words, preferring one that ends
 * on a day with no hours of its own, the case a reader is likeliest to
 * misread: `the Night Desk Hours from Thursday 22:00 to Friday 06:00 make
 * Thursday a Business Day, which closes at 06:00 on Friday, and Friday, with
 * no open hours starting on it, is not one`. Undefined without one.
 */
function overnightExample(calendar: CalendarModel, hoursName: string): string | undefined {
  const days = overnightDays(calendar);
  const nextOf = (day: number): number => (day % 7) + 1;
  const day = days.find((candidate) => (calendar.weekly[nextOf(candidate)] ?? []).length === 0) ?? days[0];
  if (day === undefined) return undefined;
  const ranges = calendar.weekly[day]!;
  const last = ranges[ranges.length - 1]!;
  const [today, tomorrow] = [WEEKDAYS[day]!, WEEKDAYS[nextOf(day)]!];
  const shift = `${hoursName} from ${today} ${clockTime(last.start)} to ${tomorrow} ${clockTime(last.end)}`;
  const close = `which closes at ${clockTime(last.end)} on ${tomorrow}`;
  return (calendar.weekly[nextOf(day)] ?? []).length === 0
    ? `${shift} make ${today} a Business Day, ${close}, and ${tomorrow}, with no open hours starting on it, is not one`
    : `${shift} belong to ${today}, ${close}`;
}

/** `Open hours that run past midnight belong to the day on which they start`, with each such calendar's example. */
function pastMidnightSentence(model: AgreementModel): string {
  const examples = businessDayCalendars(model).flatMap((calendar) => overnightExample(calendar, `the ${calendarTerm(calendar.name)}`) ?? []);
  return `Open hours that run past midnight belong to the day on which they start${examples.length > 0 ? `: ${joinWithAnd(examples)}` : ''}.`;
}

/** What N Business Days count from, one sentence per kind of service level the agreement states them for. */
function countedFromSentences(model: AgreementModel): string[] {
  const measures = measuresInBusinessDays(model);
  const targetsFromOpening = ['firstResponse', 'firstEstimate', 'resolution'].some((measure) => measures.has(measure as TicketMeasure));
  const sentences: string[] = [];
  if (measures.has('nextReply')) {
    sentences.push(
      'A target of N Business Days for the answer to a Further Message falls due at the close of the N-th Business Day after the day of that message (or of the earliest of several messages not yet answered), not after the day the Ticket was opened.',
    );
  }
  if (measures.has('updateInterval')) {
    sentences.push(
      'A target of N Business Days for an Update Interval is worked out once, from the day the Ticket was opened: each Update Interval of the Ticket, including one that starts at an update by the Provider, may last no more open hours than there are from the opening of the Ticket to the close of the N-th Business Day after that day.',
    );
  }
  if (targetsFromOpening) {
    sentences.push(`${sentences.length > 0 ? 'Any other target' : 'A target'} of N Business Days falls due at the close of the N-th Business Day after the day the Ticket was opened.`);
  } else if (escalatesInBusinessDays(model)) {
    // Only an escalation counts Business Days from the opening: it has levels, not targets (its targets may be in hours).
    sentences.push('An escalation level of N Business Days falls due at the close of the N-th Business Day after the day the Ticket was opened.');
  }
  return sentences;
}

/**
 * Whose day the count starts from: `slac check` takes the date in the calendar's time zone (`closeOfNthOpenDay`),
 * so a Ticket opened at 23:30 UTC on a Monday under a Berlin calendar was opened on Tuesday. A party in another
 * time zone would otherwise count from its own date, a day early or late.
 */
function timeZoneSentence(model: AgreementModel): string {
  const measures = measuresInBusinessDays(model);
  const fromOpening = escalatesInBusinessDays(model) || [...measures].some((measure) => measure !== 'nextReply');
  const days = [
    ...(fromOpening ? ['the day a Ticket was opened is the date there when it was opened'] : []),
    ...(measures.has('nextReply') ? ['the day of a Further Message is the date there when it was sent'] : []),
  ];
  return `Business Days are counted in the calendar’s time zone: ${joinWithAnd(days)}, whatever the time zone of either party.`;
}

/** The meaning of the defined term Business Day, for the agreement's targets in business days. */
export function businessDayMeaning(model: AgreementModel): string {
  // Holidays are spoken of only when a calendar counted in Business Days has some: otherwise the sentence would promise rules the agreement does not have.
  const opening = businessDayCalendars(model).some(hasHolidays)
    ? 'means, for a calendar, a day on which that calendar has open hours after its holidays are applied: a holiday on which the calendar is closed all day is not a Business Day, and a holiday on which it is open for short hours is one.'
    : 'means, for a calendar, a day on which that calendar has open hours.';
  return [
    opening,
    pastMidnightSentence(model),
    'The close of a Business Day is the end of its last open hours.',
    ...countedFromSentences(model),
    amountSentence(model),
    timeZoneSentence(model),
  ]
    .filter((sentence) => sentence !== '')
    .join(' ');
}

/**
 * What N Business Days amount to, as `slac check` counts them (SEMANTICS.md, Ticket metrics): the open time
 * from the start to the N-th close, so a pause moves the due instant past that close by the open time paused.
 * Without it a reader holds the Provider to the close itself.
 */
function amountSentence(model: AgreementModel): string {
  // An Update Interval's amount is stated on its own, from the opening of the Ticket (countedFromSentences).
  const measures = measuresInBusinessDays(model);
  const others = escalatesInBusinessDays(model) || [...measures].some((measure) => measure !== 'updateInterval');
  // A next reply's close follows the day of each Further Message: beside another service level's sentence, 'that close'
  // would read as the close named last (after the day the Ticket was opened).
  const close = measures.has('nextReply') && countedFromSentences(model).length > 1 ? 'the close at which they fall due' : 'that close';
  const amount = others ? `${measures.has('updateInterval') ? 'Any other' : ''} N Business Days amount to the open hours from the moment the clock starts to ${close}.`.trimStart() : '';
  // Paused Time is defined only for the agreement's pauses; a service level's own pauses are named without it.
  // Only the pauses of what is counted in Business Days move their due: `pause never` moves nothing, and an
  // escalation's clock stops for the agreement's pauses (runtime/evaluate/escalation.ts).
  const counted = model.metrics.filter((metric) => isTicketMetric(metric) && metricDurations(metric).some(inBusinessDays));
  const ownPauses = counted.some((metric) => (metric.pause?.statuses.length ?? 0) > 0);
  const agreementPauses = escalatesInBusinessDays(model) || counted.some((metric) => metric.pause === undefined);
  const moved =
    model.pause.statuses.length > 0 && agreementPauses
      ? 'Paused Time moves the time N Business Days fall due later by the open hours paused.'
      : ownPauses
        ? 'Time during which a service level’s clock stops for a Ticket’s status moves the time N Business Days fall due later by the open hours stopped.'
        : '';
  return [amount, moved].filter((sentence) => sentence !== '').join(' ');
}

/**
 * Under a calendar's hours, when a target in business days runs on it and it
 * has hours past midnight: the day those hours count for.
 */
export function pastMidnightNote(model: AgreementModel, calendar: CalendarModel): string | undefined {
  if (!businessDayCalendars(model).includes(calendar)) return undefined;
  const example = overnightExample(calendar, 'the hours');
  return example && `For a target in Business Days, open hours that run past midnight belong to the day on which they start: ${example}.`;
}
