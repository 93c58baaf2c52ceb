import type { DurationModel, EscalationLevelModel } from '../../language/model/model.js';
import { calendarOf, type EvaluationContext } from './context.js';
import { buildMetricClock, instantReaching, targetMillis, toMinutes, type MetricClock } from './metric-clock.js';
import { metricRuns } from './metric-runs.js';
import { OneClockEvaluation } from './one-clock.js';
import type { TicketEvent } from '../log/events.js';
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
 * The escalation levels a ticket owes (`evaluations`: each ticket metric's,
 * at its index in `metricIndex`): a level is owed once its clock
 * reaches its trigger while that clock still runs; levels whose instant is
 * still ahead are `pending`; levels never reached are left out.
 */
export function escalationVerdicts(
  context: EvaluationContext,
  timeline: TicketTimeline,
  evaluations: readonly (MetricEvaluation | undefined)[],
  metricIndex: ReadonlyMap<string, number>,
): EscalationVerdict[] {
  const levels = context.model.escalation?.levels ?? [];
  const verdicts: EscalationVerdict[] = [];
  for (const level of levels) {
    const trigger = level.trigger;
    let due: number | null;
    if (trigger.kind === 'at') {
      const index = metricIndex.get(trigger.metric);
      const evaluation = index === undefined ? undefined : evaluations[index];
      if (!evaluation) continue;
      if (evaluation.perCycle) {
        cycleEscalations(timeline, level, evaluation, verdicts);
        continue;
      }
      const amount = Math.round((evaluation.targetMillis * trigger.percent) / 100);
      // A clock kept as numbers answers without being made (one-clock.ts).
      due = evaluation instanceof OneClockEvaluation ? evaluation.crossing(amount) : firstCrossing(evaluation.clocks, amount, evaluation.stopped, evaluation.elapsed);
    } else {
      due = afterDue(context, trigger.duration, timeline);
    }
    if (due === null) continue;
    verdicts.push(judgeEscalation(timeline, level, due, -Infinity, Infinity));
  }
  return verdicts;
}

/**
 * `at P% of` a `next reply` metric: each cycle is measured on its own. A
 * cycle owes the level when its elapsed time reaches P% of the target while
 * it runs (or, still running at the as-of instant, will reach it); only
 * `escalated` rows from the cycle's start up to the next cycle's start can
 * meet it, so one escalation never answers two customer messages.
 */
function cycleEscalations(timeline: TicketTimeline, level: EscalationLevelModel, evaluation: MetricEvaluation, into: EscalationVerdict[]): void {
  if (level.trigger.kind !== 'at') return;
  const percent = level.trigger.percent;
  const clocks = evaluation.clocks;
  for (let index = 0; index < clocks.length; index++) {
    const clock = clocks[index]!;
    const amount = Math.round(((evaluation.cycleTargets?.[index] ?? evaluation.targetMillis) * percent) / 100);
    const due = crossingWhileRunning(clock, amount, !evaluation.stopped && index === clocks.length - 1, evaluation.elapsed[index]);
    if (due === null) continue;
    const nextStart = index + 1 < clocks.length ? clocks[index + 1]!.start : Infinity;
    into.push(judgeEscalation(timeline, level, due, clock.start, nextStart));
  }
}

/** When an `after D` level falls due: D on the escalation clock, which runs like the resolution clock. */
function afterDue(context: EvaluationContext, duration: DurationModel, timeline: TicketTimeline): number | null {
  const clockName = context.model.escalation?.clock;
  if (clockName === undefined) return null;
  const calendar = calendarOf(context, clockName);
  const amount = targetMillis(calendar, duration, timeline.created);
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
function firstCrossing(clocks: readonly MetricClock[], amount: number, stopped: boolean, elapsed?: readonly number[]): number | null {
  for (let index = 0; index < clocks.length; index++) {
    const crossing = crossingWhileRunning(clocks[index]!, amount, !stopped && index === clocks.length - 1, elapsed?.[index]);
    if (crossing !== null) return crossing;
  }
  return null;
}

/**
 * When one clock reaches `amount`: before its stop, or at any time while
 * still open at the as-of instant. `elapsed`, the clock's `elapsedMillis`
 * when known, settles most stopped clocks without a search: one that
 * accrued less than `amount` by its stop reaches it only after (or never).
 */
export function crossingWhileRunning(clock: MetricClock, amount: number, stillOpen: boolean, elapsed?: number): number | null {
  if (!stillOpen && elapsed !== undefined && elapsed < amount) return null;
  const crossing = instantReaching(clock, amount);
  if (crossing === null) return null;
  return stillOpen || crossing < clock.reference ? crossing : null;
}

/** Judges a level due at `due` by the `escalated` rows in `[from, until)`. */
function judgeEscalation(timeline: TicketTimeline, level: EscalationLevelModel, due: number, from: number, until: number): EscalationVerdict {
  const verdict: EscalationVerdict = { ticket: timeline.id, level: level.level, who: level.who, due, status: 'pending' };
  if (level.trigger.kind === 'at') verdict.metric = level.trigger.metric;
  // The first `escalated` row of this level or above in [from, until) by due, and the first after due.
  let onTime: TicketEvent | undefined;
  let late: TicketEvent | undefined;
  for (const event of timeline.events) {
    if (event.event !== 'escalated' || !((event.level ?? 0) >= level.level && event.time >= from && event.time < until)) continue;
    if (event.time <= due) {
      onTime = event;
      break;
    }
    late ??= event;
  }
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
