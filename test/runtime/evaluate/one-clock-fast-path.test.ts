import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MetricModel } from '../../../language/model/model.js';
import { createEvaluationContext } from '../../../runtime/evaluate/index.js';
import { crossingWhileRunning } from '../../../runtime/evaluate/escalation.js';
import { orderedClockSpans } from '../../../runtime/evaluate/metric-clock.js';
import { OneClockEvaluation, oneClockSpans, oneRunStop } from '../../../runtime/evaluate/one-clock.js';
import { buildTimeline } from '../../../runtime/evaluate/timeline.js';
import { evaluateMetric, evaluateMetricByRuns, type MetricEvaluation } from '../../../runtime/evaluate/verdict.js';
import type { TicketEvent } from '../../../runtime/log/events.js';
import { agreement, at, businessDays, events, hours, metric, minutes } from './fixtures.js';

/**
 * The one-clock shortcut (runtime/evaluate/one-clock.ts) against the
 * general way (metric runs, then a clock per span): the same verdict, clock,
 * elapsed time and escalation crossings, for metrics that run once, with
 * and without pauses, on business-hours and around-the-clock calendars.
 */

const MINUTE = 60_000;
const START = at('2026-11-20T16:30:00-05:00');
const metrics: MetricModel[] = [
  metric('Respond', 'firstResponse', { target: minutes(20) }),
  metric('Estimate', 'firstEstimate', { clock: 'AroundTheClock', target: hours(24) }),
  metric('Fix', 'resolution', { targets: { Critical: hours(1), Standard: hours(2) } }),
  metric('FixInDays', 'resolution', { target: businessDays(1) }),
  { ...metric('FixNoPause', 'resolution', { target: hours(3) }), pause: { statuses: [] } },
];
const context = createEvaluationContext(agreement({ metrics }));

type Step = Pick<TicketEvent, 'event' | 'author' | 'status' | 'severity'>;
const step = fc.constantFrom<Step>(
  { event: 'reply', author: 'agent' },
  { event: 'reply', author: 'customer' },
  { event: 'reply', author: 'system' },
  { event: 'status', status: 'Waiting on customer' },
  { event: 'status', status: 'Working' },
  { event: 'severity', severity: 'Critical' },
  { event: 'severity', severity: 'Standard' },
  { event: 'resolved' },
  { event: 'closed' },
  { event: 'reopened' },
  { event: 'estimate' },
);

/** A ticket's events in time order, `created` first (minutes from the start; steps of 0 make ties). */
const ticket = fc
  .tuple(fc.constantFrom<string | undefined>('Critical', 'Standard', undefined), fc.array(fc.tuple(step, fc.integer({ min: 0, max: 900 })), { maxLength: 10 }))
  .map(([severity, steps]) => {
    let minute = 0;
    const list: TicketEvent[] = [{ ticket: 'T', time: START, event: 'created', ...(severity ? { severity } : {}), line: 2, seq: 0 }];
    steps.forEach(([each, gap], index) => {
      minute += gap;
      list.push({ ticket: 'T', time: START + minute * MINUTE, ...each, line: index + 3, seq: index + 1 });
    });
    return list;
  });

/** The fields of an evaluation that the verdict, the escalation rules and the review timeline read. */
function fieldsOf(evaluation: MetricEvaluation | undefined): unknown {
  if (!evaluation) return undefined;
  const { verdict, clocks, elapsed, stopped, targetMillis, perCycle, cycleTargets } = evaluation;
  return { verdict, clocks, elapsed, stopped, targetMillis, perCycle, cycleTargets };
}

