import { targetFor, type DurationModel, type MetricModel } from '../../language/model/model.js';
import type { CompiledCalendar } from '../clock/index.js';
import type { TicketEvent } from '../log/events.js';
import { calendarOf, type EvaluationContext } from './context.js';
import { escalationVerdicts, type EscalationVerdict } from './escalation.js';
import { buildMetricClock, elapsedMillis, instantReaching, reportedElapsedMinutes, targetMillis, toMinutes, type MetricClock } from './metric-clock.js';
import { metricRuns } from './metric-runs.js';
import { OneClockEvaluation, oneRunStop } from './one-clock.js';
import type { Interval } from './intervals.js';
import { buildTimeline, type TicketTimeline } from './timeline.js';
import { ownValue, setOwnValue } from '../../language/model/own-keys.js';

/** One ticket metric's verdict at the as-of instant. */
export interface MetricVerdict {
  status: 'met' | 'breached' | 'pending';
  /** Open time, minus pauses, in minutes (exact to the second, 4 decimals). */
  elapsedMinutes: number;
  targetMinutes: number;
  /**
   * The severity whose target `targetMinutes` is: the ticket's at the stop,
   * or at the as-of instant while running (SEMANTICS.md "Target"). It differs
   * from the ticket's `severity` when that changed after the metric stopped.
   */
  targetSeverity: string;
  /** When elapsed reached or will reach the target; null when paused then and not reached. */
  due: number | null;
  /** The final stop, when the metric has stopped for good (`next reply`: the resolution). */
  stoppedAt?: number;
}

/** Everything `slac check` says about one ticket. */
export interface TicketVerdict {
  id: string;
  /** Severity at the as-of instant (each metric's target may be another's: `MetricVerdict.targetSeverity`). */
  severity: string;
  /** The first channel the ticket's events give, mapped through `matches`. */
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
  /** Each clock's `elapsedMillis`. */
  readonly elapsed: readonly number[];
  readonly stopped: boolean;
  readonly targetMillis: number;
  /** `next reply`: each cycle owes its own `at P%` escalations (the clocks are the cycles). */
  readonly perCycle: boolean;
  /** `next reply` in `business days`: each cycle's own target, in clock order (else all have `targetMillis`). */
  cycleTargets?: readonly number[];
}

/**
 * Evaluates one ticket: its events (any order; those after `asOf` are
 * ignored) against every ticket metric and escalation level of the agreement.
 */
export function evaluateTicket(context: EvaluationContext, events: readonly TicketEvent[], asOf: number): TicketVerdict {
  const timeline = buildTimeline(context, events, asOf);
  const plans = metricPlans(context);
  // One list reused for every ticket (by plan index; each entry written again): the escalation rules read it before this returns.
  const evaluations = scratchEvaluations;
  const metrics: Record<string, MetricVerdict> = {};
  const byIndex = lastMetricVerdicts;
  for (let index = 0; index < plans.length; index++) {
    const plan = plans[index]!;
    const evaluation = evaluatePlannedMetric(plan, timeline, true);
    evaluations[index] = evaluation;
    byIndex[index] = evaluation?.verdict;
    if (evaluation) setOwnValue(metrics, plan.metric.name, evaluation.verdict);
  }
  byIndex.length = plans.length;
  const verdict: TicketVerdict = {
    id: timeline.id,
    severity: timeline.severityAfter[timeline.severityAfter.length - 1]!,
    created: timeline.created,
    metrics,
    escalations: escalationVerdicts(context, timeline, evaluations, plans.indexOf),
  };
  if (timeline.channel !== undefined) verdict.channel = timeline.channel;
  lastVerdict = verdict;
  lastVerdictContext = context;
  return verdict;
}

const scratchEvaluations: (MetricEvaluation | undefined)[] = [];
/** The metric verdicts of the ticket evaluated last, by index in its context's `ticketMetrics`. */
const lastMetricVerdicts: (MetricVerdict | undefined)[] = [];
let lastVerdict: TicketVerdict | undefined;
let lastVerdictContext: EvaluationContext | undefined;

/**
 * A verdict's metric verdicts by index in `context.ticketMetrics`
 * (undefined: the metric does not apply), for the report's tallies: what
 * `verdict.metrics[metric.name]` gives for each metric in turn, without a
 * lookup by name. For the ticket evaluated last it is the list that
 * evaluation left (read it before evaluating the next one); for any other
 * verdict (one made in a worker thread) it is made.
 */
export function metricVerdictsByIndex(context: EvaluationContext, verdict: TicketVerdict): readonly (MetricVerdict | undefined)[] {
  if (verdict === lastVerdict && context === lastVerdictContext) return lastMetricVerdicts;
  return context.ticketMetrics.map((metric) => ownValue(verdict.metrics, metric.name));
}

