import { describe, expect, it } from 'vitest';
import { readLogTime } from '../../../runtime/log/local-time.js';
import { epochHint } from '../../../runtime/log/time-advice.js';
import type { LogError } from '../../../runtime/log/log-error.js';

/** The SLA4002 message of a log time, without and with --assume-timezone (undefined: the time is read). */
function messageOf(text: string, assumeZone?: string): string | undefined {
  const errors: LogError[] = [];
  readLogTime(text, assumeZone, { file: 'log.csv', line: 2, key: 'time' }, errors, []);
  return errors.find((error) => error.code === 'SLA4002')?.message;
}

/** With --assume-timezone Europe/Paris: the same message, or none (the time is read). */
const SAME = 'same';
const READ = 'read';
/** With --assume-timezone, another error (SLA4043) than SLA4002. */
const NOT_SLA4002 = 'other';
const EXAMPLE = 'write it as 2026-03-02T09:15:00Z, or 2026-03-02T09:15:00+01:00 with an offset';

describe('SLA4002 says what is wrong with the time as written', () => {
  it.each([
    // An ISO time without an offset: the offset, or --assume-timezone (with it, the time is read).
    ['2026-05-04T09:00', ' (add Z or +01:00, or pass --assume-timezone)', READ],
    ['2026-05-04 09:00:00', ' (add Z or +01:00, or pass --assume-timezone)', READ],
    // A date alone: no offset can be added to it (with --assume-timezone it is SLA4043, which asks for the time).
    ['2026-05-04', ': it is a date without a time of day; write the time and its offset too, such as 2026-05-04T09:00:00Z', NOT_SLA4002],
    // The ISO shape with a part out of range: that part, offset or not, zone or not.
    ['2026-13-01T10:00', ': there is no month 13', SAME],
    ['2026-13-01T10:00:00Z', ': there is no month 13', SAME],
    ['2026-02-30T10:00:00Z', ': February 2026 has no day 30', SAME],
    ['2027-02-29T10:00Z', ': February 2027 has no day 29', SAME],
    ['2026-05-04T24:00Z', ': there is no hour 24 (hours run from 00 to 23)', SAME],
    ['2026-05-04T23:60', ': there is no minute 60', SAME],
    ['2026-05-04T23:59:60Z', ': there is no second 60', SAME],
    ['2026-05-04T09:00+25:00', ': +25:00 is no offset (at most +23:59)', SAME],
    // Dates in a country's order: no guess at which is the day.
    ['05/01/2026 19:13:32', `: 05/01/2026 is day then month in some countries and month then day in others; write the date as year-month-day (${EXAMPLE.slice(12)})`, SAME],
    ['5.1.2026', `: 5.1.2026 is day then month in some countries and month then day in others; write the date as year-month-day (${EXAMPLE.slice(12)})`, SAME],
    ['2026/1/5 10:00', `: write the date with dashes, 2026-01-05, then the time and an offset (${EXAMPLE.slice(12)})`, SAME],
    // Seconds or milliseconds since 1970: the instant they would be.
    ['1777885200', ': if it counts seconds since 1970, it is 2026-05-04T09:00:00Z; write that instead', SAME],
    ['1777885200123', ': if it counts milliseconds since 1970, it is 2026-05-04T09:00:00.123Z; write that instead', SAME],
    // A spreadsheet's date cell saved as its day number: the wall time, in no zone.
    ['46146.375', ": it looks like a spreadsheet's day number, 2026-05-04 09:00:00 on the spreadsheet's clock; format the column as text, as 2026-05-04T09:00:00 with its offset (such as 2026-05-04T09:00:00+01:00)", SAME],
    ['46146', ": it looks like a spreadsheet's day number, 2026-05-04 00:00:00 on the spreadsheet's clock; format the column as text, as 2026-05-04T00:00:00 with its offset (such as 2026-05-04T00:00:00+01:00)", SAME],
    // An offset set apart from the time.
    ['2026-05-04T09:00:00 +0200', ': write the offset right after the time, as in 2026-05-04T09:00:00+02:00', SAME],
    ['2026-05-04 09:00 UTC', ': write the offset right after the time, as in 2026-05-04 09:00Z', SAME],
    ['2026-05-04 09:00:00 GMT-05:00', ': write the offset right after the time, as in 2026-05-04 09:00:00-05:00', SAME],
    ['2026-05-04 9:00', ': write the hour with two digits (09:00, not 9:00)', SAME],
    // Anything else: the shape to write, never "add Z" to a value that is no time.
    ['not a time', `: ${EXAMPLE}`, SAME],
    ['Mon May 04 2026 09:00:00 GMT+0200', `: ${EXAMPLE}`, SAME],
    // ISO 8601's basic format: the same instant in the extended format slac reads.
    ['20260504T090000Z', ": it is in ISO 8601's basic format, without dashes and colons; write the extended format, 2026-05-04T09:00:00Z", SAME],
    ['20260504T0900+0200', ": it is in ISO 8601's basic format, without dashes and colons; write the extended format, 2026-05-04T09:00:00+02:00", SAME],
    ['20260504T090000,5-05', ": it is in ISO 8601's basic format, without dashes and colons; write the extended format, 2026-05-04T09:00:00.5-05:00", SAME],
    ['20260504T090000', ": it is in ISO 8601's basic format, without dashes and colons; write the extended format, 2026-05-04T09:00:00", SAME],
  ])('%j', (text, advice, inZone) => {
    const message = `'${text}' is not an ISO 8601 instant with an offset${advice}`;
    expect(messageOf(text)).toBe(message);
    expect(messageOf(text, 'Europe/Paris')).toBe(inZone === READ || inZone === NOT_SLA4002 ? undefined : message);
  });
});

describe('a log time given as a JSON number (SLA4014) says the instant it would be', () => {
  it.each([
    [1777885200, " (if it counts seconds since 1970, it is 2026-05-04T09:00:00Z: write that, as text)"],
    [1777885200123, " (if it counts milliseconds since 1970, it is 2026-05-04T09:00:00.123Z: write that, as text)"],
    [20260504, ''],
    [1777885200.5, ''],
  ])('%s', (value, hint) => {
    for (const key of ['time', 'start', 'end', 'announced']) expect(epochHint(key, value)).toBe(hint);
    expect(epochHint('level', value)).toBe('');
  });
});
