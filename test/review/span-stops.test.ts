/**
 * `spanStopEvent` names the event that ended each gap between updates and
 * each reply cycle. Its walk must agree with the evaluator's: checked on
 * random logs (ties in time, replies while resolved, reopenings, zero-length
 * spans) against metricRuns itself, cut just before and just after the event.
 */
import { describe, expect, it } from 'vitest';
import { createEvaluationContext } from '../../runtime/evaluate/index.js';
import { metricRuns } from '../../runtime/evaluate/metric-runs.js';
import { buildTimeline, type TicketTimeline } from '../../runtime/evaluate/timeline.js';
import { spanStopEvent } from '../../review/timeline/span-stops.js';
import { agreement, at, events, hours, metric, type EventRow } from '../runtime/evaluate/fixtures.js';

const STEPS: EventRow[2][] = ['reply', 'reply', 'reply', 'resolved', 'closed', 'reopened', 'status'];
const AUTHORS = ['agent', 'customer', 'system'] as const;

/** A deterministic pseudo-random log of `length` rows after `created`, some at the same instant. */
function randomLog(seed: number, length: number): EventRow[] {
  let state = seed;
  const next = (below: number): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
  const rows: EventRow[] = [['T', '2026-03-02T00:00:00Z', 'created']];
  let minutes = 0;
  for (let row = 0; row < length; row++) {
    minutes += 10 * next(3);
    const event = STEPS[next(STEPS.length)]!;
    const time = new Date(at('2026-03-02T00:00:00Z') + minutes * 60_000).toISOString();
    rows.push(['T', time, event, event === 'reply' ? { author: AUTHORS[next(3)]! } : event === 'status' ? { status: 'Open' } : {}]);
  }
  return rows;
}

/** The timeline with only its first `count` events. */
function cut(timeline: TicketTimeline, count: number): TicketTimeline {
  return { ...timeline, events: timeline.events.slice(0, count) };
}

describe('the event that ended each gap or cycle', () => {
  const context = createEvaluationContext(agreement({ metrics: [metric('Upd', 'updateInterval', { target: hours(1) }), metric('NR', 'nextReply', { target: hours(1) })] }));

  it.each(['updateInterval', 'nextReply'] as const)('%s: the span closes at that event, not before it', (measure) => {
    let closed = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const rows = randomLog(seed, 4 + (seed % 12));
      const timeline = buildTimeline(context, events(rows), at(rows[rows.length - 1]![1]));
      const runs = metricRuns(measure, timeline);
      runs.spans.forEach((span, index) => {
        const stop = spanStopEvent(measure, runs, timeline, index);
        if (span.open) return expect(stop).toBeUndefined();
        expect(stop, `seed ${seed}, span ${index}`).toBeDefined();
        const position = timeline.events.indexOf(stop!);
        expect(metricRuns(measure, cut(timeline, position + 1)).spans[index]?.open, `seed ${seed}, span ${index}: closed by then`).toBe(false);
        expect(metricRuns(measure, cut(timeline, position)).spans[index]?.open ?? true, `seed ${seed}, span ${index}: still open before it`).toBe(true);
        closed++;
      });
    }
    expect(closed).toBeGreaterThan(100);
  });
});
