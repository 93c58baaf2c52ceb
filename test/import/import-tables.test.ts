import { describe, expect, it } from 'vitest';
import { formatLogTime, parseWarehouseTime, warehouseTimeAdvice } from '../../import/warehouse-time.js';
import { ianaTimeZone, RAILS_TIME_ZONES } from '../../import/zendesk-tables/rails-time-zones.js';
import { tableOfFile } from '../../import/zendesk-tables/tables.js';
import { isValidTimeZone } from '../../runtime/clock/zone.js';
import { analyze } from '../../language/workspace/index.js';
import type { SourceHost } from '../../language/workspace/source-host.js';

describe('warehouse times', () => {
  const cases: [string, string | undefined][] = [
    ['2020-02-19 01:54:52', '2020-02-19T01:54:52Z'], // no offset: UTC, as Fivetran stores them
    ['2020-03-20 02:32:49.426', '2020-03-20T02:32:49.426Z'],
    ['2022-01-19T03:03:33.969Z', '2022-01-19T03:03:33.969Z'],
    ['2024-03-04T12:00:00+01:00', '2024-03-04T11:00:00Z'],
    ['2024-03-04 12:00:00 -0530', '2024-03-04T17:30:00Z'],
    ['2024-03-04 12:00:00 UTC', '2024-03-04T12:00:00Z'],
    ['2024-03-04 09:00:00+00', '2024-03-04T09:00:00Z'], // Postgres timestamptz text: hours alone
    ['2024-03-04 09:00:00-05', '2024-03-04T14:00:00Z'],
    ['2024-03-04 09:00:00+0530', '2024-03-04T03:30:00Z'],
    ['2024-03-04T09:00Z', '2024-03-04T09:00:00Z'], // no seconds
    ['0001-01-01 00:00:00', '0001-01-01T00:00:00Z'], // a placeholder date: year 1, not 1901
    ['0099-12-31T23:59:59Z', '0099-12-31T23:59:59Z'],
    ['0004-02-29 00:00:00', '0004-02-29T00:00:00Z'], // a leap day of year 4 (1904's would pass too; 0003's may not)
    ['0003-02-29 00:00:00', undefined],
    ['2024-03-04 09:00:00+01:75', undefined], // no offset has 75 minutes
    ['2024-03-04T09:00:00+25:00', undefined], // nor 25 hours: slac check refuses it too (SLA4002, at most +23:59)
    ['2024-03-04 09:00:00-24', undefined],
    ['2024-03-04T09:00:00+99:99', undefined],
    ['2024-03-04T09:00:00+23:59', '2024-03-03T09:01:00Z'], // the largest offset there is
    ['2024-03-04T09:00:00-23:59', '2024-03-05T08:59:00Z'],
    ['2021-02-30 00:00:00', undefined], // no such day
    ['2024-13-01 00:00:00', undefined],
    ['2024-03-04', undefined], // a date is not an instant
    ['yesterday', undefined],
  ];
  it.each(cases)('%s is %s', (text, iso) => {
    const time = parseWarehouseTime(text);
    expect(time === undefined ? undefined : formatLogTime(time)).toBe(iso);
  });
});

describe('what import says after "is not a time"', () => {
  const cases: [unknown, string][] = [
    ['2024-03-04T09:00:00+25:00', ': +25:00 is no offset (at most +23:59)'], // slac check's words (SLA4002)
    ['2024-03-04 09:00:00 -24', ': -24 is no offset (at most +23:59)'],
    ['2024-03-04 09:00:00+01:75', ': +01:75 is no offset (at most +23:59)'],
    ['2024-03-04T09:00:00+2500', ': +2500 is no offset (at most +23:59)'],
    [' 2024-03-04T09:00:00+25:00 ', ': +25:00 is no offset (at most +23:59)'],
    // The first part out of range, as slac check says it (SLA4002): a skipped time gave no reason.
    ['2024-13-04T09:00:00+25:00', ': there is no month 13'],
    ['2024-03-04T24:00:00+25:00', ': there is no hour 24 (hours run from 00 to 23)'],
    ['2016-12-31 23:59:60', ': there is no second 60'], // a leap second: the log's times have none
    ['2016-12-31T23:59:60Z', ': there is no second 60'],
    ['2026-02-29 10:00:00', ': February 2026 has no day 29'],
    ['2026-04-31 10:00:00 UTC', ': April 2026 has no day 31'],
    ['2026-01-01 10:60:00', ': there is no minute 60'],
    ['2024-03-04T09:00:00+23:59', ''], // a time, not a problem
    ['2024-03-04T09:00:00Z', ''],
    ['yesterday', ''],
    [1709539200, ''],
    [undefined, ''],
  ];
  it.each(cases)('%s: "%s"', (value, advice) => {
    expect(warehouseTimeAdvice(value)).toBe(advice);
  });
});

describe('Zendesk time-zone names', () => {
  it('maps every Rails name to a zone the clock knows', () => {
    const unknown = Object.entries(RAILS_TIME_ZONES).filter(([, iana]) => !isValidTimeZone(iana));
    expect(unknown).toEqual([]);
  });

  const cases: [string, string | undefined][] = [
    ['Pacific Time (US & Canada)', 'America/Los_Angeles'],
    ['Berlin', 'Europe/Berlin'],
    ['Bern', 'Europe/Zurich'],
    ['Europe/Paris', 'Europe/Paris'], // already IANA
    [' Asia/Tokyo ', 'Asia/Tokyo'],
    ['Atlantis Standard Time', undefined],
    ['Europe/Nowhere', undefined], // a slash does not make a zone
    ['GMT', 'GMT'], // IANA names without a slash
    ['Zulu', 'Zulu'],
    ['constructor', undefined], // not the table's prototype
    ['', undefined],
  ];
  it.each(cases)('%s is %s', (name, iana) => expect(ianaTimeZone(name)).toBe(iana));

  /** Whether the checker refuses `timezone "zone"` as unknown (SLA3001). */
  function checkerRefuses(zone: string): boolean {
    const text = `calendar Office {\n  timezone "${zone}"\n  hours Mon-Fri 09:00-17:00\n}\n`;
    const host: SourceHost = { readFile: (file) => (file === '/m/entry.sla' ? text : undefined) };
    return analyze('/m/entry.sla', host).diagnostics.some((d) => d.code === 'SLA3001');
  }
  const names = ['Europe/Nowhere', 'Mars/Base', 'GMT', 'Zulu', 'UTC', 'EST', 'Etc/GMT+5', 'US/Eastern', 'America/Godthab', 'Europe/Kyiv', 'europe/paris', 'Atlantis', 'Asia/Tokyo '];
  it.each(names)('%s: kept exactly when the checker accepts it', (name) => {
    expect(ianaTimeZone(name) === undefined).toBe(checkerRefuses(name.trim()));
  });
});

describe('table files', () => {
  const cases: [string, string | undefined][] = [
    ['ticket.csv', 'ticket'],
    ['ticket_data.csv', 'ticket'], // dbt seeds
    ['TICKET_FIELD_HISTORY.CSV', 'ticket_field_history'],
    ['user_data.csv', 'user'],
    ['notes.txt', undefined],
  ];
  it.each(cases)('%s holds the table %s', (file, table) => expect(tableOfFile(file)).toBe(table));
});
