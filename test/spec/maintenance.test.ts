/**
 * SEMANTICS.md "Version 1.1 additions / Maintenance": which part of a
 * `maintenance` row is Scheduled Maintenance (window, notice, at most), and
 * the uptime and credits that follow. All on UTC clocks: March 2026 has
 * 44640 minutes, April 43200; the Sundays are 1, 8, 15, 22, 29 March and 5
 * April. The objective 99.5% allows 223.2 minutes down in March.
 */
import { describe, expect, it } from 'vitest';
import { agreement, check, csv, row, type Report } from './helpers.js';

const WINDOW = 'calendar Window { timezone "UTC" hours Sun 02:00-06:00 }';
const CREDITS = 'credits { when Up below 99.5% credit 10% }';
const ALL_RULES = 'maintenance { window Window notice 48 hours at most 4 hours monthly }';

function sla(maintenance: string, excluding = true): string {
  const metric = `metric Up { measures uptime clock Utc ${excluding ? 'excluding maintenance ' : ''}objective 99.5% monthly }`;
  return agreement(`${WINDOW}\n${metric}\n${maintenance}\n${CREDITS}`, 'agreement Audit { effective 2026-03-01 }');
}

/** `MM-DD HH:MM HH:MM kind [announced MM-DDTHH:MM]` (UTC, start and end on one day) as outage-log CSV lines. */
function rows(list: readonly string[]): string[] {
  return list.map((text) => {
    const [day, from, to, kind, announced] = text.split(' ');
    return `2026-${day}T${from}:00Z,2026-${day}T${to}:00Z,${kind},${announced === undefined ? '' : `2026-${announced}:00Z`}`;
  });
}

const TICKETS = csv([row('T', '2026-03-02T10:00:00Z', 'created'), row('T', '2026-03-02T10:10:00Z', 'reply', { author: 'agent' })]);

async function run(text: string, outageRows: string[], asOf = '2026-04-01T00:00:00Z', header = 'start,end,kind,announced'): Promise<{ code: number; stderr: string; report: Report }> {
  return check(text, TICKETS, ['--outages', 'outages.csv', '--as-of', asOf], { 'outages.csv': [header, ...outageRows].join('\n') + '\n' });
}

function march(report: Report): Report {
  return report.uptime.find((entry: { period: string }) => entry.period === '2026-03');
}

/** Each part as `HH:MM-HH:MM reason` (or `excluded` / `kept`). */
function parts(entry: Report): string[] {
  return entry.maintenance.parts.map(
    (part: { start: string; end: string; reason?: string; excluded: boolean }) =>
      `${part.start.slice(5, 16)}-${part.end.slice(11, 16)} ${part.reason ?? (part.excluded ? 'excluded' : 'kept')}`,
  );
}

interface Case {
  name: string;
  maintenance: string;
  outages: string[];
  scheduled: number;
  downtime: number;
  uptime: number;
  excluded: number;
  counted: number;
  parts: string[];
  credit: number;
  excluding?: boolean;
}

