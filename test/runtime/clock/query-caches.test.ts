import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar, instantAfterOpenMillis, openMillisBetween } from '../../../runtime/clock/index.js';
import { offsetAt, offsetSegments } from '../../../runtime/clock/zone.js';
import { BusinessHours, NightDesk, OnCall } from './calendars.js';

/**
 * The clock remembers its last answers (the last block of a calendar, the
 * open time before the last instants asked, the last offset segment of a
 * zone): queries mixed across calendars and zones, in any order, answer
 * what a calendar that never answered before answers.
 */

const models = [BusinessHours, NightDesk, OnCall];
const shared = models.map(compileCalendar);
/** A few years around now, and a few instants asked again and again (a ticket's creation, its stop). */
const instant = fc.oneof(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }), fc.constantFrom(Date.UTC(2026, 10, 16, 13), Date.UTC(2026, 10, 16, 23)));
const query = fc.tuple(fc.integer({ min: 0, max: models.length - 1 }), instant, instant, fc.integer({ min: 0, max: 40 * 3_600_000 }));

describe('open-time queries with the caches warm', () => {
  it('answer as a fresh calendar does, in any order (property)', () => {
    fc.assert(
      fc.property(fc.array(query, { minLength: 1, maxLength: 12 }), (queries) => {
        for (const [which, from, to, amount] of queries) {
          const fresh = compileCalendar(models[which]!);
          expect(openMillisBetween(shared[which]!, from, to)).toBe(openMillisBetween(fresh, from, to));
          expect(instantAfterOpenMillis(shared[which]!, from, amount)).toBe(instantAfterOpenMillis(compileCalendar(models[which]!), from, amount));
        }
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});

describe('offsets with the last segment remembered', () => {
  const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'UTC'];
  it('are the offsets of the zone segments, in any order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...zones), instant), { minLength: 1, maxLength: 20 }), (asked) => {
        for (const [zone, at] of asked) {
          const segment = offsetSegments(zone, at, at).find((each) => at >= each.start && at < each.end)!;
          expect(offsetAt(zone, at)).toBe(segment.offset);
        }
      }),
      { numRuns: 1000, seed: 13 },
    );
  });

  it('change at a daylight-saving change, asked on both sides in turn', () => {
    const change = Date.UTC(2026, 2, 8, 7);
    expect([offsetAt('America/New_York', change - 1), offsetAt('America/New_York', change), offsetAt('America/New_York', change - 1)]).toEqual([-5 * 3_600_000, -4 * 3_600_000, -5 * 3_600_000]);
  });
});
