import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledCalendar } from '../../../runtime/clock/index.js';
import { buildMetricClock } from '../../../runtime/evaluate/metric-clock.js';

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
