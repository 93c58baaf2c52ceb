/**
 * Edge cases the spec implies but does not spell out as examples: daylight
 * saving inside hour ranges, holidays and short days, ranges crossing
 * midnight into a holiday, business-day targets from odd creation times,
 * due instants at a close and after pauses, escalation clocks, the uptime
 * period boundary in the clock's zone, and log forms.
 */
import { describe, expect, it } from 'vitest';
import { agreement, check, csv, folderWith, metricOf, row, slac } from './helpers.js';

function resolutionOn(clock: string, target: string, calendars = ''): string {
  return agreement(`${calendars}\nmetric M { measures resolution clock ${clock} target ${target} }`);
}

describe('open time: daylight saving, holidays, short days', () => {
  const berlinSunday = (hours: string): string => `calendar D { timezone "Europe/Berlin" hours Sun ${hours} }`;
  it.each([
    // Spring forward (29 March 2026, 02:00 -> 03:00): 01:00-02:00 and 03:00-04:00 exist.
    ['Sun 01:00-04:00 on the spring-forward day', berlinSunday('01:00-04:00'), '2026-03-28T12:00:00+01:00', '2026-03-30T12:00:00+02:00', 120],
    ['Sun 02:00-03:00 does not exist on the spring-forward day', berlinSunday('02:00-03:00'), '2026-03-28T12:00:00+01:00', '2026-03-30T12:00:00+02:00', 0],
    // Fall back (25 October 2026, 03:00 -> 02:00): 02:00-03:00 happens twice.
    ['Sun 01:00-04:00 on the fall-back day', berlinSunday('01:00-04:00'), '2026-10-24T12:00:00+02:00', '2026-10-26T12:00:00+01:00', 240],
    ['Sun 02:00-03:00 on the fall-back day', berlinSunday('02:00-03:00'), '2026-10-24T12:00:00+02:00', '2026-10-26T12:00:00+01:00', 120],
    ['a whole spring-forward day is 23 hours', '', '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00', 1380],
    // The Wednesday night shift (into the holiday) counts; the Thursday one (on the holiday) does not.
    ['a night shift belongs to the day it starts on', 'calendar D { timezone "Europe/Berlin" hours Sun-Thu 22:00-06:00 holidays { 2026-12-24 "Eve" } }', '2026-12-23T12:00:00+01:00', '2026-12-25T12:00:00+01:00', 480],
    ['a holiday with hours is a short day', 'calendar D { timezone "Europe/Berlin" hours Mon-Fri 08:00-17:00 holidays { 2026-12-24 hours 08:00-12:00 "Eve" } }', '2026-12-24T00:00:00+01:00', '2026-12-24T23:00:00+01:00', 240],
  ])('%s: %i minutes', async (_name, calendar, from, to, minutes) => {
    const clock = calendar === '' ? 'OnCall' : 'D';
    const { report } = await check(resolutionOn(clock, '5000 minutes', calendar), csv([row('T', from, 'created'), row('T', to, 'resolved')]));
    expect(metricOf(report, 'T', 'M')).toMatchObject({ status: 'met', elapsedMinutes: minutes });
  });
});

