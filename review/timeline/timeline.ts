import { findCalendar, type AgreementModel, type MetricModel } from '../../language/model/model.js';
import { isAroundTheClock } from '../../language/model/around-the-clock.js';
import { formatDuration, formatDurationBeside, formatInstant } from '../../runtime/clock/index.js';
import { createEvaluationContext, evaluateTicket, type EvaluationContext } from '../../runtime/evaluate/index.js';
import { zoneOf } from '../../runtime/evaluate/context.js';
import { metricRuns, type MetricRuns } from '../../runtime/evaluate/metric-runs.js';
import { buildTimeline } from '../../runtime/evaluate/timeline.js';
import { evaluateMetric } from '../../runtime/evaluate/verdict.js';
import type { TicketEvent } from '../../runtime/log/events.js';
import { escalationEntries } from './escalation-entries.js';
import { eventEntries, type DraftEntry } from './event-entries.js';
import { explainMetric, type MeasuredMetric } from './metric-entries.js';
import { ownValue } from '../../language/model/own-keys.js';

/** One moment of a ticket's SLA timeline. */
export interface TimelineEntry {
  /** Epoch milliseconds. */
  time: number;
  /** Wall time in the agreement calendar's zone (ISO 8601 with its offset). */
  local: string;
  kind: 'created' | 'reply' | 'estimate' | 'status' | 'pause' | 'resume' | 'severity' | 'channel' | 'resolved' | 'reopened' | 'closed' | 'escalation' | 'due' | 'met' | 'breached' | 'pending';
  /** The metric a `due`, `met`, `breached`, `pending` or escalation entry is about. */
  metric?: string;
  /** One plain-English sentence. */
  text: string;
}

/** One metric's verdict on the ticket, with the reason in words. */
export interface TimelineMetric {
  metric: string;
  status: string;
  /** As `slac check --format json` reports it. */
  elapsedMinutes: number;
  targetMinutes?: number;
  /** The severity whose target `targetMinutes` is, when not the ticket's `severity` (as `slac check --format json` reports it). */
  targetSeverity?: string;
  /** ISO instant in the metric clock's zone, as `slac check --format json` reports it; null, as there, when never due while paused. */
  due: string | null;
  /** When the event that stopped the metric came, in the metric clock's zone; absent while it runs (as in `slac check --format json`). */
  stoppedAt?: string;
  /** Why it is met, breached or pending. */
  reason: string;
}

/** A metric's time counted, in words; a breached one never printed as its target or under it (formatDurationBeside). */
export function elapsedText(metric: TimelineMetric): string {
  return metric.status === 'breached' && metric.targetMinutes !== undefined ? formatDurationBeside(metric.elapsedMinutes, metric.targetMinutes, true) : formatDuration(metric.elapsedMinutes);
}

/** A ticket's SLA timeline and its metric verdicts, from the evaluation `slac check` runs. */
export interface TicketTimeline {
  ticket: string;
  /** The portfolio client the ticket belongs to; set by callers that know it. */
  client?: string;
  /** Severity at the as-of instant. */
  severity?: string;
  channel?: string;
  /** The as-of instant the verdicts hold at, in `zone`. */
  asOf?: string;
  /** The IANA zone of the entries' wall times. */
  zone?: string;
  /** In time order (ties: log events first, in log order). */
  entries: TimelineEntry[];
  /** In the agreement's metric order; metrics that do not apply are absent. */
  metrics: TimelineMetric[];
}

/** Contexts compile calendars: one per model, however many tickets a site explains. */
const contexts = new WeakMap<AgreementModel, EvaluationContext>();

/**
 * The timeline of one ticket at `asOf`, from its events as runtime/log
 * reads them (any order; those after `asOf` are left out, as `slac check`
 * leaves them out). The verdicts are `evaluateTicket`'s, the figures that
 * `slac check --format json` reports; the entries come from the same
 * evaluation's clocks, pauses and escalations. Wall times are in the zone
 * `slac check` shows ticket instants in (the first ticket metric's calendar).
 */
export function ticketTimeline(model: AgreementModel, events: readonly TicketEvent[], asOf: number): TicketTimeline {
  let context = contexts.get(model);
  if (!context) contexts.set(model, (context = createEvaluationContext(model)));
  const verdict = evaluateTicket(context, events, asOf);
  const evaluated = buildTimeline(context, events, asOf);
  const zone = context.reportZone;
  const measured: MeasuredMetric[] = [];
  const runs = new Map<MetricModel, MetricRuns>();
  for (const metric of context.ticketMetrics) {
    const result = ownValue(verdict.metrics, metric.name);
    if (!result || metric.measures === 'uptime') continue;
    const evaluation = evaluateMetric(context, metric, evaluated);
    if (!evaluation) continue;
    const metricRun = metricRuns(metric.measures, evaluated);
    runs.set(metric, metricRun);
    measured.push({ metric, runs: metricRun, evaluation, verdict: result });
  }
  const drafts: DraftEntry[] = eventEntries({ context, timeline: evaluated, runs });
  const metrics = measured.map((each) => {
    const explanation = explainMetric(each, evaluated, zoneOf(context, each.metric.clock), isAroundTheClock(findCalendar(model, each.metric.clock)));
    for (const entry of explanation.entries) drafts.push(entry); // not push(...): one entry per event, and there may be 100,000s
    const row: TimelineMetric = {
      metric: each.metric.name,
      status: each.verdict.status,
      elapsedMinutes: each.verdict.elapsedMinutes,
      targetMinutes: each.verdict.targetMinutes,
      // The target's severity beside the target, when it is not the ticket's (it stopped before the severity changed).
      ...(each.verdict.targetSeverity === verdict.severity ? {} : { targetSeverity: each.verdict.targetSeverity }),
      reason: explanation.reason,
      due: each.verdict.due === null ? null : formatInstant(each.verdict.due, zoneOf(context, each.metric.clock)),
      ...(each.verdict.stoppedAt === undefined ? {} : { stoppedAt: formatInstant(each.verdict.stoppedAt, zoneOf(context, each.metric.clock)) }),
    };
    return row;
  });
  for (const entry of escalationEntries(model, verdict.escalations, zone)) drafts.push(entry);
  const timeline: TicketTimeline = {
    ticket: verdict.id,
    severity: verdict.severity,
    asOf: formatInstant(asOf, zone),
    zone,
    entries: toEntries(drafts, zone),
    metrics,
  };
  if (verdict.channel !== undefined) timeline.channel = verdict.channel;
  return timeline;
}

/** Sorted by time, stably (log events keep log order and come before what they caused at the same instant). */
function toEntries(drafts: readonly DraftEntry[], zone: string): TimelineEntry[] {
  return drafts
    .map((draft, order) => ({ draft, order }))
    .sort((a, b) => a.draft.time - b.draft.time || a.order - b.order)
    .map(({ draft }) => ({
      time: draft.time,
      local: formatInstant(draft.time, zone),
      kind: draft.kind,
      ...(draft.metric === undefined ? {} : { metric: draft.metric }),
      text: draft.text,
    }));
}
