import { DateTime } from 'luxon';
import { formatInstant } from '../clock/index.js';
import { targetFor, type MetricModel } from '../../language/model/model.js';
import type { OutageRow } from '../log/events.js';
import { zoneOf, type EvaluationContext } from './context.js';
import { creditsOwed, type MeasuredRatio } from './credits.js';
import type { EscalationVerdict } from './escalation.js';
import { EscalationList, type EscalationListPart, type TicketIds } from './escalation-list.js';
import { JoinedTicketIds } from './joined-ticket-ids.js';
import { downtimeMinutesNotAcross, mostMissedKeeping, objectiveFraction, ratioBelowPercent, roundFractionBelow } from './fractions.js';
import { ObjectiveTally, type PeriodTally } from './objectives.js';
import { nextReviewDate } from './review.js';
import type {
  BreachList,
  BreachRow,
  ObjectiveRow,
  ReportSummary,
  ReportTotals,
  ReviewTrigger,
  SkippedRow,
  UptimeRow,
} from './summary.js';
import { maintenanceSummary } from './maintenance-rows.js';
import { measureUptime, outageWindows, type OutageWindows } from './uptime.js';
import { toMinutes } from './metric-clock.js';
import { metricVerdictsByIndex, type MetricVerdict, type TicketVerdict } from './verdict.js';

export interface ReportBuilderOptions {
  /** How many breaches to keep for the text report (all are counted). Default 500. */
  maxListedBreaches?: number;
  /**
   * Where ticket ids are kept by number: `addTicket` then takes each
   * verdict's ticket number, and the escalations keep that number rather
   * than the id's text.
   */
  ticketIds?: TicketIds;
  /**
   * When the report lists only the first this many owed escalations (the
   * text report; 0 for one that lists none, CSV): the builder keeps only
   * those rows (see `EscalationList`); the totals count every one. Default:
   * every row, for a report that lists them all (JSON).
   */
  listedEscalations?: number;
}

/** Outage rows no period of some uptime metric measures (SLA4059). */
export interface OutageRowsBeforeReporting {
  rows: readonly OutageRow[];
  /** The titles of the uptime metrics that miss every row listed. */
  missedBy: readonly string[];
  /** Whether those are every uptime metric: no period counts the rows at all. */
  everyMetric: boolean;
}

/**
 * What a `ReportBuilder` has counted, as plain data: a `--jobs` worker
 * builds the report of its share of the tickets and sends this, and the
 * coordinator's builder `merge`s every share. Each part is a sum, a
 * minimum, or rows the report sorts by a total order (breaches, review
 * triggers, escalations), so the merged report is the one a single builder
 * fed every ticket would make.
 */
export interface ReportPart {
  totals: ReportTotals;
  earliest: number;
  /** Tickets created before local midnight of the agreement's `effective` date (see `createdBeforeEffective`). */
  createdBeforeEffective: number;
  tallies: PeriodTally[][];
  breachCount: number;
  /** The breaches that can still be listed (the first `maxListed` of this part, in report order). */
  breachRows: BreachRow[];
  majorBreaches: { created: number; trigger: ReviewTrigger }[];
  escalations: EscalationListPart;
}

/**
 * Aggregates ticket verdicts into a report without keeping them: objective
 * tallies per period, escalations owed, review triggers, and a bounded list
 * of breaches for people to read.
 */
export class ReportBuilder {
  private readonly tally: ObjectiveTally;
  /** Every escalation owed, compactly; rows are made when the report is written. */
  readonly escalations: EscalationList;
  private readonly majorBreaches: { created: number; trigger: ReviewTrigger }[] = [];
  private readonly breachRows: BreachRow[] = [];
  private readonly maxListed: number;
  private breachCount = 0;
  /** The last of the kept breaches once there are as many as are listed. */
  private lastListed: BreachRow | undefined;
  private earliest = Infinity;
  /** Local midnight of `effective` in the report's zone; -Infinity without one. */
  private readonly effectiveStart: number;
  private beforeEffective = 0;
  private windows: OutageWindows | undefined;
  private readonly totals: ReportTotals = {
    tickets: 0,
    breachedTickets: 0,
    met: 0,
    breached: 0,
    pending: 0,
    escalations: { met: 0, late: 0, missed: 0, pending: 0 },
  };

