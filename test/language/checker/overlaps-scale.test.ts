import { describe, expect, it, vi } from 'vitest';
import { mulberry32 } from '../../../scripts/seeded-random.mjs';
import type { WeeklyInterval } from '../../../language/checker/hours.js';
import { analyze } from '../../../language/workspace/index.js';

/**
 * Reads of the start or end of the intervals `weeklyIntervals` and
 * `minutesOfRange` hand out,
 * while a file is checked: a measure of work that needs no clock. Comparing
 * every pair of intervals reads them once per pair, marking open minutes one
 * by one reads them once per minute; a check that scales reads each a few
 * times.
 */
const reads = vi.hoisted(() => ({ count: 0, budget: Infinity }));

vi.mock('../../../language/checker/hours.js', async (importOriginal) => {
  const hours = await importOriginal<typeof import('../../../language/checker/hours.js')>();
  const counted = (interval: WeeklyInterval): WeeklyInterval => ({
    day: interval.day,
    range: interval.range,
    get start() {
      return countRead(interval.start);
    },
    get end() {
      return countRead(interval.end);
    },
  });
  // Stop at once past the budget: a quadratic check would go on for minutes.
  const countRead = (value: number): number => {
    if (++reads.count > reads.budget) throw new Error(`more than ${reads.budget} reads of interval ends`);
    return value;
  };
  // A short day's ranges are read through `minutesOfRange` (its minutes, counted alike).
  const countedMinutes = (minutes: { start: number; end: number } | undefined) =>
    minutes && {
      get start() {
        return countRead(minutes.start);
      },
      get end() {
        return countRead(minutes.end);
      },
    };
  return {
    ...hours,
    weeklyIntervals: (calendar: Parameters<typeof hours.weeklyIntervals>[0]) => hours.weeklyIntervals(calendar).map(counted),
    minutesOfRange: (range: Parameters<typeof hours.minutesOfRange>[0]) => countedMinutes(hours.minutesOfRange(range)),
  };
});

const pad = (value: number) => String(value).padStart(2, '0');
const time = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

/** `hours Mon-Fri` with `count` random ranges up to `longest` minutes: many overlap, some cross midnight. */
function manyRanges(count: number, longest: number): string {
  const random = mulberry32(8000);
  return Array.from({ length: count }, () => {
    const start = Math.floor(random() * 1440);
    return `${time(start)}-${time((start + 1 + Math.floor(random() * (longest - 1))) % 1440)}`;
  }).join(', ');
}

/** Reads of interval ends while analysing `text`, stopping past `budget`. */
function readsWhileAnalysing(text: string, budget: number): { count: number; overlaps: number } {
  reads.count = 0;
  reads.budget = budget;
  try {
    const { diagnostics } = analyze('/w/busy.sla', { readFile: () => text });
    return { count: reads.count, overlaps: diagnostics.filter((d) => d.code === 'SLA3002').length };
  } finally {
    reads.budget = Infinity;
  }
}

describe('overlapping hours at scale', () => {
  const intervals = 8000 * 5;
  const budget = 20 * intervals;

  it('reads each of 40,000 intervals (8,000 ranges on five days) a few times, not once per pair', () => {
    const text = `calendar Busy {\n  timezone "UTC"\n  hours Mon-Fri ${manyRanges(8000, 60)}\n}\n`;
    const { count, overlaps } = readsWhileAnalysing(text, budget);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(budget);
    expect(overlaps).toBeGreaterThan(7000);
  });

  it('reads them a few times per channel and metric to find unstaffed minutes (SLA3053), not once per open minute', () => {
    const text = [
      'calendar Busy {',
      '  timezone "UTC"',
      `  hours Mon-Fri ${manyRanges(8000, 1440)}`,
      '}',
      'channel Phone { hours Busy }',
      'severity Normal { default }',
      'metric FirstReply {',
      '  measures first response',
      '  clock Busy',
      '  target 1 hour',
      '}',
      '',
    ].join('\n');
    const { count, overlaps } = readsWhileAnalysing(text, budget);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(budget);
    expect(overlaps).toBeGreaterThan(7000);
  });

  it('reads the channels\' hours once per clock offset and instant (SLA3053), not once per reply metric', () => {
    // 300 reply metrics and 10 channels, as an agreement of thousands of lines has: 11 calendars of 10 intervals.
    const calendar = (name: string) => [`calendar ${name} {`, '  timezone "Europe/Berlin"', '  hours Mon-Fri 08:00-12:00, 13:00-17:00', '}'];
    const channels = Array.from({ length: 10 }, (_, i) => [...calendar(`Desk${i}`), `channel Phone${i} { hours Desk${i} }`]);
    const metrics = Array.from({ length: 300 }, (_, i) => [`metric Reply${i} {`, '  measures first response', '  clock Office', '  target 1 hour', '}']);
    const text = [...calendar('Office'), ...channels.flat(), 'severity Normal { default }', ...metrics.flat(), ''].join('\n');
    const intervalsDeclared = 11 * 10;
    const { count } = readsWhileAnalysing(text, 50 * intervalsDeclared);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(50 * intervalsDeclared);
  });

  it('reads each of 8,000 ranges of a short day (`holidays { DATE hours ... }`) a few times, not once per pair', () => {
    const ranges = 8000;
    const text = ['calendar Busy {', '  timezone "UTC"', '  hours Mon-Fri 08:00-18:00', '  holidays {', `    2026-12-24 hours ${manyRanges(ranges, 60)} "Christmas Eve"`, '  }', '}', ''].join('\n');
    const { count, overlaps } = readsWhileAnalysing(text, 20 * ranges);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(20 * ranges);
    expect(overlaps).toBeGreaterThan(7000);
  });
});
