import { targetFor, type MetricModel } from '../../language/model/model.js';
import type { TicketEvent } from '../log/events.js';
import { calendarOf, type EvaluationContext } from './context.js';
import { escalationVerdicts, type EscalationVerdict } from './escalation.js';
import { buildMetricClock, elapsedMillis, instantReaching, targetMillis, toMinutes, type MetricClock } from './metric-clock.js';
import { metricRuns } from './metric-runs.js';
import { buildTimeline, type TicketTimeline } from './timeline.js';

/** One ticket metric's verdict at the as-of instant. */
export interface MetricVerdict {
  status: 'met' | 'breached' | 'pending';
  /** Open time, minus pauses, in minutes (exact to the second, 4 decimals). */
  elapsedMinutes: number;
  targetMinutes: number;
  /** When elapsed reached or will reach the target; null when paused then and not reached. */
  due: number | null;
  /** The final stop, when the metric has stopped. */
  stoppedAt?: number;
}

/** Everything `slac check` says about one ticket. */
export interface TicketVerdict {
  id: string;
  /** Severity at the as-of instant. */
  severity: string;
  channel?: string;
  created: number;
  /** Keyed by metric name, in the agreement's metric order; metrics that do not apply are absent. */
  metrics: Record<string, MetricVerdict>;
  escalations: EscalationVerdict[];
}

/**
 * What evaluating one metric left behind for the escalation rules: the
 * clocks it measured and the target in milliseconds.
 */
export interface MetricEvaluation {
  readonly verdict: MetricVerdict;
  readonly clocks: readonly MetricClock[];
  readonly stopped: boolean;
  readonly targetMillis: number;
}

/**
 * Evaluates one ticket: its events (any order; those after `asOf` are
 * ignored) against every ticket metric and escalation level of the agreement.
 */
export function evaluateTicket(context: EvaluationContext, events: readonly TicketEvent[], asOf: number): TicketVerdict {
  const timeline = buildTimeline(context, events, asOf);
  const evaluations = new Map<string, MetricEvaluation>();
  for (const metric of context.ticketMetrics) {
    const evaluation = evaluateMetric(context, metric, timeline);
    if (evaluation) evaluations.set(metric.name, evaluation);
  }
  const metrics: Record<string, MetricVerdict> = {};
  for (const [name, evaluation] of evaluations) metrics[name] = evaluation.verdict;
  const verdict: TicketVerdict = {
    id: timeline.id,
    severity: timeline.severityAfter[timeline.severityAfter.length - 1]!,
    created: timeline.created,
    metrics,
    escalations: escalationVerdicts(context, timeline, evaluations),
  };
  if (timeline.channel !== undefined) verdict.channel = timeline.channel;
  return verdict;
}

/** One metric on one ticket; undefined when the metric has no target for the ticket's severity. */
export function evaluateMetric(context: EvaluationContext, metric: MetricModel, timeline: TicketTimeline): MetricEvaluation | undefined {
  if (metric.measures === 'uptime') return undefined;
  const runs = metricRuns(metric.measures, timeline);
  const duration = targetFor(metric, timeline.severityAfter[runs.severityIndex]!);
  if (!duration) return undefined;
  const calendar = calendarOf(context, metric.clock);
  const target = targetMillis(calendar, duration, timeline.created);
  if (target === undefined) return undefined;
  const clocks = runs.spans.map((span) => buildMetricClock(calendar, span.running, timeline.pauses, span.reference));
  const elapsedPerClock = clocks.map(elapsedMillis);
  const elapsed = Math.max(0, ...elapsedPerClock);
  const decisive = decisiveClock(clocks, elapsedPerClock, target, runs.stopped);
  const verdict: MetricVerdict = {
    status: elapsed > target ? 'breached' : runs.stopped ? 'met' : 'pending',
    elapsedMinutes: toMinutes(elapsed),
    targetMinutes: toMinutes(target),
    due: decisive ? instantReaching(decisive, target) : null,
  };
  if (runs.stopped) verdict.stoppedAt = clocks[clocks.length - 1]?.reference ?? timeline.created;
  return { verdict, clocks, stopped: runs.stopped, targetMillis: target };
}

/**
 * The clock whose due instant the verdict shows. One clock for most metrics.
 * For `update interval`: the longest gap once one went over the target (when
 * it did), else the current gap while the ticket is unresolved (when the next
 * update is due), else the longest gap (when it would have been due).
 */
function decisiveClock(clocks: readonly MetricClock[], elapsed: readonly number[], target: number, stopped: boolean): MetricClock | undefined {
  if (clocks.length <= 1) return clocks[0];
  const longest = elapsed.indexOf(Math.max(...elapsed));
  if (elapsed[longest]! > target || stopped) return clocks[longest];
  return clocks[clocks.length - 1];
}
