import type { Measure } from '../../language/model/model.js';
import { instantAfterOpenMillis, openMillisBetween, type CompiledCalendar } from '../clock/index.js';
import { containsInstant, type Interval } from './intervals.js';
import { pushOutsidePauses, reportedElapsedMinutes, toMinutes, type MetricClock } from './metric-clock.js';
import { isAgentReply, isResolution } from './timeline.js';
import type { TicketEvent } from '../log/events.js';
import type { MetricEvaluation, MetricVerdict } from './verdict.js';

/**
 * The common case of a ticket metric, kept as numbers: one running span
 * from `created` to its stop (or on past the as-of instant), less the
 * ticket's pauses. The general way (metric runs, then `buildMetricClock`)
 * gives that span a clock whose spans this works out straight into one flat
 * list, as `orderedClockSpans` does (one-clock-fast-path.test.ts compares
 * the two), without the lists of runs, spans and intervals in between. The
 * clock itself is made only when asked (the review timeline asks, a check
 * does not).
 */
export class OneClockEvaluation implements MetricEvaluation {
  readonly perCycle = false;
  /** The clock's spans as [start, end, start, end, ...]; the last end may be Infinity. */
  private readonly spans: number[];
  readonly elapsedMillis: number;
  readonly verdict: MetricVerdict;

  constructor(
    readonly calendar: CompiledCalendar,
    /** The ticket's creation. */
    readonly start: number,
    /** The stop, or the as-of instant. */
    readonly reference: number,
    readonly stopped: boolean,
    readonly targetMillis: number,
    /** The severity whose target `targetMillis` is (`MetricVerdict.targetSeverity`). */
    targetSeverity: string,
    pauses: readonly Interval[],
  ) {
    this.spans = oneClockSpans(start, reference, pauses);
    const elapsed = (this.elapsedMillis = this.measuredMillis());
    // Key order as the general way makes the verdict (the JSON report lists them so).
    const breached = elapsed > targetMillis;
    this.verdict = {
      status: breached ? 'breached' : stopped ? 'met' : 'pending',
      elapsedMinutes: reportedElapsedMinutes(elapsed, targetMillis, breached),
      targetMinutes: toMinutes(targetMillis),
      targetSeverity,
      due: this.instantReaching(targetMillis),
    };
    if (stopped) this.verdict.stoppedAt = reference;
  }

  /** The clock the general way builds, made on demand. */
  get clocks(): readonly MetricClock[] {
    const spans: Interval[] = [];
    for (let index = 0; index < this.spans.length; index += 2) spans.push([this.spans[index]!, this.spans[index + 1]!]);
    return [{ calendar: this.calendar, spans, reference: this.reference, start: this.start }];
  }

  get elapsed(): readonly number[] {
    return [this.elapsedMillis];
  }

  /** metric-clock.ts's `elapsedMillis` of the clock. */
  private measuredMillis(): number {
    const spans = this.spans;
    let total = 0;
    for (let index = 0; index < spans.length; index += 2) {
      const start = spans[index]!;
      const end = Math.min(spans[index + 1]!, this.reference);
      if (end > start) total += openMillisBetween(this.calendar, start, end);
    }
    return total;
  }

  /** The last `instantReaching` asked and its answer: the due instant is asked again by an escalation `at 100%`. */
  private reachedAmount = NaN;
  private reached: number | null = null;

  /** metric-clock.ts's `instantReaching` of the clock. */
  instantReaching(amount: number): number | null {
    if (amount === this.reachedAmount) return this.reached;
    this.reached = this.firstReaching(amount);
    this.reachedAmount = amount;
    return this.reached;
  }

  private firstReaching(amount: number): number | null {
    const spans = this.spans;
    let accrued = 0;
    for (let index = 0; index < spans.length; index += 2) {
      const start = spans[index]!;
      const end = spans[index + 1]!;
      const open = end === Infinity ? Infinity : openMillisBetween(this.calendar, start, end);
      if (accrued + open >= amount) {
        const instant = instantAfterOpenMillis(this.calendar, start, amount - accrued);
        return Number.isFinite(instant) ? instant : null;
      }
      accrued += open;
    }
    return null;
  }

  /** escalation.ts's `crossingWhileRunning` of the clock: a stopped clock counts only a crossing before its stop. */
  crossing(amount: number): number | null {
    if (this.stopped && this.elapsedMillis < amount) return null;
    const crossing = this.instantReaching(amount);
    if (crossing === null) return null;
    return !this.stopped || crossing < this.reference ? crossing : null;
  }
}

/**
 * `orderedClockSpans([[start, end]], pauses, reference)` for the one running
 * span of a metric (`end` is the stop, which is `reference`, or Infinity:
 * clipped to `reference` either way), flat. The measured part
 * `[start, reference)` joins the projection `[reference, Infinity)` unless
 * paused at `reference`; then the pauses, clipped to `reference`, are taken out.
 */
export function oneClockSpans(start: number, reference: number, pauses: readonly Interval[]): number[] {
  const projected = !containsInstant(pauses, reference);
  const unitedStart = reference > start ? start : reference;
  const unitedEnd = projected ? Infinity : reference;
  if (!(unitedEnd > unitedStart)) return [];
  const spans: number[] = [];
  pushOutsidePauses(spans, unitedStart, unitedEnd, pauses, reference);
  return spans;
}

/**
 * For a metric that runs once from `created`, the index of the event that
 * stops it, as metric-runs.ts finds it: `events.length` when it still runs
 * at the as-of instant, -1 when it does not run once (a resolution clock
 * restarted by `reopened`, and the metrics measured in gaps or cycles).
 */
export function oneRunStop(measure: Exclude<Measure, 'uptime'>, events: readonly TicketEvent[]): number {
  switch (measure) {
    case 'firstResponse':
    case 'firstEstimate': {
      const byEstimate = measure === 'firstEstimate';
      for (let index = 1; index < events.length; index++) {
        const event = events[index]!;
        if ((byEstimate ? event.event === 'estimate' : isAgentReply(event)) || isResolution(event)) return index;
      }
      return events.length;
    }
    case 'resolution': {
      let stop = events.length;
      for (let index = 1; index < events.length; index++) {
        const event = events[index]!;
        if (stop === events.length) {
          if (isResolution(event)) stop = index;
        } else if (event.event === 'reopened') {
          return -1;
        }
      }
      return stop;
    }
    default:
      return -1;
  }
}
