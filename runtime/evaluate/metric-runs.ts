import type { Measure } from '../../language/model/model.js';
import type { Interval } from './intervals.js';
import { isAgentReply, isResolution, type TicketTimeline } from './timeline.js';

/**
 * When a ticket metric's clock runs, read off the events (SEMANTICS.md,
 * "Ticket metrics"). A metric has one measured span, or for `update
 * interval` one per gap between updates.
 */
export interface MetricRuns {
  /** One entry per measured span (one, except for `update interval`). */
  readonly spans: readonly MeasuredSpan[];
  /** False while the metric is still running at the as-of instant. */
  readonly stopped: boolean;
  /** Index of the event whose severity sets the target: the final stop, or the last event. */
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
      return firstStop(timeline, (event) => isAgentReply(event) || isResolution(event));
    case 'firstEstimate':
      return firstStop(timeline, (event) => event.event === 'estimate' || isResolution(event));
    case 'resolution':
      return resolutionRuns(timeline);
    case 'updateInterval':
      return updateGaps(timeline);
    case 'nextReply':
      throw new Error('next reply: not built yet');
  }
}

function firstStop(timeline: TicketTimeline, stops: (event: TicketTimeline['events'][number]) => boolean): MetricRuns {
  const index = timeline.events.findIndex((event, position) => position > 0 && stops(event));
  const stop = timeline.events[index];
  if (stop) {
    return { spans: [{ running: [[timeline.created, stop.time]], reference: stop.time, open: false }], stopped: true, severityIndex: index };
  }
  return runningToAsOf(timeline, [[timeline.created, Infinity]]);
}

/** `resolved`/`closed` stops an unresolved ticket; `reopened` restarts it. */
function resolutionRuns(timeline: TicketTimeline): MetricRuns {
  const running: Interval[] = [];
  let runningSince: number | undefined = timeline.created;
  let stopIndex = 0;
  timeline.events.forEach((event, index) => {
    if (index === 0) return;
    if (runningSince !== undefined && isResolution(event)) {
      running.push([runningSince, event.time]);
      runningSince = undefined;
      stopIndex = index;
    } else if (runningSince === undefined && event.event === 'reopened') {
      runningSince = event.time;
    }
  });
  if (runningSince !== undefined) return runningToAsOf(timeline, [...running, [runningSince, Infinity]]);
  const finalStop = timeline.events[stopIndex]!.time;
  return { spans: [{ running, reference: finalStop, open: false }], stopped: true, severityIndex: stopIndex };
}

/** Each gap between created/reopened/agent reply and the next agent reply or resolution, while unresolved. */
function updateGaps(timeline: TicketTimeline): MetricRuns {
  const spans: MeasuredSpan[] = [];
  let gapStart: number | undefined = timeline.created;
  let stopIndex = 0;
  timeline.events.forEach((event, index) => {
    if (index === 0) return;
    if (gapStart !== undefined && (isAgentReply(event) || isResolution(event))) {
      spans.push({ running: [[gapStart, event.time]], reference: event.time, open: false });
      gapStart = isResolution(event) ? undefined : event.time;
      if (isResolution(event)) stopIndex = index;
    } else if (gapStart === undefined && event.event === 'reopened') {
      gapStart = event.time;
    }
  });
  if (gapStart === undefined) return { spans, stopped: true, severityIndex: stopIndex };
  spans.push({ running: [[gapStart, Infinity]], reference: timeline.asOf, open: true });
  return { spans, stopped: false, severityIndex: timeline.events.length - 1 };
}

function runningToAsOf(timeline: TicketTimeline, running: Interval[]): MetricRuns {
  return {
    spans: [{ running, reference: timeline.asOf, open: true }],
    stopped: false,
    severityIndex: timeline.events.length - 1,
  };
}
