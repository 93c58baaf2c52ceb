import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar, type CompiledCalendar } from '../../../runtime/clock/index.js';
import { crossingWhileRunning } from '../../../runtime/evaluate/escalation.js';
import { buildMetricClock, clockSpans, elapsedMillis, orderedClockSpans } from '../../../runtime/evaluate/metric-clock.js';
import { BUSINESS_HOURS } from './fixtures.js';

// The spans do not depend on the calendar: it is only carried along.
const calendar = {} as CompiledCalendar;
/** An empty pause: clipped away, but it makes buildMetricClock take its general way. */
const EMPTY_PAUSE: [number, number][] = [[5, 5]];

describe('a clock with one running span and no pause', () => {
  it.each([
    ['stopped before the reference', [10, 20], 30, [[10, 20], [30, Infinity]]],
    ['stopped at the reference', [10, 30], 30, [[10, Infinity]]],
    ['still running', [10, Infinity], 30, [[10, Infinity]]],
    ['started after the reference', [40, Infinity], 30, [[30, Infinity]]],
    ['an empty span', [10, 10], 30, [[30, Infinity]]],
  ] as const)('%s', (_name, running, reference, spans) => {
    expect(buildMetricClock(calendar, [running], [], reference).spans).toEqual(spans);
    expect(buildMetricClock(calendar, [running], EMPTY_PAUSE, reference).spans).toEqual(spans);
  });

  it('has the spans the general way gives (random spans)', () => {
    const instant = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(instant, fc.oneof(instant, fc.constant(Infinity)), instant, (start, end, reference) => {
        const fast = buildMetricClock(calendar, [[start, end]], [], reference);
        const general = buildMetricClock(calendar, [[start, end]], EMPTY_PAUSE, reference);
        expect(fast).toEqual(general);
      }),
      { numRuns: 2000, seed: 13 },
    );
  });
});

describe('a clock built in one pass (running spans in order)', () => {
  const instant = fc.integer({ min: 0, max: 60 });
  const span = fc.tuple(instant, fc.oneof(instant, fc.constant(Infinity))).map(([start, end]) => [start, end] as [number, number]);
  /** Pauses as a ticket's statuses give them: sorted and disjoint, the last maybe open-ended. */
  const pauses = fc.uniqueArray(instant, { maxLength: 8 }).chain((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const spans: [number, number][] = [];
    for (let index = 0; index + 1 < sorted.length; index += 2) spans.push([sorted[index]!, sorted[index + 1]!]);
    return fc.boolean().map((openEnded) => (openEnded && sorted.length % 2 === 1 ? [...spans, [sorted[sorted.length - 1]!, Infinity] as [number, number]] : spans));
  });

  it('gives the spans of the general way, or leaves running spans out of order to it (random spans)', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 5 }), pauses, instant, fc.boolean(), (running, paused, reference, inOrder) => {
        // Half the cases in the order metric runs give them (by start), half as they come.
        const spans = inOrder ? [...running].sort((a, b) => a[0] - b[0] || a[1] - b[1]) : running;
        const fast = orderedClockSpans(spans, paused, reference);
        if (inOrder) expect(fast).toBeDefined();
        if (fast !== undefined) expect(fast).toEqual(clockSpans(spans, paused, reference));
        expect(buildMetricClock(calendar, spans, paused, reference).spans).toEqual(clockSpans(spans, paused, reference));
      }),
      { numRuns: 5000, seed: 13 },
    );
  });

  it.each([
    ['touching spans are one', [[10, 20], [20, 30]], [], 40, [[10, 30], [40, Infinity]]],
    ['paused at the reference: no projection', [[10, Infinity]], [[25, Infinity]], 30, [[10, 25]]],
    ['a pause after the reference is not taken out', [[10, 20]], [[35, 40]], 30, [[10, 20], [30, Infinity]]],
    ['a pause inside a span splits it', [[10, 50]], [[20, 30]], 60, [[10, 20], [30, 50], [60, Infinity]]],
  ] as const)('%s', (_name, running, paused, reference, spans) => {
    expect(orderedClockSpans(running, paused, reference)).toEqual(spans);
    expect(clockSpans(running, paused, reference)).toEqual(spans);
  });
});

describe('a stopped clock that accrued less than the amount by its stop', () => {
  const business = compileCalendar(BUSINESS_HOURS);
  const MINUTE = 60_000;
  const START = Date.UTC(2026, 10, 20, 12);
  const minute = fc.integer({ min: 0, max: 6000 }).map((offset) => START + offset * MINUTE);

  it('reaches it at the instant the search finds (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(minute, minute), { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(minute, minute), { maxLength: 3 }), minute, fc.integer({ min: 0, max: 3000 }), fc.boolean(), (runs, pauseRuns, reference, amountMinutes, stillOpen) => {
        const running = runs.map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]).sort((a, b) => a[0] - b[0]);
        const paused = pauseRuns.map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]).sort((a, b) => a[0] - b[0]).filter((span, index, all) => index === 0 || span[0] >= all[index - 1]![1]);
        const clock = buildMetricClock(business, running, paused, reference);
        const amount = amountMinutes * MINUTE;
        expect(crossingWhileRunning(clock, amount, stillOpen, elapsedMillis(clock))).toBe(crossingWhileRunning(clock, amount, stillOpen));
      }),
      { numRuns: 3000, seed: 13 },
    );
  });
});