describe('targets and due instants on business hours', () => {
  it('a target reached exactly at the close is due at the close, not the next opening', async () => {
    const { report } = await check(resolutionOn('BusinessHours', '60 minutes'), csv([row('T', '2026-03-06T17:00:00-05:00', 'created')]), ['--as-of', '2026-03-06T17:30:00-05:00']);
    expect(metricOf(report, 'T', 'M').due).toBe('2026-03-06T18:00:00-05:00');
  });

  it.each([
    ['created on a Saturday: the first open day after is Monday', '2026-03-07T10:00:00-05:00', 600, '2026-03-09T18:00:00-04:00'],
    ['created before opening on Monday: Monday and Tuesday count', '2026-03-09T07:00:00-04:00', 1200, '2026-03-10T18:00:00-04:00'],
    ['created after closing on Monday', '2026-03-09T19:00:00-04:00', 600, '2026-03-10T18:00:00-04:00'],
  ])('1 business day, %s', async (_name, created, target, due) => {
    const { report } = await check(resolutionOn('BusinessHours', '1 business day'), csv([row('T', created, 'created')]));
    expect(metricOf(report, 'T', 'M')).toMatchObject({ targetMinutes: target, due });
  });

  it('a pause moves the due instant of a business-days target, not the target', async () => {
    // 2 business days from Wed 25 Nov 10:00 is 1680 minutes; paused 12:00-14:00 (120): due Tue 1 Dec 10:00.
    const { report } = await check(resolutionOn('BusinessHours', '2 business days'), csv([
      row('T', '2026-11-25T10:00:00-05:00', 'created'),
      row('T', '2026-11-25T12:00:00-05:00', 'status', { status: 'Waiting on customer' }),
      row('T', '2026-11-25T14:00:00-05:00', 'status', { status: 'Open' }),
    ]));
    expect(metricOf(report, 'T', 'M')).toMatchObject({ status: 'pending', elapsedMinutes: 120, targetMinutes: 1680, due: '2026-12-01T10:00:00-05:00' });
  });

  it('a status at the same instant as created, after it in the file, pauses from the start', async () => {
    const { report } = await check(resolutionOn('Utc', '60 minutes'), csv([
      row('T', '2026-03-02T10:00:00Z', 'created'),
      row('T', '2026-03-02T10:00:00Z', 'status', { status: 'Waiting on customer' }),
      row('T', '2026-03-02T11:00:00Z', 'status', { status: 'open' }),
      row('T', '2026-03-02T11:20:00Z', 'resolved'),
    ]));
    expect(metricOf(report, 'T', 'M')).toMatchObject({ status: 'met', elapsedMinutes: 20 });
  });

  it('a second resolved without a reopen changes nothing', async () => {
    const { report } = await check(resolutionOn('Utc', '60 minutes'), csv([row('T', '2026-03-02T10:00:00Z', 'created'), row('T', '2026-03-02T10:30:00Z', 'resolved'), row('T', '2026-03-02T11:30:00Z', 'resolved')]));
    expect(metricOf(report, 'T', 'M')).toMatchObject({ status: 'met', elapsedMinutes: 30 });
  });

  it.each(['first response', 'first estimate'])('%s is stopped by a closed row (a resolution)', async (measures) => {
    const sla = agreement(`metric M { measures ${measures} clock Utc target 60 minutes }`);
    const { report } = await check(sla, csv([row('T', '2026-03-02T10:00:00Z', 'created'), row('T', '2026-03-02T10:25:00Z', 'closed')]), ['--as-of', '2026-03-02T15:00:00Z']);
    expect(metricOf(report, 'T', 'M')).toMatchObject({ status: 'met', elapsedMinutes: 25 });
  });

  it('update interval: pauses do not count inside a gap (90 wall minutes, 30 paused)', async () => {
    const sla = agreement('metric M { measures update interval clock Utc target 60 minutes }');
    const { report } = await check(sla, csv([
      row('T', '2026-03-02T10:00:00Z', 'created'),
      row('T', '2026-03-02T10:20:00Z', 'status', { status: 'Waiting on customer' }),
      row('T', '2026-03-02T10:50:00Z', 'status', { status: 'Open' }),
      row('T', '2026-03-02T11:30:00Z', 'reply', { author: 'agent' }),
      row('T', '2026-03-02T11:35:00Z', 'resolved'),
    ]));
    expect(metricOf(report, 'T', 'M')).toMatchObject({ status: 'met', elapsedMinutes: 60 });
  });
});

describe('escalation clocks', () => {
  async function escalations(sla: string, rows: string[], asOf: string) {
    const { report } = await check(sla, csv(rows), ['--as-of', asOf]);
    return report.escalations;
  }

  it('after 1 business day: due at the close of the next open day', async () => {
    const sla = agreement('metric M { measures resolution clock Utc target 100 hours }\nescalation { clock BusinessHours level 1 "a" after 1 business day }');
    const [level] = await escalations(sla, [row('T', '2026-11-25T10:00:00-05:00', 'created')], '2026-12-01T00:00:00Z');
    expect(level).toMatchObject({ level: 1, status: 'missed', due: '2026-11-27T18:00:00-05:00' });
  });

  it('after: the escalation clock stops at a resolution and restarts at a reopen (40 + 20 minutes)', async () => {
    const sla = agreement('metric M { measures resolution clock Utc target 600 minutes }\nescalation { clock Utc level 1 "a" after 60 minutes }');
    const [level] = await escalations(sla, [row('T', '2026-03-02T10:00:00Z', 'created'), row('T', '2026-03-02T10:40:00Z', 'resolved'), row('T', '2026-03-02T12:00:00Z', 'reopened')], '2026-03-02T15:00:00Z');
    expect(level.status).toBe('missed');
    expect(Date.parse(level.due)).toBe(Date.parse('2026-03-02T12:20:00Z'));
  });

  it('at 100% of an update interval: the first gap to reach the target', async () => {
    const sla = agreement('metric U { measures update interval clock Utc target 60 minutes }\nescalation { level 1 "a" at 100% of U }');
    const [level] = await escalations(sla, [row('T', '2026-03-02T10:00:00Z', 'created'), row('T', '2026-03-02T10:30:00Z', 'reply', { author: 'agent' }), row('T', '2026-03-02T12:00:00Z', 'reply', { author: 'agent' })], '2026-03-02T12:00:00Z');
    expect(level.status).toBe('missed');
    expect(Date.parse(level.due)).toBe(Date.parse('2026-03-02T11:30:00Z'));
  });

  it('a metric that does not apply to the ticket owes no escalation', async () => {
    const sla = agreement('metric M { measures resolution clock Utc target High 60 minutes }\nescalation { level 1 "a" at 50% of M }');
    expect(await escalations(sla, [row('T', '2026-03-02T10:00:00Z', 'created')], '2026-03-02T15:00:00Z')).toEqual([]);
  });
});

