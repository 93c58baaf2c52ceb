import type { AgreementModel, CalendarModel, DurationModel, MetricModel, TextValue } from '../../language/model/model.js';
import { findCalendar } from '../../language/model/model.js';
import { plural, spellTimeZone } from '../english.js';
import { text, type Span } from './document.js';
import type { HolidayLister } from './holiday-dates.js';
import { isAroundTheClock } from '../../language/model/around-the-clock.js';
import { ownValue } from '../../language/model/own-keys.js';
import { hasTicketClocks, isTicketMeasure } from '../../language/model/ticket-clocks.js';

// Spelt in language/, where the checker also reads it (SLA3088); re-exported for the section builders.
export { calendarTerm } from '../../language/model/calendar-term.js';
// Spelt in language/, where `slac explain` also reads it; re-exported for the section builders.
export { isAroundTheClock } from '../../language/model/around-the-clock.js';

/** What every section builder reads: the model, the params given on the command line, and where holiday dates come from. */
export interface DocumentContext {
  model: AgreementModel;
  params: Readonly<Record<string, string>>;
  /** The holidays of a calendar in one year (the clock's source; tests may give their own). */
  listHolidays: HolidayLister;
  /** The document fingerprint (fingerprint.ts); absent in tests of single sections. */
  fingerprint?: string;
}

/** A literal, a filled param, or a visible blank with the param's placeholder. */
export function resolveText(context: DocumentContext, value: TextValue | undefined, fallback: string): Span {
  if (!value) return text(fallback);
  if (value.kind === 'text') return text(value.text);
  const filled = ownValue(context.params, value.param);
  if (filled !== undefined) return text(filled);
  const param = context.model.params.find((candidate) => candidate.name === value.param);
  return { kind: 'blank', placeholder: param?.placeholder ?? value.param };
}

/**
 * Names of the params the command line did not fill: those the document
 * uses, and every other declared one (a param no line names, SLA3100, is
 * still a blank to `--final` and keeps the document a draft).
 */
export function unfilledParams(model: AgreementModel, params: Readonly<Record<string, string>>): string[] {
  const used = [model.agreement?.provider, model.agreement?.client]
    .filter((value): value is Extract<TextValue, { kind: 'param' }> => value?.kind === 'param')
    .map((value) => value.param);
  const all = new Set([...used, ...model.params.map((param) => param.name)]);
  return [...all].filter((name) => ownValue(params, name) === undefined);
}

/** A calendar's zone in words, named as of the agreement's effective date (`Eastern Time (America/New_York)`). */
export function spellZone(context: Pick<DocumentContext, 'model'>, zone: string): string {
  return spellTimeZone(zone, context.model.agreement?.effective);
}

/** The calendar a metric's clock runs on. */
export function metricCalendar(context: Pick<DocumentContext, 'model'>, metric: MetricModel): CalendarModel | undefined {
  return findCalendar(context.model, metric.clock);
}

const UNIT_NOUNS: Record<DurationModel['unit'], string> = {
  minutes: 'minute',
  hours: 'hour',
  days: 'day',
  businessDays: 'Business Day',
  weeks: 'week',
  months: 'month',
};

/**
 * A duration as the agreement states it: `24 hours` around the clock,
 * `20 business minutes` on a calendar with business hours, and days and
 * weeks with the hours they count: `3 days (72 hours)`.
 */
export function spellDuration(duration: DurationModel, aroundTheClock: boolean): string {
  const spelt = spellDurationWords(duration, aroundTheClock);
  // A day is 24 hours and a week 168 (LANGUAGE.md, Durations), not a date: over a change of summer time `3 days`
  // before Sunday 10:00 is Thursday 11:00 or 09:00, which a reader counting dates would not see. The hours say it.
  const hoursEach = duration.unit === 'weeks' && !aroundTheClock ? undefined : HOURS_IN[duration.unit];
  return hoursEach === undefined ? spelt : `${spelt} (${plural(duration.amount * hoursEach, 'hour')})`;
}

/**
 * The words of `spellDuration` without the hours a day or week counts:
 * `slac explain` prints them beside its own figure of the time (`48h (2 days,
 * severity P1)`), and its words must be the document's.
 */
export function spellDurationWords(duration: DurationModel, aroundTheClock: boolean): string {
  // A week is 168 hours of the clock's open time (LANGUAGE.md, Durations): on business hours, some four
  // calendar weeks, which `1 business week` would hide. It is stated as the hours it counts.
  if (duration.unit === 'weeks' && !aroundTheClock) return plural(duration.amount * HOURS_A_WEEK, 'business hour');
  const noun = UNIT_NOUNS[duration.unit];
  const business = !aroundTheClock && ['minutes', 'hours'].includes(duration.unit);
  return plural(duration.amount, business ? `business ${noun}` : noun);
}

const HOURS_A_WEEK = 7 * 24;
const HOURS_IN: Partial<Record<DurationModel['unit'], number>> = { days: 24, weeks: HOURS_A_WEEK };

/** A metric's target for one severity, spelled for its clock. */
export function spellTarget(context: Pick<DocumentContext, 'model'>, metric: MetricModel, duration: DurationModel): string {
  return spellDuration(duration, isAroundTheClock(metricCalendar(context, metric)));
}

/** Every measure but uptime is counted per ticket. */
export function isTicketMetric(metric: MetricModel): boolean {
  return isTicketMeasure(metric.measures);
}

/** True when a clock runs on Tickets: a ticket service level, or an escalation level (the checker's condition for SLA3089). */
export function runsTicketClocks(model: AgreementModel): boolean {
  return hasTicketClocks(model.metrics.map((metric) => metric.measures), model.escalation?.levels.length ?? 0);
}

/** True when some ticket target is counted in business minutes, hours or weeks (a target on a calendar with closed time). */
export function usesBusinessTime(model: AgreementModel): boolean {
  return escalatesInBusinessTime(model) || model.metrics.filter(isTicketMetric).some((metric) => {
    if (isAroundTheClock(findCalendar(model, metric.clock))) return false;
    const durations = [...Object.values(metric.targets), ...(metric.defaultTarget ? [metric.defaultTarget] : []), ...metric.channelTargets.map((target) => target.duration)];
    return durations.some(countsBusinessTime);
  });
}

/** A duration in minutes, hours or weeks: on a calendar with closed time, it counts Business Time (days count Business Days). */
function countsBusinessTime(duration: DurationModel): boolean {
  return duration.unit === 'minutes' || duration.unit === 'hours' || duration.unit === 'weeks';
}

/** True when an escalation level is timed in business minutes, hours or weeks (an `after` on a calendar with closed time). */
export function escalatesInBusinessTime(model: AgreementModel): boolean {
  const escalation = model.escalation;
  return (
    escalation?.clock !== undefined &&
    !isAroundTheClock(findCalendar(model, escalation.clock)) &&
    escalation.levels.some((level) => level.trigger.kind === 'after' && countsBusinessTime(level.trigger.duration))
  );
}