const cases: Case[] = [
  {
    name: 'inside the window, announced in time: excluded',
    maintenance: ALL_RULES,
    outages: rows(['03-01 02:00 05:00 maintenance 02-20T00:00']),
    scheduled: 44640 - 180, downtime: 0, uptime: 1, excluded: 180, counted: 0,
    parts: ['03-01T02:00-05:00 excluded'], credit: 0,
  },
  {
    name: 'announced 26 hours ahead: short notice, all downtime, credit due',
    maintenance: ALL_RULES,
    outages: rows(['03-08 02:00 06:00 maintenance 03-07T00:00']),
    // 1 - 240/44640 = 0.99462365...
    scheduled: 44640, downtime: 240, uptime: 0.994624, excluded: 0, counted: 240,
    parts: ['03-08T02:00-06:00 short notice'], credit: 10,
  },
  {
    name: 'not announced: short notice',
    maintenance: ALL_RULES,
    outages: rows(['03-08 02:00 03:00 maintenance']),
    // 1 - 60/44640 = 0.99865591...
    scheduled: 44640, downtime: 60, uptime: 0.998656, excluded: 0, counted: 60,
    parts: ['03-08T02:00-03:00 short notice'], credit: 0,
  },
  {
    name: 'partly outside the window: split',
    maintenance: ALL_RULES,
    outages: rows(['03-15 04:00 08:00 maintenance 03-01T00:00']),
    // 1 - 120/44520 = 0.99730458...
    scheduled: 44520, downtime: 120, uptime: 0.997305, excluded: 120, counted: 120,
    parts: ['03-15T04:00-06:00 excluded', '03-15T06:00-08:00 outside the window'], credit: 0,
  },
  {
    name: 'over the cap, rows taken in time order (the later one is first in the file)',
    maintenance: ALL_RULES,
    outages: rows(['03-08 02:00 05:00 maintenance 03-01T00:00', '03-01 02:00 05:00 maintenance 02-20T00:00']),
    // 180 + 60 excluded, 120 over: 1 - 120/44400 = 0.99729729...
    scheduled: 44400, downtime: 120, uptime: 0.997297, excluded: 240, counted: 120,
    parts: ['03-01T02:00-05:00 excluded', '03-08T02:00-03:00 excluded', '03-08T03:00-05:00 over the cap'], credit: 0,
  },
  {
    name: 'far over a 1-hour cap: credit due',
    maintenance: 'maintenance { window Window at most 1 hours monthly }',
    outages: rows(['03-01 02:00 06:00 maintenance', '03-08 02:00 06:00 maintenance']),
    // 60 excluded, 420 down: 1 - 420/44580 = 0.99057873...
    scheduled: 44580, downtime: 420, uptime: 0.990579, excluded: 60, counted: 420,
    parts: ['03-01T02:00-03:00 excluded', '03-01T03:00-06:00 over the cap', '03-08T02:00-06:00 over the cap'], credit: 10,
  },
  {
    name: 'an outage inside Scheduled Maintenance is not downtime; the part after it is',
    maintenance: ALL_RULES,
    outages: rows(['03-01 02:00 06:00 maintenance 02-20T00:00', '03-01 05:00 07:00 outage']),
    // 1 - 60/44400 = 0.99864864...
    scheduled: 44400, downtime: 60, uptime: 0.998649, excluded: 240, counted: 0,
    parts: ['03-01T02:00-06:00 excluded'], credit: 0,
  },
  {
    name: 'an outage overlapping maintenance that counts: the union is downtime, once',
    maintenance: ALL_RULES,
    outages: rows(['03-08 02:00 04:00 maintenance', '03-08 03:00 05:00 outage']),
    // 02:00-05:00: 1 - 180/44640 = 0.99596774...
    scheduled: 44640, downtime: 180, uptime: 0.995968, excluded: 0, counted: 120,
    parts: ['03-08T02:00-04:00 short notice'], credit: 0,
  },
  {
    name: 'window only',
    maintenance: 'maintenance { window Window }',
    outages: rows(['03-01 01:00 07:00 maintenance']),
    // 1 - 120/44400
    scheduled: 44400, downtime: 120, uptime: 0.997297, excluded: 240, counted: 120,
    parts: ['03-01T01:00-02:00 outside the window', '03-01T02:00-06:00 excluded', '03-01T06:00-07:00 outside the window'], credit: 0,
  },
  {
    name: 'notice only',
    maintenance: 'maintenance { notice 2 days }',
    outages: rows(['03-03 10:00 20:00 maintenance 03-01T10:00', '03-04 10:00 11:00 maintenance 03-03T10:00']),
    // 1 - 60/44040 = 0.99863760...
    scheduled: 44040, downtime: 60, uptime: 0.998638, excluded: 600, counted: 60,
    parts: ['03-03T10:00-20:00 excluded', '03-04T10:00-11:00 short notice'], credit: 0,
  },
  {
    name: 'at most only (periods of the metric clock)',
    maintenance: 'maintenance { at most 2 hours monthly }',
    outages: rows(['03-03 10:00 13:00 maintenance']),
    // 1 - 60/44520 = 0.99865229...
    scheduled: 44520, downtime: 60, uptime: 0.998652, excluded: 120, counted: 60,
    parts: ['03-03T10:00-12:00 excluded', '03-03T12:00-13:00 over the cap'], credit: 0,
  },
  {
    name: 'a metric without excluding maintenance: Scheduled Maintenance stays scheduled and up; the rest is down',
    maintenance: ALL_RULES,
    excluding: false,
    outages: rows(['03-01 02:00 05:00 maintenance 02-20T00:00', '03-08 02:00 03:00 maintenance']),
    scheduled: 44640, downtime: 60, uptime: 0.998656, excluded: 0, counted: 60,
    parts: ['03-01T02:00-05:00 kept', '03-08T02:00-03:00 short notice'], credit: 0,
  },
];