describe('uptime periods and validation of the outage log', () => {
  const NEW_YORK = 'calendar NewYork { timezone "America/New_York" hours Mon-Sun 00:00-24:00 }';
  async function uptime(body: string, outages: string[], asOf: string) {
    return check(agreement(body, 'agreement Audit { effective 2026-03-01 }'), csv([row('T', '2026-03-02T10:00:00Z', 'created')]), ['--outages', 'outages.csv', '--as-of', asOf], {
      'outages.csv': ['start,end,kind,description', ...outages].join('\n') + '\n',
    });
  }

  it('an outage across local midnight of 1 April is split between March and April in the clock zone', async () => {
    const { report } = await uptime(`${NEW_YORK}\nmetric Up { measures uptime clock NewYork objective 99% monthly }`, ['2026-03-31T23:00:00-04:00,2026-04-01T01:00:00-04:00,outage,x'], '2026-05-01T00:00:00-04:00');
    // March in New York has 31 days less the spring-forward hour: 44580 minutes.
    expect(report.uptime.map((u: { period: string; uptime: number }) => `${u.period} ${u.uptime}`)).toEqual([`2026-03 ${Math.round((1 - 60 / 44580) * 1e6) / 1e6}`, `2026-04 ${Math.round((1 - 60 / 43200) * 1e6) / 1e6}`]);
  });

  it('holidays are not scheduled: November 2026 has 20 open days (12000 minutes); 12 minutes down is exactly 99.9%', async () => {
    const sla = agreement('metric Up { measures uptime clock BusinessHours objective 99.9% monthly }', 'agreement Audit { effective 2026-11-01 }');
    const { code, report } = await check(sla, csv([row('T', '2026-11-02T10:00:00Z', 'created')]), ['--outages', 'outages.csv', '--as-of', '2026-12-01T00:00:00-05:00'], {
      'outages.csv': 'start,end,kind\n2026-11-26T09:00:00-05:00,2026-11-26T17:00:00-05:00,outage\n2026-11-30T09:00:00-05:00,2026-11-30T09:12:00-05:00,outage\n',
    });
    expect(report.uptime[0]).toMatchObject({ period: '2026-11', uptime: 0.999, ok: true });
    expect(code).toBe(0);
  });

  it('outage and maintenance overlapping: with excluding maintenance only the outage outside it is down', async () => {
    // Scheduled 44640 - 120; outage 01:00-03:00 and 02:30-04:00 merge to 01:00-04:00, minus maintenance 00:00-02:00: 120 down.
    // 1.1: `excluding maintenance` needs a maintenance block; a window around the clock admits every row.
    const { report } = await uptime('metric Up { measures uptime clock Utc excluding maintenance objective 99% monthly }\nmaintenance { window Utc }', [
      '2026-03-20T00:00:00Z,2026-03-20T02:00:00Z,maintenance,m',
      '2026-03-20T01:00:00Z,2026-03-20T03:00:00Z,outage,o',
      '2026-03-20T02:30:00Z,2026-03-20T04:00:00Z,outage,o2',
    ], '2026-04-01T00:00:00Z');
    expect(report.uptime[0].uptime).toBe(Math.round((1 - 120 / 44520) * 1e6) / 1e6);
  });

  it.each([
    ['an end before the start', '2026-03-20T02:00:00Z,2026-03-20T01:00:00Z,outage,x', 'end'],
    ['an unknown kind', '2026-03-20T00:00:00Z,2026-03-20T01:00:00Z,incident,x', 'kind'],
    ['a time without offset', '2026-03-20T00:00:00,2026-03-20T01:00:00Z,outage,x', 'start'],
  ])('%s is an error naming the outage file, line and key', async (_name, line, key) => {
    const result = await uptime('metric Up { measures uptime clock Utc objective 99% monthly }', [line], '2026-04-01T00:00:00Z');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`outages.csv:2: key '${key}'`);
  });
});

