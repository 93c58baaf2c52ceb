/** SEMANTICS.md's worked examples, exactly as the document states them. */
import { describe, expect, it } from 'vitest';
import {
  closeOfNthOpenDay,
  compileCalendar,
  formatInstant,
  instantAfterOpenMillis,
  openMillisBetween,
  parseInstant,
} from '../../../runtime/clock/index.js';
import { BusinessHours, NightDesk, OnCall } from './calendars.js';

const MINUTE = 60_000;

function at(text: string): number {
  const instant = parseInstant(text);
  if (instant === undefined) throw new Error(`bad instant ${text}`);
  return instant;
}

const table = [
  { calendar: BusinessHours, from: '2026-11-20T17:30-05:00', to: '2026-11-23T08:45-05:00', minutes: 75 },
  { calendar: BusinessHours, from: '2026-11-25T17:00-05:00', to: '2026-11-27T09:00-05:00', minutes: 120 },
  { calendar: OnCall, from: '2026-10-25T00:00+02:00', to: '2026-10-26T00:00+01:00', minutes: 1500 },
  { calendar: NightDesk, from: '2026-10-24T20:00+02:00', to: '2026-10-26T07:00+01:00', minutes: 480 },
];

describe('worked examples of SEMANTICS.md', () => {
  it.each(table)('$calendar.name from $from to $to is $minutes minutes', ({ calendar, from, to, minutes }) => {
    const compiled = compileCalendar(calendar);
    expect(openMillisBetween(compiled, at(from), at(to))).toBe(minutes * MINUTE);
    // And back: that much open time from `from` is used up by `to` at the latest.
    const due = instantAfterOpenMillis(compiled, at(from), minutes * MINUTE);
    expect(due).toBeLessThanOrEqual(at(to));
    expect(openMillisBetween(compiled, at(from), due)).toBe(minutes * MINUTE);
  });

  it('2 business days from Wed 2026-11-25 10:00 close at Mon 2026-11-30 18:00, 1680 open minutes', () => {
    const compiled = compileCalendar(BusinessHours);
    const opened = at('2026-11-25T10:00-05:00');
    const due = closeOfNthOpenDay(compiled, opened, 2);
    expect(formatInstant(due, 'America/New_York')).toBe('2026-11-30T18:00:00-05:00');
    expect(openMillisBetween(compiled, opened, due)).toBe(1680 * MINUTE);
    expect(formatInstant(closeOfNthOpenDay(compiled, opened, 1), 'America/New_York')).toBe('2026-11-27T18:00:00-05:00');
  });
});