  constructor(
    private readonly context: EvaluationContext,
    private readonly asOf: number,
    options: ReportBuilderOptions = {},
  ) {
    this.tally = new ObjectiveTally(context);
    this.effectiveStart = effectiveStart(context, context.reportZone) ?? -Infinity;
    this.maxListed = options.maxListedBreaches ?? 500;
    this.escalations = new EscalationList((escalation) => this.escalationZone(escalation), options.ticketIds, options.listedEscalations);
  }

  /**
   * A builder that `merge`s the reports of `--jobs` partitions (and adds
   * no ticket itself): its escalations join the partitions' ticket ids.
   */
  static ofParts(context: EvaluationContext, asOf: number, listedEscalations?: number): ReportBuilder {
    return new ReportBuilder(context, asOf, { ticketIds: new JoinedTicketIds(), listedEscalations });
  }

  /** Counts one ticket's verdict into the report; `ticket` is its number in `ticketIds` (required with them). */
  addTicket(verdict: TicketVerdict, ticket?: number): void {
    this.totals.tickets += 1;
    this.earliest = Math.min(this.earliest, verdict.created);
    if (verdict.created < this.effectiveStart) this.beforeEffective += 1;
    const metricVerdicts = metricVerdictsByIndex(this.context, verdict);
    this.tally.add(verdict, metricVerdicts);
    // Made for the tickets that breach only.
    let breachedMetrics: string[] | undefined;
    const metrics = this.context.ticketMetrics;
    for (let index = 0; index < metrics.length; index++) {
      const metric = metrics[index]!;
      const metricVerdict = metricVerdicts[index];
      if (!metricVerdict) continue;
      this.totals[metricVerdict.status] += 1;
      if (metricVerdict.status !== 'breached') continue;
      (breachedMetrics ??= []).push(metric.name);
      this.keepBreach(verdict, metric, metricVerdict);
    }
    if (breachedMetrics !== undefined) {
      this.totals.breachedTickets += 1;
      // Kept only when the report lists them: a large log has many.
      if (this.context.model.review?.afterMajorIncident && this.context.severityRank.get(verdict.severity) === 0) {
        this.majorBreaches.push({
          created: verdict.created,
          trigger: { kind: 'breach', ticket: verdict.id, severity: verdict.severity, metrics: breachedMetrics },
        });
      }
    }
    const escalations = verdict.escalations;
    for (let index = 0; index < escalations.length; index++) {
      const escalation = escalations[index]!;
      this.totals.escalations[escalation.status] += 1;
      this.escalations.add(escalation, ticket);
    }
  }

  /** What this builder has counted (see `ReportPart`). */
  part(): ReportPart {
    this.trimBreaches();
    return {
      totals: this.totals,
      earliest: this.earliest,
      createdBeforeEffective: this.beforeEffective,
      tallies: this.tally.part(),
      breachCount: this.breachCount,
      breachRows: this.breachRows,
      majorBreaches: this.majorBreaches,
      escalations: this.escalations.part(),
    };
  }

  /** Adds what another builder of the same agreement and as-of instant counted. */
  merge(part: ReportPart): void {
    const totals = this.totals;
    totals.tickets += part.totals.tickets;
    totals.breachedTickets += part.totals.breachedTickets;
    totals.met += part.totals.met;
    totals.breached += part.totals.breached;
    totals.pending += part.totals.pending;
    for (const status of ['met', 'late', 'missed', 'pending'] as const) totals.escalations[status] += part.totals.escalations[status];
    this.earliest = Math.min(this.earliest, part.earliest);
    this.beforeEffective += part.createdBeforeEffective;
    this.tally.merge(part.tallies);
    this.breachCount += part.breachCount;
    // One at a time: a spread of a long list would overflow the stack.
    for (const row of part.breachRows) this.breachRows.push(row);
    this.trimBreaches();
    for (const entry of part.majorBreaches) this.majorBreaches.push(entry);
    this.escalations.append(part.escalations);
  }

  /**
   * How many tickets were created before the agreement took effect (local
   * midnight of `effective` in the report's zone). They are checked and
   * counted in the objectives of their periods as any other: the check
   * says so (SLA4050).
   */
  get createdBeforeEffective(): number {
    return this.beforeEffective;
  }

  /** The outage log; without one, no uptime is reported. */
  setOutages(rows: readonly OutageRow[]): void {
    this.windows = outageWindows(rows);
    for (const row of rows) this.earliest = Math.min(this.earliest, row.start);
  }

