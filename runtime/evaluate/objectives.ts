import { periodOf, type PeriodSpan } from '../clock/index.js';
import type { MetricModel, Period } from '../../language/model/model.js';
import { zoneOf, type EvaluationContext } from './context.js';
import type { TicketVerdict } from './verdict.js';

/** Counts of one metric in one period. */
export interface PeriodTally {
  readonly label: string;
  readonly start: number;
  met: number;
  breached: number;
  pending: number;
}

/** The period a ticket metric is tallied by: its objective's, else monthly (for credits). */
export function ticketMetricPeriod(metric: MetricModel): Period {
  return metric.objective?.period ?? 'monthly';
}

/**
 * Tallies met/breached/pending per metric and period without keeping the
 * verdicts. A ticket belongs to the period, in its metric clock's zone, in
 * which it was created. Only metrics with an objective or a credit tier are
 * tallied.
 */
export class ObjectiveTally {
  private readonly perMetric = new Map<string, Map<string, PeriodTally>>();
  /** The last period looked up per metric: logs are mostly in time order, so this saves most zone arithmetic. */
  private readonly lastSpan = new Map<string, PeriodSpan>();
  private readonly metrics: readonly MetricModel[];

  constructor(private readonly context: EvaluationContext) {
    const credited = new Set(context.model.credits?.tiers.map((tier) => tier.metric) ?? []);
    this.metrics = context.ticketMetrics.filter((metric) => metric.objective || credited.has(metric.name));
  }

  add(verdict: TicketVerdict): void {
    for (const metric of this.metrics) {
      const metricVerdict = verdict.metrics[metric.name];
      if (!metricVerdict) continue;
      const span = this.spanOf(metric, verdict.created);
      let periods = this.perMetric.get(metric.name);
      if (!periods) this.perMetric.set(metric.name, (periods = new Map()));
      let tally = periods.get(span.label);
      if (!tally) periods.set(span.label, (tally = { label: span.label, start: span.start, met: 0, breached: 0, pending: 0 }));
      tally[metricVerdict.status] += 1;
    }
  }

  /** Tallies in metric declaration order, then period order. */
  rows(): { metric: MetricModel; tally: PeriodTally }[] {
    const rows: { metric: MetricModel; tally: PeriodTally }[] = [];
    for (const metric of this.metrics) {
      const periods = [...(this.perMetric.get(metric.name)?.values() ?? [])].sort((a, b) => a.start - b.start);
      for (const tally of periods) rows.push({ metric, tally });
    }
    return rows;
  }

  private spanOf(metric: MetricModel, instant: number): PeriodSpan {
    const cached = this.lastSpan.get(metric.name);
    if (cached && cached.start <= instant && instant < cached.end) return cached;
    const span = periodOf(instant, ticketMetricPeriod(metric), zoneOf(this.context, metric.clock));
    this.lastSpan.set(metric.name, span);
    return span;
  }
}