describe('Scheduled Maintenance and uptime', () => {
  it.each(cases)('$name', async (entry) => {
    const { code, stderr, report } = await run(sla(entry.maintenance, entry.excluding ?? true), entry.outages);
    expect(stderr).toBe('');
    const month = march(report);
    expect(month).toMatchObject({
      scheduledMinutes: entry.scheduled,
      downtimeMinutes: entry.downtime,
      uptime: entry.uptime,
      maintenance: { excludedMinutes: entry.excluded, countedMinutes: entry.counted },
    });
    expect(parts(month)).toEqual(entry.parts);
    expect(report.credits).toEqual(entry.credit === 0 ? [] : [expect.objectContaining({ period: '2026-03', percent: entry.credit })]);
    expect(code).toBe(entry.credit === 0 ? 0 : 1);
  });

  it('the cap resets in the next period', async () => {
    const outages = rows(['03-01 02:00 06:00 maintenance 02-20T00:00', '03-08 02:00 03:00 maintenance 03-01T00:00', '04-05 02:00 05:00 maintenance 03-20T00:00']);
    const { report } = await run(sla(ALL_RULES), outages, '2026-05-01T00:00:00Z');
    expect(parts(march(report))).toEqual(['03-01T02:00-06:00 excluded', '03-08T02:00-03:00 over the cap']);
    const april = report.uptime.find((entry: { period: string }) => entry.period === '2026-04');
    expect(april).toMatchObject({ scheduledMinutes: 43200 - 180, downtimeMinutes: 0, uptime: 1 });
    expect(parts(april)).toEqual(['04-05T02:00-05:00 excluded']);
  });

  it('reports the notice given and required (null: not announced)', async () => {
    const { report } = await run(sla(ALL_RULES), rows(['03-01 02:00 06:00 maintenance 02-20T00:00', '03-08 02:00 04:00 maintenance 03-07T20:00', '03-15 02:00 03:00 maintenance']));
    expect(march(report).maintenance.parts.slice(1)).toEqual([
      { start: '2026-03-08T02:00:00+00:00', end: '2026-03-08T04:00:00+00:00', minutes: 120, counted: true, excluded: false, reason: 'short notice', noticeMinutes: 360, requiredNoticeMinutes: 2880, line: 3 },
      { start: '2026-03-15T02:00:00+00:00', end: '2026-03-15T03:00:00+00:00', minutes: 60, counted: true, excluded: false, reason: 'short notice', noticeMinutes: null, requiredNoticeMinutes: 2880, line: 4 },
    ]);
  });
});

describe('the outage log columns', () => {
  it('reads a log without announced or client (1.0 columns): no notice met', async () => {
    const { code, stderr, report } = await run(sla(ALL_RULES), ['2026-03-01T02:00:00Z,2026-03-01T03:00:00Z,maintenance,Sunday'], undefined, 'start,end,kind,description');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(parts(march(report))).toEqual(['03-01T02:00-03:00 short notice']);
  });

  it('accepts a client column without a warning', async () => {
    const { stderr, report } = await run(sla(ALL_RULES), ['2026-03-01T02:00:00Z,2026-03-01T03:00:00Z,maintenance,2026-02-20T00:00:00Z,Acme'], undefined, 'start,end,kind,announced,client');
    expect(stderr).toBe('');
    expect(parts(march(report))).toEqual(['03-01T02:00-03:00 excluded']);
  });

  it('a bad announced instant is an error naming file, line and key', async () => {
    const { code, stderr, report } = await run(sla(ALL_RULES), ['2026-03-01T02:00:00Z,2026-03-01T03:00:00Z,maintenance,last Friday']);
    expect(code).toBe(2);
    expect(report).toBeNull();
    expect(stderr).toContain("outages.csv:2: key 'announced': 'last Friday' is not an ISO 8601 instant");
    expect(stderr).toContain('[SLA4002]');
  });
});
