import type { Measure } from '../../language/model/model.js';
import type { Interval } from './intervals.js';
import { isAgentReply, isResolution, type TicketTimeline } from './timeline.js';

/**
 * When a ticket metric's clock runs, read off the events (SEMANTICS.md,
 * "Ticket metrics"). A metric has one measured span, or for `update
 * interval` one per gap between updates, and for `next reply` one per cycle.
 */
export interface MetricRuns {
  /**
   * One entry per measured span (one, except for `update interval` and
   * `next reply`); empty for a `next reply` no cycle of which started.
   */
  readonly spans: readonly MeasuredSpan[];
  /** False while a span is still open at the as-of instant (then it is the last). */
  readonly stopped: boolean;
  /**
   * True once the metric can measure nothing more, so that it is `met`
   * unless breached. The same as `stopped`, except for `next reply`: there,
   * the ticket is resolved (no cycle running, yet a customer may write again).
   */
  readonly final: boolean;
  /**
   * Index of the event whose severity sets the target: the final stop (the
   * resolution, for `next reply`), or the last event. When `final`, its time
   * is the instant the metric stopped.
   */
  readonly severityIndex: number;
}

export interface MeasuredSpan {
  /** Real-time spans the clock runs (the last may end at Infinity). */
  readonly running: readonly Interval[];
  /** Where measuring ends: the stop, or the as-of instant. */
  readonly reference: number;
  /** True when this span is still open at the as-of instant. */
  readonly open: boolean;
}

/** The running spans of a ticket metric. */
export function metricRuns(measure: Exclude<Measure, 'uptime'>, timeline: TicketTimeline): MetricRuns {
  switch (measure) {
    case 'firstResponse':
      return firstStop(timeline, false);
    case 'firstEstimate':
      return firstStop(timeline, true);
    case 'resolution':
      return resolutionRuns(timeline);
    case 'updateInterval':
      return updateGaps(timeline);
    case 'nextReply':
      return replyCycles(timeline);
  }
}

/** The first agent reply (or `estimate`, for `byEstimate`) or resolution after `created` stops the clock. */
function firstStop(timeline: TicketTimeline, byEstimate: boolean): MetricRuns {
  const events = timeline.events;
  let index = 1;
  for (; index < events.length; index++) {
    const event = events[index]!;
    if ((byEstimate ? event.event === 'estimate' : isAgentReply(event)) || isResolution(event)) break;
  }
  const stop = events[index];
  if (stop) {
    return { spans: [{ running: [[timeline.created, stop.time]], reference: stop.time, open: false }], stopped: true, final: true, severityIndex: index };
  }
  return runningToAsOf(timeline, [[timeline.created, Infinity]]);
}

/** `resolved`/`closed` stops an unresolved ticket; `reopened` restarts it. */
function resolutionRuns(timeline: TicketTimeline): MetricRuns {
  const running: Interval[] = [];
  let runningSince: number | undefined = timeline.created;
  let stopIndex = 0;
  const events = timeline.events;
  for (let index = 1; index < events.length; index++) {
    const event = events[index]!;
    if (runningSince !== undefined && isResolution(event)) {
      running.push([runningSince, event.time]);
      runningSince = undefined;
      stopIndex = index;
    } else if (runningSince === undefined && event.event === 'reopened') {
      runningSince = event.time;
    }
  }
  if (runningSince !== undefined) return runningToAsOf(timeline, [...running, [runningSince, Infinity]]);
  const finalStop = timeline.events[stopIndex]!.time;
  return { spans: [{ running, reference: finalStop, open: false }], stopped: true, final: true, severityIndex: stopIndex };
}

/** Each gap between created/reopened/agent reply and the next agent reply or resolution, while unresolved. */
function updateGaps(timeline: TicketTimeline): MetricRuns {
  const spans: MeasuredSpan[] = [];
  let gapStart: number | undefined = timeline.created;
  let stopIndex = 0;
  const events = timeline.events;
  for (let index = 1; index < events.length; index++) {
    const event = events[index]!;
    if (gapStart !== undefined && (isAgentReply(event) || isResolution(event))) {
      spans.push({ running: [[gapStart, event.time]], reference: event.time, open: false });
      gapStart = isResolution(event) ? undefined : event.time;
      if (isResolution(event)) stopIndex = index;
    } else if (gapStart === undefined && event.event === 'reopened') {
      gapStart = event.time;
    }
  }
  if (gapStart === undefined) return { spans, stopped: true, final: true, severityIndex: stopIndex };
  spans.push({ running: [[gapStart, Infinity]], reference: timeline.asOf, open: true });
  return { spans, stopped: false, final: false, severityIndex: timeline.events.length - 1 };
}

/**
 * `next reply` (1.1): after the first agent reply, a customer reply starts a
 * cycle when none is running and the ticket is unresolved; the next agent
 * reply or a resolution stops it. `reopened` makes the ticket unresolved
 * again (it starts no cycle itself); system replies do nothing.
 */
function replyCycles(timeline: TicketTimeline): MetricRuns {
  const spans: MeasuredSpan[] = [];
  let answered = false;
  let resolved = false;
  let cycleStart: number | undefined;
  let resolvedIndex = 0;
  const events = timeline.events;
  for (let index = 1; index < events.length; index++) {
    const event = events[index]!;
    if (isAgentReply(event) || (!resolved && isResolution(event))) {
      if (cycleStart !== undefined) spans.push({ running: [[cycleStart, event.time]], reference: event.time, open: false });
      cycleStart = undefined;
      if (isAgentReply(event)) answered = true;
      else {
        resolved = true;
        resolvedIndex = index;
      }
    } else if (event.event === 'reopened') {
      resolved = false;
    } else if (answered && !resolved && cycleStart === undefined && event.event === 'reply' && event.author === 'customer') {
      cycleStart = event.time;
    }
  }
  const severityIndex = resolved ? resolvedIndex : events.length - 1;
  if (cycleStart === undefined) return { spans, stopped: true, final: resolved, severityIndex };
  spans.push({ running: [[cycleStart, Infinity]], reference: timeline.asOf, open: true });
  return { spans, stopped: false, final: false, severityIndex };
}

function runningToAsOf(timeline: TicketTimeline, running: Interval[]): MetricRuns {
  return {
    spans: [{ running, reference: timeline.asOf, open: true }],
    stopped: false,
    final: false,
    severityIndex: timeline.events.length - 1,
  };
}
