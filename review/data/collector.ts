import type { AgreementModel } from '../../language/model/model.js';
import { agreementSets, creditedUptimeMetrics } from '../../runtime/report/agreement-sets.js';
import type { ReportOutput } from '../../runtime/check.js';
import type { EscalationRow, UptimeRow } from '../../runtime/evaluate/summary.js';
import type { CheckSummary } from '../../runtime/check.js';
import type { TicketVerdictJson } from '../../runtime/report/index.js';
import { attainmentAgainst, NO_CHANNEL, type BreachCount, type BreachedTicket, type EscalationCounts, type MonthFigures, type SiteData, type UptimeMeasure, type VerdictCounts } from './site-data.js';
import { inSpan, monthsBetween, periodInSpan, previousDay, refuseDateOutsideYears, type DateSpan } from './window.js';

interface MonthTally {
  tickets: number;
  breachedTickets: number;
  metrics: Map<string, VerdictCounts>;
  bySeverity: Map<string, number>;
  byChannel: Map<string, number>;
  escalations: EscalationCounts;
  /** Of those, the levels counted here though they fall due after the as-of instant. */
  escalationsDueAfterAsOf: number;
}

/**
 * Collects the site's figures from a check as it runs: a `ReportOutput`
 * that receives each ticket exactly as `slac check --format json` writes
 * it, then (`finish`) the summary and escalation rows of the same outcome.
 * Keeps counts per month and the breached tickets, never every ticket.
 */
export class SiteDataCollector {
  private readonly months = new Map<string, MonthTally>();
  private readonly breached: BreachedTicket[] = [];
  /** Tickets created outside the span: counted, so that a span holding none of the log's tickets can be told. */
  private outsideSpan = 0;

  constructor(
    private readonly model: AgreementModel,
    private readonly span: DateSpan,
  ) {}

  /** The output to give the check session. */
  output(progress?: ReportOutput['progress']): ReportOutput {
    return { ticket: (ticket) => this.ticket(ticket), streamsEscalations: true, ...(progress ? { progress } : {}) };
  }

  /** One ticket of the JSON report. */
  ticket(ticket: TicketVerdictJson): void {
    if (!inSpan(ticket.created, this.span)) {
      this.outsideSpan += 1;
      return;
    }
    const tally = this.monthOf(ticket.created.slice(0, 7));
    tally.tickets += 1;
    const breaches: BreachedTicket['breaches'] = [];
    for (const name in ticket.metrics) {
      const verdict = ticket.metrics[name]!;
      let counts = tally.metrics.get(name);
      if (!counts) tally.metrics.set(name, (counts = { met: 0, breached: 0, pending: 0 }));
      counts[verdict.status] += 1;
      if (verdict.status !== 'breached') continue;
      // A target missed before the severity changed is the earlier severity's (JSON `targetSeverity`, given only then).
      const targetSeverity = verdict.targetSeverity ?? ticket.severity;
      breaches.push({ metric: name, elapsedMinutes: verdict.elapsedMinutes, targetMinutes: verdict.targetMinutes, due: verdict.due, ...(targetSeverity === ticket.severity ? {} : { targetSeverity }) });
      increment(tally.bySeverity, targetSeverity);
      increment(tally.byChannel, ticket.channel ?? NO_CHANNEL);
    }
    if (breaches.length === 0) return;
    tally.breachedTickets += 1;
    this.breached.push({ id: ticket.id, severity: ticket.severity, ...(ticket.channel === undefined ? {} : { channel: ticket.channel }), created: ticket.created, breaches });
  }

  /** The figures, once the check has finished: its summary and its escalation rows. */
  finish(summary: CheckSummary, escalations: Iterable<EscalationRow>, extra: { outagesGiven: boolean; client?: string; spanLabel?: string; latestEvent?: string }): SiteData {
    const sets = agreementSets(this.model);
    const asOfMillis = Date.parse(summary.asOf);
    for (const row of escalations) {
      // A level not yet due at the as-of instant (pending, or met ahead of its due) is as it stood then: counted in the as-of month, as the check counts it, never in a month past the log.
      const dueAfterAsOf = Date.parse(row.due) > asOfMillis;
      const countedAt = dueAfterAsOf ? summary.asOf : row.due;
      if (!inSpan(countedAt, this.span)) continue;
      const tally = this.monthOf(countedAt.slice(0, 7));
      tally.escalations[row.status] += 1;
      if (dueAfterAsOf) tally.escalationsDueAfterAsOf += 1;
    }
    const span = this.span;
    const uptime = summary.uptime.filter((row) => periodInSpan(row.period, span));
    const monthNames = this.monthNames(summary.asOf, uptime);
    const months = monthNames.map((month) => this.monthFigures(month));
    const totals = { tickets: 0, breachedTickets: 0, met: 0, breached: 0, pending: 0 };
    const escalationTotals: EscalationCounts = { met: 0, late: 0, missed: 0, pending: 0 };
    let escalationsDueAfterAsOf = 0;
    for (const month of this.months.values()) {
      escalationsDueAfterAsOf += month.escalationsDueAfterAsOf;
      totals.tickets += month.tickets;
      totals.breachedTickets += month.breachedTickets;
      for (const counts of month.metrics.values()) addCounts(totals, counts);
      addCounts(escalationTotals, month.escalations);
    }
    return {
      agreement: summary.agreement,
      ...(summary.title === undefined ? {} : { title: summary.title }),
      ...(extra.client === undefined ? {} : { client: extra.client }),
      asOf: summary.asOf,
      ...(extra.latestEvent === undefined ? {} : { latestEvent: extra.latestEvent }),
      span,
      ...(extra.spanLabel === undefined ? {} : { spanLabel: extra.spanLabel }),
      metrics: this.model.metrics.map((metric) => ({ name: metric.name, title: metric.title })),
      objectives: summary.objectives.filter((row) => periodInSpan(row.period, span)),
      uptime,
      credits: summary.credits.filter((row) => periodInSpan(row.period, span)),
      review: summary.review,
      totals,
      escalations: escalationTotals,
      escalationsDueAfterAsOf,
      bySeverity: this.orderedCounts([...this.months.values()].map((month) => month.bySeverity), this.model.severities.map((severity) => severity.name)),
      byChannel: this.orderedCounts([...this.months.values()].map((month) => month.byChannel), [...this.model.channels.map((channel) => channel.name), NO_CHANNEL]),
      months,
      breached: this.breached,
      invalidRows: summary.invalidRows,
      ticketsOutsideSpan: this.outsideSpan,
      setsEscalation: sets.escalation,
      setsCredits: sets.credits,
      uptimeMeasure: this.uptimeMeasure(extra.outagesGiven),
    };
  }