  /**
   * Outage rows that end before an uptime metric's first period begins (the
   * agreement's effective date, at midnight in that metric clock's zone): no
   * period of that metric measures them, so they count nowhere there, and
   * SLA4059 says so. With clocks in different zones a row may end between
   * their midnights: `missedBy` names the metrics that miss every row listed,
   * all of them when none counts any. Without `effective` reporting starts
   * at the earliest outage, so there are none.
   */
  outageRowsBeforeReporting(): OutageRowsBeforeReporting {
    const metrics = this.context.uptimeMetrics;
    if (!this.windows || metrics.length === 0) return { rows: [], missedBy: [], everyMetric: true };
    const starts = metrics.map((metric) => this.startOfReporting(zoneOf(this.context, metric.clock)));
    const rows = this.windows.rows.filter((row) => row.end <= Math.max(...starts));
    const lastEnd = rows.reduce((latest, row) => Math.max(latest, row.end), -Infinity);
    const missing = metrics.filter((_, index) => lastEnd <= starts[index]!);
    return { rows, missedBy: missing.map((metric) => metric.title), everyMetric: missing.length === metrics.length };
  }

  /** The breaches kept for the text report, in report order, and the total. */
  breaches(): BreachList {
    this.trimBreaches();
    return { rows: [...this.breachRows], total: this.breachCount };
  }

  /**
   * The report's aggregate part. With `listEscalations: false` its
   * `escalations` list is left empty, for a writer that lists them from
   * `this.escalations` one row at a time (a large log owes many).
   */
  finish(extra: { invalidRows: number; skipped: SkippedRow[]; listEscalations?: boolean }): ReportSummary {
    const objectives = this.objectiveRows();
    const uptime = this.uptimeRows();
    const ratios = [...objectives.ratios, ...uptime.ratios];
    const summary: ReportSummary = {
      agreement: this.context.model.agreement?.name ?? '',
      asOf: formatInstant(this.asOf, this.context.reportZone),
      objectives: objectives.rows,
      uptime: uptime.rows,
      escalations: extra.listEscalations === false ? [] : this.escalations.toRows(),
      credits: creditsOwed(this.context.model.credits, ratios),
      review: { next: nextReviewDate(this.context, this.asOf), triggers: this.reviewTriggers(uptime.rows) },
      invalidRows: extra.invalidRows,
      skipped: extra.skipped,
      totals: this.totals,
    };
    const title = this.context.model.agreement?.title;
    if (title !== undefined) summary.title = title;
    return summary;
  }

  private keepBreach(verdict: TicketVerdict, metric: MetricModel, metricVerdict: MetricVerdict): void {
    this.breachCount += 1;
    const order = metricVerdict.due ?? verdict.created;
    // A breach after the last of a full list can never be listed: skip making its row.
    const last = this.lastListed;
    if (last && compareBreaches(order, verdict.id, metric.name, last) > 0) return;
    const target = targetFor(metric, metricVerdict.targetSeverity, verdict.channel);
    this.breachRows.push({
      ticket: verdict.id,
      severity: verdict.severity,
      targetSeverity: metricVerdict.targetSeverity,
      ...(verdict.channel !== undefined && metric.channelTargets?.length ? { channel: verdict.channel } : {}),
      metric: metric.name,
      title: metric.title,
      targetMinutes: metricVerdict.targetMinutes,
      ...(target?.unit === 'businessDays' ? { businessDays: target.text } : {}),
      elapsedMinutes: metricVerdict.elapsedMinutes,
      overMinutes: toMinutes((metricVerdict.elapsedMinutes - metricVerdict.targetMinutes) * 60_000),
      due: metricVerdict.due === null ? null : formatInstant(metricVerdict.due, zoneOf(this.context, metric.clock)),
      order,
    });
    if (this.breachRows.length >= 2 * this.maxListed) this.trimBreaches();
  }

  /** Report order: when the target was reached, then ticket, then metric. */
  private trimBreaches(): void {
    this.breachRows.sort((a, b) => compareBreaches(a.order, a.ticket, a.metric, b));
    this.breachRows.length = Math.min(this.breachRows.length, this.maxListed);
    this.lastListed = this.maxListed > 0 && this.breachRows.length === this.maxListed ? this.breachRows[this.maxListed - 1] : undefined;
  }