/**
 * One metric on one ticket; undefined when the metric has no target for the
 * ticket's severity and channel, or (`next reply`) no cycle ever started.
 */
export function evaluateMetric(context: EvaluationContext, metric: MetricModel, timeline: TicketTimeline): MetricEvaluation | undefined {
  if (metric.measures === 'uptime') return undefined;
  return evaluatePlannedMetric(planOf(context, metric), timeline, true);
}

/** `evaluateMetric` the general way, without the one-clock shortcut: what tests compare the shortcut with. */
export function evaluateMetricByRuns(context: EvaluationContext, metric: MetricModel, timeline: TicketTimeline): MetricEvaluation | undefined {
  if (metric.measures === 'uptime') return undefined;
  return evaluatePlannedMetric(planOf(context, metric), timeline, false);
}

/** What evaluating a metric looks up in the agreement, once per context rather than per ticket. */
interface MetricPlan {
  readonly metric: MetricModel;
  readonly measures: Exclude<MetricModel['measures'], 'uptime'>;
  readonly calendar: CompiledCalendar;
  readonly pauseSet: number;
  /** The target by severity, for a metric without channel targets (null: none); as met. */
  readonly targetBySeverity: Map<string, DurationModel | null> | undefined;
}

/** The plans of an agreement's ticket metrics, in their order, and each one's index by metric name. */
type MetricPlans = readonly MetricPlan[] & { readonly indexOf: ReadonlyMap<string, number> };

const plansByContext = new WeakMap<EvaluationContext, MetricPlans>();

/** The plans of the context's ticket metrics, in their order. */
function metricPlans(context: EvaluationContext): MetricPlans {
  // A check evaluates every ticket in one context: skip the lookup for the same one again.
  if (context === lastContext) return lastPlans;
  let plans = plansByContext.get(context);
  if (!plans) {
    const list = context.ticketMetrics.map((metric) => planOf(context, metric));
    plans = Object.assign(list, { indexOf: new Map(list.map((plan, index) => [plan.metric.name, index])) });
    plansByContext.set(context, plans);
  }
  lastContext = context;
  lastPlans = plans;
  return plans;
}

let lastContext: EvaluationContext | undefined;
let lastPlans: MetricPlans = Object.assign([], { indexOf: new Map<string, number>() });

function planOf(context: EvaluationContext, metric: MetricModel): MetricPlan {
  if (metric.measures === 'uptime') throw new Error(`Metric ${metric.name} is not measured per ticket.`);
  return {
    metric,
    measures: metric.measures,
    calendar: calendarOf(context, metric.clock),
    pauseSet: context.pauseSetOf.get(metric.name) ?? 0,
    targetBySeverity: metric.channelTargets.length === 0 ? new Map() : undefined,
  };
}

/** `targetFor`, remembered by severity when channels do not matter (the agreement's severities are few). */
function plannedTarget(plan: MetricPlan, severity: string, channel: string | undefined): DurationModel | undefined {
  const bySeverity = plan.targetBySeverity;
  if (bySeverity === undefined) return targetFor(plan.metric, severity, channel);
  let target = bySeverity.get(severity);
  if (target === undefined) {
    target = targetFor(plan.metric, severity, channel) ?? null;
    // A log may spell severities the agreement lacks: bound the map anyway.
    if (bySeverity.size < 1024) bySeverity.set(severity, target);
  }
  return target ?? undefined;
}

/**
 * Whether the metric has a target for any severity the ticket had: when
 * not, its runs need not be worked out (the metric's target, looked up at
 * one of these severities below, would be missing anyway).
 */
function hasAnyTarget(plan: MetricPlan, timeline: TicketTimeline): boolean {
  const severities = timeline.severityAfter;
  let previous: string | undefined;
  for (let index = 0; index < severities.length; index++) {
    const severity = severities[index]!;
    if (severity === previous) continue;
    if (plannedTarget(plan, severity, timeline.channel) !== undefined) return true;
    previous = severity;
  }
  return false;
}

