import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../runtime/clock/index.js';
import { parseCommonInstant, parseLogInstant } from '../../../runtime/log/instant.js';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Instants in the shapes logs use, valid or not (month 13, day 31 of a short month...). */
const instantText = fc
  .record({
    year: fc.integer({ min: 1, max: 2400 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.option(fc.integer({ min: 0, max: 61 })),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,4}$/)),
    offset: fc.constantFrom('Z', 'z', '+01:00', '-05:00', '+05:45', '-00:30', '+24:00', '+0100', '', '+01'),
  })
  .map(({ year, month, day, hour, minute, second, fraction, offset }) => {
    const seconds = second === null ? '' : `:${pad(second)}${fraction === null ? '' : `.${fraction}`}`;
    return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}${seconds}${offset}`;
  });

describe('log instants', () => {
  it('the fast path agrees with the clock whenever it answers', () => {
    fc.assert(
      fc.property(instantText, (text) => {
        const fast = parseCommonInstant(text);
        if (fast !== undefined) expect(fast).toBe(parseInstant(text));
        expect(parseLogInstant(text, undefined)).toBe(parseInstant(text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['2026-03-02T09:15:00Z', Date.UTC(2026, 2, 2, 9, 15)],
    ['2026-03-02T09:15:00.250+01:00', Date.UTC(2026, 2, 2, 8, 15, 0, 250)],
    ['2026-11-23T08:45-05:00', Date.UTC(2026, 10, 23, 13, 45)],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
  ])('reads %s', (text, expected) => {
    expect(parseCommonInstant(text)).toBe(expected);
  });

  it.each(['2026-02-29T00:00:00Z', '2026-03-02T09:15:00', '2026-03-02T24:00:00Z', '2026-03-02 09:15:00Z', '0050-01-01T00:00:00Z'])('leaves %s to the clock', (text) => {
    expect(parseCommonInstant(text)).toBeUndefined();
  });

  it('reads a time without offset only in an assumed zone', () => {
    expect(parseLogInstant('2026-07-01T12:00:00', undefined)).toBeUndefined();
    expect(parseLogInstant('2026-07-01T12:00:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 6, 1, 10));
  });
});