describe('a metric that runs once, kept as numbers', () => {
  it('gives the general way\'s evaluation and escalation crossings (property)', () => {
    let shortcuts = 0;
    fc.assert(
      fc.property(ticket, fc.integer({ min: 0, max: 9000 }), (list, asOfMinute) => {
        const timeline = buildTimeline(context, list, START + asOfMinute * MINUTE);
        for (const each of metrics) {
          const fast = evaluateMetric(context, each, timeline);
          const general = evaluateMetricByRuns(context, each, timeline);
          expect(fieldsOf(fast)).toEqual(fieldsOf(general));
          if (!(fast instanceof OneClockEvaluation) || !general) continue;
          shortcuts++;
          expect(general.clocks).toHaveLength(1);
          for (const percent of [25, 50, 100, 150, 200]) {
            const amount = Math.round((general.targetMillis * percent) / 100);
            expect(fast.crossing(amount)).toBe(crossingWhileRunning(general.clocks[0]!, amount, !general.stopped, general.elapsed[0]));
          }
        }
      }),
      { numRuns: 3000, seed: 13 },
    );
    // The shortcut is taken, not just left to the general way.
    expect(shortcuts).toBeGreaterThan(5000);
  });

  it('is not taken for a resolution clock restarted by reopened', () => {
    const list = events([
      ['T', '2026-11-16T09:00:00-05:00', 'created'],
      ['T', '2026-11-16T09:30:00-05:00', 'resolved'],
      ['T', '2026-11-16T10:00:00-05:00', 'reopened'],
    ]);
    expect(oneRunStop('resolution', list)).toBe(-1);
    const timeline = buildTimeline(context, list, at('2026-11-16T12:00:00-05:00'));
    expect(evaluateMetric(context, metrics[2]!, timeline)).not.toBeInstanceOf(OneClockEvaluation);
  });

  it.each([
    ['an agent reply stops a first response', 'firstResponse', ['reply', 'resolved'], 1],
    ['a resolution stops a first response', 'firstResponse', ['estimate', 'closed'], 2],
    ['nothing stops it yet', 'firstEstimate', ['reply'], 2],
    ['the first resolution stops a resolution', 'resolution', ['resolved', 'closed'], 1],
    ['reopened before any resolution changes nothing', 'resolution', ['reopened', 'resolved'], 2],
    ['gaps are not one run', 'updateInterval', [], -1],
    ['cycles are not one run', 'nextReply', [], -1],
  ] as const)('%s', (_name, measure, kinds, stop) => {
    const list = events([
      ['T', '2026-11-16T09:00:00-05:00', 'created'],
      ...kinds.map((kind, index): [string, string, TicketEvent['event'], Partial<TicketEvent>] => ['T', `2026-11-16T1${index}:00:00-05:00`, kind, kind === 'reply' ? { author: 'agent' } : {}]),
    ]);
    expect(oneRunStop(measure, list)).toBe(stop);
  });
});

describe('the one clock\'s spans', () => {
  const instant = fc.integer({ min: 0, max: 60 });
  /** Pauses as a ticket's statuses give them: sorted and disjoint, the last maybe open-ended. */
  const pauses = fc.uniqueArray(instant, { maxLength: 8 }).chain((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const spans: [number, number][] = [];
    for (let index = 0; index + 1 < sorted.length; index += 2) spans.push([sorted[index]!, sorted[index + 1]!]);
    return fc.boolean().map((openEnded) => (openEnded && sorted.length % 2 === 1 ? [...spans, [sorted[sorted.length - 1]!, Infinity] as [number, number]] : spans));
  });

  it('are those of the one-pass clock, stopped or still running (property)', () => {
    fc.assert(
      fc.property(instant, instant, pauses, fc.boolean(), (start, reference, paused, stopped) => {
        const general = orderedClockSpans([[start, stopped ? reference : Infinity]], paused, reference)!;
        expect(oneClockSpans(start, reference, paused)).toEqual(general.flat());
      }),
      { numRuns: 5000, seed: 13 },
    );
  });

  it.each([
    ['no pause', [], [10, Infinity]],
    ['paused at the reference', [[20, Infinity]], [10, 20]],
    ['a pause before the reference', [[12, 15]], [10, 12, 15, Infinity]],
    ['a pause ending after the reference', [[25, 40]], [10, 25]],
    ['a pause after the reference', [[35, 40]], [10, Infinity]],
  ] as const)('%s', (_name, paused, spans) => {
    expect(oneClockSpans(10, 30, paused)).toEqual(spans);
  });
});
