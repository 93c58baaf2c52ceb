import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minutesPerWeek } from '../../../language/checker/hours.js';
import { openMinutes } from '../../../language/checker/unstaffed-clock.js';

/** Open minutes as they were counted, minute by minute: the definition the fast count must match. */
function referenceOpenMinutes(intervals: { start: number; end: number }[], shift: number): Uint8Array {
  const open = new Uint8Array(minutesPerWeek);
  for (const interval of intervals) {
    for (let minute = interval.start; minute < interval.end; minute++) {
      open[(((minute + shift) % minutesPerWeek) + minutesPerWeek) % minutesPerWeek] = 1;
    }
  }
  return open;
}

/** Open minutes as `[from, to)` stretches: short to compare, and readable when they differ. */
function stretches(open: Uint8Array): [number, number][] {
  const found: [number, number][] = [];
  open.forEach((isOpen, minute) => {
    if (!isOpen) return;
    const last = found[found.length - 1];
    if (last && last[1] === minute) last[1] = minute + 1;
    else found.push([minute, minute + 1]);
  });
  return found;
}

describe('open minutes of a week (SLA3053)', () => {
  it.each([
    ['nothing', [], 0],
    ['Monday morning', [{ start: 480, end: 720 }], 0],
    ['Sunday night into Monday', [{ start: 6 * 1440 + 1320, end: 7 * 1440 + 360 }], 0],
    ['a whole week of days', Array.from({ length: 7 }, (_, day) => ({ start: day * 1440, end: (day + 1) * 1440 })), 0],
    ['shifted back past Monday 00:00', [{ start: 60, end: 600 }], -120],
    ['shifted on past Sunday midnight', [{ start: 6 * 1440 + 1200, end: 7 * 1440 }], 300],
    ['overlapping and touching', [{ start: 0, end: 100 }, { start: 50, end: 200 }, { start: 200, end: 300 }], 30],
  ])('%s', (_name, intervals, shift) => {
    expect(stretches(openMinutes(intervals, shift))).toEqual(stretches(referenceOpenMinutes(intervals, shift)));
  });

  it('opens the minutes the minute-by-minute count opens, on random weeks and shifts', () => {
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 }))
      .map(([day, start, length]) => ({ start: day * 1440 + start, end: day * 1440 + start + length }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 30 }), fc.integer({ min: -1560, max: 1560 }), (intervals, shift) => {
        expect(stretches(openMinutes(intervals, shift))).toEqual(stretches(referenceOpenMinutes(intervals, shift)));
      }),
      { numRuns: 1000, seed: 3053 },
    );
  });
});