/** `oneClock`: take the shortcut for a metric that runs once (one-clock.ts), which gives what the rest gives. */
function evaluatePlannedMetric(plan: MetricPlan, timeline: TicketTimeline, oneClock: boolean): MetricEvaluation | undefined {
  if (!hasAnyTarget(plan, timeline)) return undefined;
  const pauses = timeline.pausesBySet[plan.pauseSet]!;
  if (oneClock) {
    const stop = oneRunStop(plan.measures, timeline.events);
    if (stop >= 0) return evaluateOneClock(plan, timeline, stop, pauses);
  }
  const runs = metricRuns(plan.measures, timeline);
  // A `next reply` no cycle of which started is not counted at all.
  if (runs.spans.length === 0) return undefined;
  const severity = timeline.severityAfter[runs.severityIndex]!;
  const duration = plannedTarget(plan, severity, timeline.channel);
  if (!duration) return undefined;
  const calendar = plan.calendar;
  const target = targetMillis(calendar, duration, timeline.created);
  if (target === undefined) return undefined;
  const clocks: MetricClock[] = [];
  for (const span of runs.spans) clocks.push(buildMetricClock(calendar, span.running, pauses, span.reference));
  const perCycle = plan.measures === 'nextReply';
  // `N business days` of a next-reply cycle count from the customer's message that started it.
  const cycleTargets = perCycle && duration.unit === 'businessDays' ? cycleTargetsOf(calendar, duration, clocks) : undefined;
  if (cycleTargets === null) return undefined;
  const elapsedPerClock: number[] = [];
  let elapsed = 0;
  for (const clock of clocks) {
    const each = elapsedMillis(clock);
    elapsedPerClock.push(each);
    elapsed = Math.max(elapsed, each);
  }
  const index = decisiveClock(elapsedPerClock, cycleTargets ?? target, runs.stopped);
  const decisiveTarget = cycleTargets?.[index] ?? target;
  // The decisive clock is over its target exactly when some clock is.
  const breached = elapsedPerClock[index]! > decisiveTarget;
  const verdict: MetricVerdict = {
    status: breached ? 'breached' : runs.final ? 'met' : 'pending',
    elapsedMinutes: reportedElapsedMinutes(elapsed, decisiveTarget, breached),
    targetMinutes: toMinutes(decisiveTarget),
    targetSeverity: severity,
    due: instantReaching(clocks[index]!, decisiveTarget),
  };
  if (runs.final) verdict.stoppedAt = timeline.events[runs.severityIndex]?.time ?? timeline.created;
  const evaluation: MetricEvaluation = { verdict, clocks, elapsed: elapsedPerClock, stopped: runs.stopped, targetMillis: target, perCycle };
  if (cycleTargets) evaluation.cycleTargets = cycleTargets;
  return evaluation;
}

/** A metric that runs once from `created`, stopped by `events[stop]` (none: `stop` is the events' count). */
function evaluateOneClock(plan: MetricPlan, timeline: TicketTimeline, stop: number, pauses: readonly Interval[]): MetricEvaluation | undefined {
  const events = timeline.events;
  const stopped = stop < events.length;
  // The target is the one at the stop's severity, else at the last event's (as metric-runs.ts's `severityIndex`).
  const severity = timeline.severityAfter[stopped ? stop : events.length - 1]!;
  const duration = plannedTarget(plan, severity, timeline.channel);
  if (!duration) return undefined;
  const target = targetMillis(plan.calendar, duration, timeline.created);
  if (target === undefined) return undefined;
  return new OneClockEvaluation(plan.calendar, timeline.created, stopped ? events[stop]!.time : timeline.asOf, stopped, target, severity, pauses);
}

/** Each cycle's `N business days` target from its own start (Infinity when its due day never comes); null for a unit with none. */
function cycleTargetsOf(calendar: CompiledCalendar, duration: DurationModel, clocks: readonly MetricClock[]): number[] | null {
  const targets: number[] = [];
  for (const clock of clocks) {
    const cycleTarget = targetMillis(calendar, duration, clock.start);
    if (cycleTarget === undefined) return null;
    targets.push(cycleTarget);
  }
  return targets;
}

/**
 * The clock whose target and due instant the verdict shows: over its target
 * if any clock is. One clock for most metrics. For `update interval` and
 * `next reply`: the gap (cycle) furthest over its target once one went over
 * (the longest, when all share one target), else the one still open at the
 * as-of instant (when the next update or reply is due), else the longest
 * (when it would have been due).
 */
export function decisiveClock(elapsed: readonly number[], targets: number | readonly number[], stopped: boolean): number {
  if (elapsed.length === 1) return 0;
  let worst = -1;
  let worstOver = 0;
  let longest = 0;
  for (let index = 0; index < elapsed.length; index++) {
    const over = elapsed[index]! - (typeof targets === 'number' ? targets : targets[index]!);
    if (over > worstOver) {
      worst = index;
      worstOver = over;
    }
    if (elapsed[index]! > elapsed[longest]!) longest = index;
  }
  if (worst >= 0) return worst;
  return stopped ? longest : elapsed.length - 1;
}