  private uptimeMeasure(outagesGiven: boolean): UptimeMeasure {
    const uptimeMetrics = this.model.metrics.filter((metric) => metric.measures === 'uptime');
    return { metricTitles: uptimeMetrics.map((metric) => metric.title), outagesGiven, creditsDependOn: creditedUptimeMetrics(this.model).length > 0 };
  }

  /**
   * Every month from the first with anything in it (or the span's start) to
   * the as-of month (or the span's end). An uptime period counts: an outage
   * log that starts before the ticket log gives uptime rows (a missed
   * objective, a review trigger) for months with no ticket, and each needs
   * its page and its place in the span.
   */
  private monthNames(asOf: string, uptime: readonly UptimeRow[]): string[] {
    const seen = [...this.months.keys(), ...uptime.map((row) => row.from.slice(0, 7))].sort();
    const first = this.span.from ?? seen[0] ?? asOf;
    // The as-of date in full: past 9999 it has five digits of year, and would compare before every month.
    const lastDay = this.span.to === undefined ? asOf.split('T')[0]! : previousDay(this.span.to);
    refuseDateOutsideYears(lastDay);
    const last = seen.length > 0 && seen[seen.length - 1]! > lastDay.slice(0, 7) ? seen[seen.length - 1]! : lastDay;
    return monthsBetween(first, last);
  }

  private monthFigures(month: string): MonthFigures {
    const tally = this.months.get(month) ?? emptyTally();
    const metrics = this.model.metrics
      .filter((metric) => tally.metrics.has(metric.name))
      .map((metric) => {
        const counts = tally.metrics.get(metric.name)!;
        return { metric: metric.name, title: metric.title, ...counts, ...attainmentAgainst(counts, metric.objective?.percent) };
      });
    return {
      month,
      tickets: tally.tickets,
      breachedTickets: tally.breachedTickets,
      metrics,
      bySeverity: this.orderedCounts([tally.bySeverity], this.model.severities.map((severity) => severity.name)),
      byChannel: this.orderedCounts([tally.byChannel], [...this.model.channels.map((channel) => channel.name), NO_CHANNEL]),
      escalations: tally.escalations,
      escalationsDueAfterAsOf: tally.escalationsDueAfterAsOf,
    };
  }

  /** Sums of the maps, in the agreement's order; names the log used that the agreement does not declare come last. */
  private orderedCounts(maps: Map<string, number>[], declared: string[]): BreachCount[] {
    const sums = new Map<string, number>();
    for (const map of maps) for (const [name, count] of map) sums.set(name, (sums.get(name) ?? 0) + count);
    const names = [...declared.filter((name) => name !== NO_CHANNEL || sums.has(name)), ...[...sums.keys()].filter((name) => !declared.includes(name)).sort()];
    return names.map((name) => ({ name, breaches: sums.get(name) ?? 0 }));
  }

  private monthOf(month: string): MonthTally {
    let tally = this.months.get(month);
    if (!tally) this.months.set(month, (tally = emptyTally()));
    return tally;
  }
}

function emptyTally(): MonthTally {
  return { tickets: 0, breachedTickets: 0, metrics: new Map(), bySeverity: new Map(), byChannel: new Map(), escalations: { met: 0, late: 0, missed: 0, pending: 0 }, escalationsDueAfterAsOf: 0 };
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function addCounts<T extends object>(sum: T, counts: T): void {
  for (const key in counts) (sum as Record<string, number>)[key] = ((sum as Record<string, number>)[key] ?? 0) + (counts as Record<string, number>)[key]!;
}
