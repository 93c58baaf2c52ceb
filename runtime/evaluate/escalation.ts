import type { EscalationLevelModel } from '../../language/model/model.js';
import { calendarOf, type EvaluationContext } from './context.js';
import { buildMetricClock, instantReaching, targetMillis, toMinutes, type MetricClock } from './metric-clock.js';
import { metricRuns } from './metric-runs.js';
import type { TicketTimeline } from './timeline.js';
import type { MetricEvaluation } from './verdict.js';

/** One escalation level a ticket owes. */
export interface EscalationVerdict {
  ticket: string;
  level: number;
  who: string;
  /** The metric of an `at P% of Metric` level. */
  metric?: string;
  due: number;
  status: 'met' | 'late' | 'missed' | 'pending';
  /** The `escalated` event that met it or came late. */
  escalatedAt?: number;
  /** Real (wall-clock) minutes between due and the late escalation. */
  lateMinutes?: number;
}

/**
 * The escalation levels a ticket owes: a level is owed once its clock
 * reaches its trigger while that clock still runs; levels whose instant is
 * still ahead are `pending`; levels never reached are left out.
 */
export function escalationVerdicts(
  context: EvaluationContext,
  timeline: TicketTimeline,
  evaluations: ReadonlyMap<string, MetricEvaluation>,
): EscalationVerdict[] {
  const levels = context.model.escalation?.levels ?? [];
  const verdicts: EscalationVerdict[] = [];
  for (const level of levels) {
    const due = dueOf(context, level, timeline, evaluations);
    if (due === null) continue;
    verdicts.push(judgeEscalation(timeline, level, due));
  }
  return verdicts;
}

function dueOf(
  context: EvaluationContext,
  level: EscalationLevelModel,
  timeline: TicketTimeline,
  evaluations: ReadonlyMap<string, MetricEvaluation>,
): number | null {
  const trigger = level.trigger;
  if (trigger.kind === 'at') {
    const evaluation = evaluations.get(trigger.metric);
    if (!evaluation) return null;
    const amount = Math.round((evaluation.targetMillis * trigger.percent) / 100);
    return firstCrossing(evaluation.clocks, amount, evaluation.stopped);
  }
  const clockName = context.model.escalation?.clock;
  if (clockName === undefined) return null;
  const calendar = calendarOf(context, clockName);
  const amount = targetMillis(calendar, trigger.duration, timeline.created);
  if (amount === undefined) return null;
  // The escalation clock runs like the resolution clock: from created, paused, stopped by resolution.
  const runs = metricRuns('resolution', timeline);
  const clocks = runs.spans.map((span) => buildMetricClock(calendar, span.running, timeline.pauses, span.reference));
  return firstCrossing(clocks, amount, runs.stopped);
}

/**
 * The first instant a clock reaches `amount` while it still runs. A stopped
 * span only counts a crossing strictly before its stop; the span still open
 * at the as-of instant also counts a projected crossing (pending).
 */
function firstCrossing(clocks: readonly MetricClock[], amount: number, stopped: boolean): number | null {
  for (const [index, clock] of clocks.entries()) {
    const crossing = instantReaching(clock, amount);
    if (crossing === null) continue;
    const stillOpen = !stopped && index === clocks.length - 1;
    if (stillOpen || crossing < clock.reference) return crossing;
  }
  return null;
}

function judgeEscalation(timeline: TicketTimeline, level: EscalationLevelModel, due: number): EscalationVerdict {
  const verdict: EscalationVerdict = { ticket: timeline.id, level: level.level, who: level.who, due, status: 'pending' };
  if (level.trigger.kind === 'at') verdict.metric = level.trigger.metric;
  const escalations = timeline.events.filter((event) => event.event === 'escalated' && (event.level ?? 0) >= level.level);
  const onTime = escalations.find((event) => event.time <= due);
  const late = escalations.find((event) => event.time > due);
  if (onTime) {
    verdict.status = 'met';
    verdict.escalatedAt = onTime.time;
  } else if (late) {
    verdict.status = 'late';
    verdict.escalatedAt = late.time;
    verdict.lateMinutes = toMinutes(late.time - due);
  } else if (due <= timeline.asOf) {
    verdict.status = 'missed';
  }
  return verdict;
}