describe('log forms', () => {
  const sla = resolutionOn('Utc', '60 minutes');

  it('CSV: byte-order mark, CRLF, header names in any case with blanks, quoted commas in an id', async () => {
    const folder = folderWith({ 'a.sla': sla, 'log.csv': '\uFEFF Ticket , TIME ,Event\r\n"T,1",2026-03-02T10:00:00Z,created\r\n"T,1",2026-03-02T10:30:00Z,resolved\r\n' });
    const result = await slac(folder, 'check', 'a.sla', 'log.csv', '--format', 'json');
    expect(metricOf(JSON.parse(result.stdout), 'T,1', 'M')).toMatchObject({ status: 'met', elapsedMinutes: 30 });
  });

  it('CSV: a quoted line break; errors name the line where the row starts', async () => {
    const folder = folderWith({ 'a.sla': sla, 'log.csv': 'ticket,time,event,status\nT,2026-03-02T10:00:00Z,created,\nT,2026-03-02T10:10:00Z,status,"two\nlines"\nT,2026-03-02T10:30:00Z,resolved,\nT,2026-03-02T10:40:00Z,bogus,\n' });
    const result = await slac(folder, 'check', 'a.sla', 'log.csv', '--format', 'json');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^log\.csv:6: key 'event'/m);
  });

  it('an unknown column is a warning, not silently dropped', async () => {
    const folder = folderWith({ 'a.sla': sla, 'log.csv': 'ticket,time,event,sevrity\nT,2026-03-02T10:00:00Z,created,High\nT,2026-03-02T10:30:00Z,resolved,\n' });
    const result = await slac(folder, 'check', 'a.sla', 'log.csv', '--format', 'json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).warnings.map((w: { key: string; code: string }) => `${w.key} ${w.code}`)).toEqual(['sevrity SLA4011']);
  });

  it('a row with more cells than the header is an error', async () => {
    const folder = folderWith({ 'a.sla': sla, 'log.csv': 'ticket,time,event\nT,2026-03-02T10:00:00Z,created,High\n' });
    const result = await slac(folder, 'check', 'a.sla', 'log.csv', '--format', 'json');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^log\.csv:2:/m);
  });

  it('NDJSON: a numeric ticket id and level; a broken line is an error with its line', async () => {
    const esc = agreement('metric M { measures resolution clock Utc target 60 minutes }\nescalation { level 1 "a" at 50% of M }');
    const good = '{"ticket":7,"time":"2026-03-02T10:00:00Z","event":"created"}\n{"ticket":7,"time":"2026-03-02T10:20:00Z","event":"escalated","level":1}\n{"ticket":"7","time":"2026-03-02T10:40:00Z","event":"resolved"}\n';
    const ok = await slac(folderWith({ 'a.sla': esc, 'log.ndjson': good }), 'check', 'a.sla', 'log.ndjson', '--format', 'json');
    const report = JSON.parse(ok.stdout);
    expect(metricOf(report, '7', 'M')).toMatchObject({ status: 'met', elapsedMinutes: 40 });
    expect(report.escalations[0]).toMatchObject({ ticket: '7', level: 1, status: 'met' });
    const bad = await slac(folderWith({ 'a.sla': esc, 'log.ndjson': `${good}{"ticket":7,\n` }), 'check', 'a.sla', 'log.ndjson', '--format', 'json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^log\.ndjson:4:/m);
  });

  it('--as-of without an offset is an error', async () => {
    const result = await check(sla, csv([row('T', '2026-03-02T10:00:00Z', 'created')]), ['--as-of', '2026-03-02T10:50:00']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  it('an event exactly at --as-of is not after it', async () => {
    const { report } = await check(sla, csv([row('T', '2026-03-02T10:00:00Z', 'created'), row('T', '2026-03-02T10:50:00Z', 'resolved')]), ['--as-of', '2026-03-02T10:50:00Z']);
    expect(metricOf(report, 'T', 'M')).toMatchObject({ status: 'met', elapsedMinutes: 50 });
    expect(report.ignoredAfterAsOf).toBe(0);
  });
});
