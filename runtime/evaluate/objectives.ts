import { periodOf } from '../clock/index.js';
import type { MetricModel, Period } from '../../language/model/model.js';
import { zoneOf, type EvaluationContext } from './context.js';
import { metricVerdictsByIndex, type TicketVerdict } from './verdict.js';

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
  /** Per tallied metric (by index in `metrics`), its tallies by period label. */
  private readonly perMetric: Map<string, PeriodTally>[];
  /**
   * Per tallied metric, the period last counted into and its tally: logs are
   * mostly in time order, so most tickets count into the same one as the
   * ticket before, found with two comparisons (no zone arithmetic, no label).
   */
  private readonly lastSlot: (TallySlot | undefined)[];
  private readonly metrics: readonly MetricModel[];
  /** Each tallied metric's index in `context.ticketMetrics`. */
  private readonly ticketMetricIndex: readonly number[];

  constructor(private readonly context: EvaluationContext) {
    const credited = new Set(context.model.credits?.tiers.map((tier) => tier.metric) ?? []);
    const tallied = (metric: MetricModel): boolean => Boolean(metric.objective) || credited.has(metric.name);
    this.metrics = context.ticketMetrics.filter(tallied);
    this.ticketMetricIndex = context.ticketMetrics.flatMap((metric, index) => (tallied(metric) ? [index] : []));
    this.perMetric = this.metrics.map(() => new Map());
    this.lastSlot = this.metrics.map(() => undefined);
  }

  /** `metricVerdicts`: the verdict's `metricVerdictsByIndex`, when the caller has it. */
  add(verdict: TicketVerdict, metricVerdicts = metricVerdictsByIndex(this.context, verdict)): void {
    const ticketMetricIndex = this.ticketMetricIndex;
    for (let index = 0; index < ticketMetricIndex.length; index++) {
      const metricVerdict = metricVerdicts[ticketMetricIndex[index]!];
      if (!metricVerdict) continue;
      this.tallyOf(index, verdict.created)[metricVerdict.status] += 1;
    }
  }

  /**
   * Every tally, by tallied metric: what `merge` adds into another tally of
   * the same agreement (a `--jobs` worker's share of the tickets).
   */
  part(): PeriodTally[][] {
    return this.perMetric.map((periods) => [...periods.values()].map((tally) => ({ ...tally })));
  }

  /** Adds the counts of another tally's `part`, period by period. */
  merge(part: readonly (readonly PeriodTally[])[]): void {
    part.forEach((tallies, metricIndex) => {
      const periods = this.perMetric[metricIndex]!;
      for (const added of tallies) {
        const tally = periods.get(added.label);
        if (!tally) periods.set(added.label, { ...added });
        else {
          tally.met += added.met;
          tally.breached += added.breached;
          tally.pending += added.pending;
        }
      }
    });
  }

  /** Tallies in metric declaration order, then period order. */
  rows(): { metric: MetricModel; tally: PeriodTally }[] {
    const rows: { metric: MetricModel; tally: PeriodTally }[] = [];
    this.metrics.forEach((metric, index) => {
      const periods = [...this.perMetric[index]!.values()].sort((a, b) => a.start - b.start);
      for (const tally of periods) rows.push({ metric, tally });
    });
    return rows;
  }

  /** The tally of the metric's period that `instant` falls in. */
  private tallyOf(metricIndex: number, instant: number): PeriodTally {
    const last = this.lastSlot[metricIndex];
    if (last && last.start <= instant && instant < last.end) return last.tally;
    const metric = this.metrics[metricIndex]!;
    const span = periodOf(instant, ticketMetricPeriod(metric), zoneOf(this.context, metric.clock));
    const periods = this.perMetric[metricIndex]!;
    let tally = periods.get(span.label);
    if (!tally) periods.set(span.label, (tally = { label: span.label, start: span.start, met: 0, breached: 0, pending: 0 }));
    this.lastSlot[metricIndex] = { start: span.start, end: span.end, tally };
    return tally;
  }
}

/** A period's bounds and the tally counted in it. */
interface TallySlot {
  readonly start: number;
  readonly end: number;
  readonly tally: PeriodTally;
}
