import type { Measure } from '../../language/model/model.js';
import type { MetricRuns } from '../../runtime/evaluate/metric-runs.js';
import { isAgentReply, isResolution, type TicketTimeline } from '../../runtime/evaluate/timeline.js';
import type { TicketEvent } from '../../runtime/log/events.js';

/**
 * The log event that ended measured span `span` of a metric, or undefined
 * while that span is still open at the as-of instant. A metric measured once
 * ends at its stop (`runs.severityIndex`); a gap between updates or a reply
 * cycle ends at the next agent reply or resolution (SEMANTICS.md), which for
 * the decisive one is often not the resolution that stopped the metric.
 */
export function spanStopEvent(measure: Measure, runs: MetricRuns, timeline: TicketTimeline, span: number): TicketEvent | undefined {
  const measured = runs.spans[span];
  if (!measured || measured.open) return undefined;
  if (measure !== 'updateInterval' && measure !== 'nextReply') return timeline.events[runs.severityIndex];
  const stop = timeline.events[(measure === 'updateInterval' ? gapEnds : cycleEnds)(timeline.events)[span]!];
  // The walks below follow metricRuns' rules; a span they disagree on names no event rather than a wrong one.
  return stop?.time === measured.reference ? stop : undefined;
}

/** Index of the event that ended each gap between updates, in order: a gap runs from created, an agent reply or a reopening. */
function gapEnds(events: readonly TicketEvent[]): number[] {
  const ends: number[] = [];
  let running = true;
  for (let index = 1; index < events.length; index++) {
    const event = events[index]!;
    if (running && (isAgentReply(event) || isResolution(event))) {
      ends.push(index);
      running = !isResolution(event);
    } else if (!running && event.event === 'reopened') {
      running = true;
    }
  }
  return ends;
}

/** Index of the event that ended each reply cycle, in order: a customer reply after the first agent reply starts one while unresolved. */
function cycleEnds(events: readonly TicketEvent[]): number[] {
  const ends: number[] = [];
  let answered = false;
  let resolved = false;
  let running = false;
  for (let index = 1; index < events.length; index++) {
    const event = events[index]!;
    if (isAgentReply(event) || (!resolved && isResolution(event))) {
      if (running) ends.push(index);
      running = false;
      if (isAgentReply(event)) answered = true;
      else resolved = true;
    } else if (event.event === 'reopened') {
      resolved = false;
    } else if (answered && !resolved && !running && event.event === 'reply' && event.author === 'customer') {
      running = true;
    }
  }
  return ends;
}