  private objectiveRows(): { rows: ObjectiveRow[]; ratios: MeasuredRatio[] } {
    const rows: ObjectiveRow[] = [];
    const ratios: MeasuredRatio[] = [];
    for (const { metric, tally } of this.tally.rows()) {
      const counted = tally.met + tally.breached;
      const percent = metric.objective?.percent;
      const objective = percent === undefined ? null : objectiveFraction(percent);
      const ok = counted === 0 || percent === undefined ? null : !ratioBelowPercent(tally.met, counted, percent);
      const attainment = counted === 0 ? null : roundFractionBelow(tally.met / counted, objective, ok);
      rows.push({
        metric: metric.name,
        title: metric.title,
        period: tally.label,
        met: tally.met,
        breached: tally.breached,
        pending: tally.pending,
        attainment,
        objective,
        ok,
      });
      if (attainment !== null) ratios.push({ metric: metric.name, period: tally.label, start: tally.start, numerator: tally.met, denominator: counted, figure: attainment });
    }
    return { rows, ratios };
  }

  private uptimeRows(): { rows: UptimeRow[]; ratios: MeasuredRatio[] } {
    const rows: UptimeRow[] = [];
    const ratios: MeasuredRatio[] = [];
    if (!this.windows) return { rows, ratios };
    for (const metric of this.context.uptimeMetrics) {
      const zone = zoneOf(this.context, metric.clock);
      for (const measure of measureUptime(this.context, metric, this.windows, this.startOfReporting(zone), this.asOf)) {
        const up = measure.scheduledMillis - measure.downtimeMillis;
        const percent = metric.objective?.percent;
        const scheduled = measure.scheduledMillis > 0;
        const objective = percent === undefined ? null : objectiveFraction(percent);
        const ok = !scheduled || percent === undefined ? null : !ratioBelowPercent(up, measure.scheduledMillis, percent);
        const uptime = scheduled ? roundFractionBelow(up / measure.scheduledMillis, objective, ok) : null;
        rows.push({
          metric: metric.name,
          title: metric.title,
          period: measure.period,
          from: formatInstant(measure.from, zone),
          to: formatInstant(measure.to, zone),
          scheduledMinutes: toMinutes(measure.scheduledMillis),
          downtimeMinutes: downtimeMinutesNotAcross(measure.downtimeMillis, percent === undefined ? undefined : mostMissedKeeping(percent, measure.scheduledMillis), ok),
          uptime,
          objective,
          ok,
          maintenance: maintenanceSummary(measure.maintenance, zone, metric.excludingMaintenance),
        });
        if (uptime !== null) ratios.push({ metric: metric.name, period: measure.period, start: measure.from, numerator: up, denominator: measure.scheduledMillis, figure: uptime });
      }
    }
    return { rows, ratios };
  }

  /** Local midnight of `effective` in the zone, else the earliest ticket or outage. */
  private startOfReporting(zone: string): number {
    return effectiveStart(this.context, zone) ?? this.earliest;
  }

  /** `at P% of Metric` levels show in the metric clock's zone, `after` levels in the escalation clock's. */
  private escalationZone(escalation: EscalationVerdict): string {
    const metric = escalation.metric === undefined ? undefined : this.context.model.metrics.find((m) => m.name === escalation.metric);
    return zoneOf(this.context, metric?.clock ?? this.context.model.escalation?.clock);
  }

  private reviewTriggers(uptime: readonly UptimeRow[]): ReviewTrigger[] {
    if (!this.context.model.review?.afterMajorIncident) return [];
    const breaches = [...this.majorBreaches].sort((a, b) => a.created - b.created || compareText(triggerTicket(a.trigger), triggerTicket(b.trigger)));
    const missedUptime: ReviewTrigger[] = uptime
      .filter((row) => row.ok === false)
      .map((row) => ({ kind: 'uptime', metric: row.metric, period: row.period, uptime: row.uptime, objective: row.objective }));
    return [...breaches.map((entry) => entry.trigger), ...missedUptime];
  }
}

function triggerTicket(trigger: ReviewTrigger): string {
  return trigger.kind === 'breach' ? trigger.ticket : '';
}

/** Report order of breaches: when the target was reached, then ticket, then metric. */
function compareBreaches(order: number, ticket: string, metric: string, other: BreachRow): number {
  return order - other.order || compareText(ticket, other.ticket) || compareText(metric, other.metric);
}

/** Locale-independent ordering, so the report is the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Local midnight of the agreement's `effective` date in `zone`; undefined without one. */
function effectiveStart(context: EvaluationContext, zone: string): number | undefined {
  const effective = context.model.agreement?.effective;
  return effective === undefined ? undefined : DateTime.fromISO(effective, { zone }).startOf('day').toMillis();
}
