import { targetFor, type MetricModel } from '../../language/model/model.js';
import { formatDuration, formatDurationBeside, formatInstant } from '../../runtime/clock/index.js';
import type { MetricRuns } from '../../runtime/evaluate/metric-runs.js';
import { elapsedMillis, instantReaching, toMinutes } from '../../runtime/evaluate/metric-clock.js';
import type { TicketTimeline as EvaluatedTimeline } from '../../runtime/evaluate/timeline.js';
import { decisiveClock, type MetricEvaluation, type MetricVerdict } from '../../runtime/evaluate/verdict.js';
import type { TicketEvent } from '../../runtime/log/events.js';
import { spellDurationWords } from '../../compiler/document/context.js';
import { clockBreakdown, formatWallTime } from './clock-breakdown.js';
import { viaChannel, type DraftEntry } from './event-entries.js';
import { spanStopEvent } from './span-stops.js';

/** One metric of one ticket, as the evaluator measured it. */
export interface MeasuredMetric {
  metric: MetricModel;
  runs: MetricRuns;
  evaluation: MetricEvaluation;
  /** The verdict `slac check` reports (the same numbers as `evaluation.verdict`). */
  verdict: MetricVerdict;
}

/** A metric's row of the verdicts table and its entries on the timeline. */
export interface MetricExplanation {
  reason: string;
  entries: DraftEntry[];
}

/** What one clock of a repeating metric is called: singular, plural. */
const SPAN_NOUN: Partial<Record<MetricModel['measures'], readonly [string, string]>> = {
  updateInterval: ['gap between updates', 'gaps between updates'],
  nextReply: ['reply cycle', 'reply cycles'],
};

const STOP_TEXT: Record<string, string> = {
  reply: 'the agent reply',
  estimate: 'the estimate',
  resolved: 'the resolution',
  closed: 'the closing',
};

/**
 * Why a metric is met, breached or pending, and the moments that decided
 * it: when its target was (or will be) due, when it stopped, and for
 * metrics measured in several spans, every span that went over its target.
 * On a calendar open around the clock (`aroundTheClock`) the time counted is
 * not business time: the document states such targets in hours, not business hours,
 * and explain words the target as the document does.
 */
export function explainMetric(measured: MeasuredMetric, timeline: EvaluatedTimeline, zone: string, aroundTheClock: boolean): MetricExplanation {
  const { metric, runs, evaluation, verdict } = measured;
  const clocks = evaluation.clocks;
  const decisive = decisiveIndex(evaluation);
  const breakdown = clockBreakdown(clocks[decisive]!, runs.spans[decisive]!.running);
  const severity = verdict.targetSeverity;
  const duration = targetFor(metric, severity, timeline.channel);
  // The target in the words of the document the client signed (`8 business hours`), not the source's (`8 hours`).
  const target = `${formatDuration(verdict.targetMinutes)}${duration ? ` (${spellDurationWords(duration, aroundTheClock)}, severity ${severity}${metric.channelTargets.length > 0 ? viaChannel(timeline.channel) : ''})` : ''}`;
  const noun = SPAN_NOUN[metric.measures];
  const severalSpans = noun !== undefined && clocks.length > 1;
  // The verdict's elapsed is the longest span; the sentence is about the decisive one, which may be another (the gap still open).
  const decisiveMinutes = severalSpans ? toMinutes(evaluation.elapsed[decisive]!) : verdict.elapsedMinutes;
  // A breach a fraction of a second over its target is not printed as the target itself (formatDurationBeside).
  const decisiveTarget = severalSpans ? toMinutes(evaluation.cycleTargets?.[decisive] ?? evaluation.targetMillis) : verdict.targetMinutes;
  const breached = verdict.status === 'breached';
  const counted = `${breached ? formatDurationBeside(decisiveMinutes, decisiveTarget, true) : formatDuration(decisiveMinutes)}${aroundTheClock ? '' : ' of business time'} counted of ${formatWallTime(breached ? wallMillisOver(breakdown.wallMillis, decisiveTarget) : breakdown.wallMillis)} on the wall clock`;
  const excluded = [
    breakdown.stoppedMillis > 0 ? `${formatWallTime(breakdown.stoppedMillis)} while resolved` : '',
    breakdown.pausedMillis > 0 ? `${formatWallTime(breakdown.pausedMillis)} paused` : '',
    breakdown.outsideHoursMillis > 0 ? `${formatWallTime(breakdown.outsideHoursMillis)} outside service hours` : '',
  ].filter(Boolean);
  const spent = `${counted}${excluded.length > 0 ? ` (${excluded.join(', ')} not counted)` : ''}`;
  const longest = decisiveMinutes === verdict.elapsedMinutes ? '' : `, the longest ${breached ? formatDurationBeside(verdict.elapsedMinutes, verdict.targetMinutes, true) : formatDuration(verdict.elapsedMinutes)}`;
  const spanNote = severalSpans ? `${clocks.length} ${noun[1]} were measured${longest}; the decisive one began ${formatInstant(clocks[decisive]!.start, zone)}: ` : noun ? `One ${noun[0]}: ` : '';
  const stops = stopsOf(measured, timeline, decisive, zone);
  const dueText = verdict.due === null ? 'never due while paused' : `due ${formatInstant(verdict.due, zone)}`;
  let reason: string;
  if (verdict.status === 'met') reason = `Met: ${spanNote}${spent}, within the ${target} target; stopped by ${stops.decisive ?? stops.final}.`;
  else if (verdict.status === 'breached') reason = `Breached: ${spanNote}${spent}, over the ${target} target, which fell ${dueText}${stops.decisive === undefined ? '; still running at the as-of instant' : `; stopped by ${stops.decisive}`}.`;
  else if (noun !== undefined && stops.decisive !== undefined) {
    // Every reply cycle was answered: its due instant is settled, not projected from the as-of instant.
    reason = `Pending: ${spanNote}${spent}, within the ${target} target (${dueText}); stopped by ${stops.decisive}. No ${noun[0]} is open at the as-of instant; the ticket is unresolved.`;
  } else reason = `Pending: ${spanNote}${spent} so far against the ${target} target, ${dueText}${verdict.due === null ? '' : ' if the ticket stays as it is'}.`;
  return { reason, entries: metricEntries(measured, timeline, decisive, stops, zone) };
}

