/** Durations and instants as people read and write them. */
import { describe, expect, it } from 'vitest';
import { formatDuration, formatDurationBeside, formatInstant, parseInstant } from '../../../runtime/clock/index.js';

describe('formatDuration', () => {
  it.each([
    [95, '1h 35m'],
    [45, '45m'],
    [0.5, '30s'],
    [1500, '25h'],
    [60, '1h'],
    [0, '0m'],
    [61.25, '1h 1m 15s'],
    [-95, '-1h 35m'],
    [1680, '28h'],
  ])('%s minutes is %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
});

describe('formatDurationBeside', () => {
  it.each([
    // [minutes, threshold, over, text]: never rounded onto or across the threshold
    [60 + 0.4 / 60, 60, true, '1h 1s'],
    [60, 60, true, '1h 1s'],
    [60.5, 60, true, '1h 30s'],
    [0.4 / 60, 0, true, '1s'],
    [2880 - 0.4 / 60, 2880, false, '47h 59m 59s'],
    [2000, 2880, false, '33h 20m'],
    [59.9, 60, false, '59m 54s'],
  ])('%s minutes beside %s (over: %s) reads %s', (minutes, threshold, over, text) => {
    expect(formatDurationBeside(minutes, threshold, over)).toBe(text);
  });
});

describe('parseInstant', () => {
  it.each([
    ['2026-11-23T08:45:00-05:00', undefined, Date.UTC(2026, 10, 23, 13, 45)],
    ['2026-11-23T08:45-05:00', undefined, Date.UTC(2026, 10, 23, 13, 45)],
    ['2026-11-23T13:45:00Z', undefined, Date.UTC(2026, 10, 23, 13, 45)],
    ['2026-11-23 13:45:00Z', undefined, Date.UTC(2026, 10, 23, 13, 45)],
    ['2026-11-23T13:45:00.250Z', undefined, Date.UTC(2026, 10, 23, 13, 45, 0, 250)],
    ['2026-11-23T19:15+0530', undefined, Date.UTC(2026, 10, 23, 13, 45)],
    ['2026-11-23T08:45:00-05:00', 'Asia/Tokyo', Date.UTC(2026, 10, 23, 13, 45)],
    ['2026-11-23T08:45', 'America/New_York', Date.UTC(2026, 10, 23, 13, 45)],
    ['2026-11-23', 'Europe/Berlin', Date.UTC(2026, 10, 22, 23, 0)],
    // Repeated wall time: the earlier instant (EDT).
    ['2026-11-01T01:30', 'America/New_York', Date.UTC(2026, 10, 1, 5, 30)],
    ['2026-10-25T02:30', 'Europe/Berlin', Date.UTC(2026, 9, 25, 0, 30)],
  ])('%s (zone %s)', (text, zone, expected) => {
    expect(parseInstant(text, zone)).toBe(expected);
  });

  it('rejects a value that is not text', () => {
    expect(parseInstant(1764000000000 as unknown as string, 'UTC')).toBeUndefined();
  });

  it.each([
    ['2026-11-23T08:45', undefined],
    ['2026-03-08T02:30', 'America/New_York'],
    ['2026-03-29T02:00', 'Europe/Berlin'],
    ['2026-02-30T10:00Z', undefined],
    ['2026-11-23T24:00Z', undefined],
    ['2026-11-23T08:60Z', undefined],
    ['2026-11-23T08:45+25:00', undefined],
    ['23/11/2026 08:45', 'Europe/Berlin'],
    ['', 'Europe/Berlin'],
    ['2026-11-23T08:45:00-05:00 trailing', undefined],
  ])('rejects %s (zone %s)', (text, zone) => {
    expect(parseInstant(text, zone)).toBeUndefined();
  });
});

// To the second, and to the millisecond when the instant has any (it was cut to the second until 2026-12-06:
// a reply 999 ms late read as on time). Each text reads back as the instant.
describe('formatInstant', () => {
  const instant = Date.UTC(2026, 10, 23, 13, 45, 30, 999);
  it.each([
    [undefined, '2026-11-23T13:45:30.999Z'],
    ['America/New_York', '2026-11-23T08:45:30.999-05:00'],
    ['Europe/Berlin', '2026-11-23T14:45:30.999+01:00'],
    ['Asia/Kolkata', '2026-11-23T19:15:30.999+05:30'],
    ['Pacific/Chatham', '2026-11-24T03:30:30.999+13:45'],
    ['America/St_Johns', '2026-11-23T10:15:30.999-03:30'],
    ['Europe/London', '2026-11-23T13:45:30.999+00:00'],
  ])('in %s: %s', (zone, text) => {
    expect(formatInstant(instant, zone)).toBe(text);
    expect(parseInstant(text)).toBe(instant);
  });

  it.each([
    [Date.UTC(2026, 10, 23, 13, 45, 30), 'Europe/Berlin', '2026-11-23T14:45:30+01:00'],
    [Date.UTC(2026, 10, 23, 13, 45, 30, 5), 'Europe/Berlin', '2026-11-23T14:45:30.005+01:00'],
    [Date.UTC(2026, 10, 23, 13, 45, 30, 500), undefined, '2026-11-23T13:45:30.500Z'],
    [Date.UTC(1850, 0, 1, 0, 0, 0, 250), 'Europe/Amsterdam', '1850-01-01T00:17:30.250+00:17:30'],
  ])('%s in %s: %s', (at, zone, text) => {
    expect(formatInstant(at, zone)).toBe(text);
  });
});
