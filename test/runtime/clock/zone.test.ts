/**
 * The engine's offset segments against luxon's offset at the instant, over a
 * century and a half in zones with odd histories (30-minute DST, Ramadan
 * suspensions, a skipped day, offsets with seconds before 1900).
 */
import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { closeOfNthOpenDay, compileCalendar, formatInstant, openMillisBetween } from '../../../runtime/clock/index.js';
import { instantsAtLocal, localMillisOf } from '../../../runtime/clock/zone.js';
import { calendar, everyDay } from './calendars.js';
import { MINUTE, at } from './helpers.js';

const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Europe/Moscow',
  'Australia/Lord_Howe',
  'Africa/Casablanca',
  'America/Santiago',
  'Asia/Tehran',
  'Pacific/Apia',
  'Pacific/Chatham',
  'America/St_Johns',
  'Europe/Dublin',
  'Asia/Kathmandu',
];
const FROM = Date.UTC(1900, 0, 1);
const TO = Date.UTC(2060, 0, 1);

describe('zone offsets', () => {
  it('match luxon at random instants', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, instant) => {
        const expected = Math.round(IANAZone.create(zone).offset(instant) * 60_000);
        expect(localMillisOf(zone, instant) - instant).toBe(expected);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('read every local time back to the instants that show it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, local) => {
        const instants = instantsAtLocal(zone, local);
        expect(instants.length).toBeLessThanOrEqual(2);
        for (const instant of instants) expect(localMillisOf(zone, instant)).toBe(local);
      }),
      { numRuns: 1000, seed: 8 },
    );
  });
});

describe('odd zones', () => {
  it('skips the day Samoa left out (2011-12-30)', () => {
    const zone = 'Pacific/Apia';
    const apia = compileCalendar(calendar('Apia', zone, everyDay('09:00-17:00')));
    expect(openMillisBetween(apia, at('2011-12-29T00:00', zone), at('2011-12-31T00:00', zone))).toBe(8 * 60 * MINUTE);
    expect(formatInstant(closeOfNthOpenDay(apia, at('2011-12-29T12:00', zone), 1), zone)).toBe('2011-12-31T17:00:00+14:00');
  });

  it.each([
    { date: '2026-04-05', next: '2026-04-06', minutes: 24 * 60 + 30 },
    { date: '2026-10-04', next: '2026-10-05', minutes: 24 * 60 - 30 },
  ])('has a $minutes minute day in Lord Howe on $date', ({ date, next, minutes }) => {
    const zone = 'Australia/Lord_Howe';
    const lordHowe = compileCalendar(calendar('LordHowe', zone, everyDay('00:00-24:00')));
    expect(openMillisBetween(lordHowe, at(`${date}T00:00`, zone), at(`${next}T00:00`, zone))).toBe(minutes * MINUTE);
  });
});