/** The wall time of a breached span, never printed as the target or under it: it is at least the time counted, which is over the target. */
function wallMillisOver(wallMillis: number, targetMinutes: number): number {
  const targetSeconds = targetMinutes * 60;
  return Math.round(wallMillis / 1000) <= targetSeconds ? (Math.floor(targetSeconds) + 1) * 1000 : wallMillis;
}

/** The events that stopped a metric, in words with their log lines. */
interface Stops {
  /** What ended the decisive span (for most metrics, their one span); undefined while it runs. */
  decisive?: string;
  /** What stopped the metric for good (`next reply`: the resolution), or `nothing yet`. */
  final: string;
}

/**
 * A gap between updates or a reply cycle ends at the next agent reply or
 * resolution: the decisive one is named by its own end, not by the
 * resolution that stopped the metric (SEMANTICS.md).
 */
function stopsOf(measured: MeasuredMetric, timeline: EvaluatedTimeline, decisive: number, zone: string): Stops {
  const { metric, runs } = measured;
  const finalEvent = runs.stopped ? timeline.events[runs.severityIndex] : undefined;
  const final = finalEvent ? eventText(finalEvent) : 'nothing yet';
  const span = runs.spans[decisive];
  if (!span || span.open) return { final };
  const ended = spanStopEvent(metric.measures, runs, timeline, decisive);
  return { decisive: ended ? eventText(ended) : `the event at ${formatInstant(span.reference, zone)}`, final };
}

/** The clock whose target and due instant the verdict shows, chosen as the evaluator chooses it. */
function decisiveIndex(evaluation: MetricEvaluation): number {
  return decisiveClock(evaluation.clocks.map(elapsedMillis), evaluation.cycleTargets ?? evaluation.targetMillis, evaluation.stopped);
}

function eventText(event: TicketEvent): string {
  return `${STOP_TEXT[event.event] ?? `the ${event.event} event`} (log line ${event.line})`;
}

function metricEntries(measured: MeasuredMetric, timeline: EvaluatedTimeline, decisive: number, stops: Stops, zone: string): DraftEntry[] {
  const { metric, evaluation, verdict } = measured;
  const title = metric.title;
  const entries: DraftEntry[] = [];
  const target = formatDuration(verdict.targetMinutes);
  // Every earlier span over its own target breached too; the decisive one is told below.
  evaluation.clocks.forEach((clock, index) => {
    if (index === decisive) return;
    const spanTarget = evaluation.cycleTargets?.[index] ?? evaluation.targetMillis;
    const crossed = instantReaching(clock, spanTarget);
    if (crossed !== null && crossed < clock.reference) {
      const noun = SPAN_NOUN[metric.measures]?.[0] ?? 'span';
      entries.push({ time: crossed, kind: 'breached', metric: metric.name, text: `${title} went over its ${formatDuration(toMinutes(spanTarget))} target in the ${noun} that began ${formatInstant(clock.start, zone)}.` });
    }
  });
  // Before the due entry: met on the due instant itself, "falls due, after it was met" came first.
  if (verdict.status === 'met' && verdict.stoppedAt !== undefined) {
    const counted = `${formatDuration(verdict.elapsedMinutes)} of ${target}`;
    const noun = SPAN_NOUN[metric.measures]?.[0];
    const text =
      noun === undefined || stops.decisive === undefined || stops.decisive === stops.final
        ? `${title} met: ${counted} counted when ${stops.final} stopped it.`
        : `${title} met: ${stops.final} stopped it; its decisive ${noun} counted ${counted}, stopped by ${stops.decisive}.`;
    entries.push({ time: verdict.stoppedAt, kind: 'met', metric: metric.name, text });
  }
  if (verdict.status === 'breached' && verdict.due !== null) {
    entries.push({ time: verdict.due, kind: 'breached', metric: metric.name, text: `${title} breached: its ${target} target fell due ${stops.decisive === undefined ? 'with the clock still running' : `before ${stops.decisive} stopped the clock`}.` });
  } else if (verdict.due !== null) {
    const noun = SPAN_NOUN[metric.measures]?.[0];
    // A pending metric whose decisive span ended (a reply cycle answered in time) has a settled due instant.
    const ended = verdict.status === 'pending' && noun !== undefined && stops.decisive !== undefined;
    // Only a clock still running has a due instant that later events could move.
    const projected = verdict.due > timeline.asOf && verdict.status === 'pending' && !ended ? ' (projected, if the ticket stays as it is)' : '';
    const already = verdict.status === 'met' ? ', after it was met' : ended ? `, after the ${noun} that began ${formatInstant(evaluation.clocks[decisive]!.start, zone)} ended` : '';
    entries.push({ time: verdict.due, kind: 'due', metric: metric.name, text: `${title} target of ${target} falls due${already}${projected}.` });
  }
  if (verdict.status === 'pending') {
    entries.push({ time: timeline.asOf, kind: 'pending', metric: metric.name, text: `${title} is pending at the as-of instant: ${formatDuration(verdict.elapsedMinutes)} of ${target} counted.` });
  }
  return entries;
}
