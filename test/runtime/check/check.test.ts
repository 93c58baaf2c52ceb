import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEvents, checkLogFiles, InvalidLogError, JsonReportStream, type CheckReport } from '../../../runtime/check.js';
import { writeJsonReport, type TicketVerdictJson } from '../../../runtime/report/index.js';
import { supportModel } from './fixture-model.js';

type Row = Record<string, unknown>;
const folder = mkdtempSync(join(tmpdir(), 'slac-check-'));

const created = (ticket: string, time: string, extra: Row = {}): Row => ({ ticket, time, event: 'created', ...extra });
const event = (ticket: string, time: string, name: string, extra: Row = {}): Row => ({ ticket, time, event: name, ...extra });

/** Three tickets on Monday 2026-03-02 (New York business hours 08:00-18:00). */
const log: Row[] = [
  created('A', '2026-03-02T09:00:00-05:00', { severity: 'Critical', channel: 'Email' }),
  event('A', '2026-03-02T09:10:00-05:00', 'reply', { author: 'agent' }),
  event('A', '2026-03-02T11:00:00-05:00', 'escalated', { level: 1 }),
  event('A', '2026-03-02T12:00:00-05:00', 'resolved'),
  created('B', '2026-03-02T10:00:00-05:00'),
  event('B', '2026-03-02T10:05:00-05:00', 'reply', { author: 'system' }),
  event('B', '2026-03-02T10:30:00-05:00', 'reply', { author: 'agent' }),
  created('C', '2026-03-02T11:00:00-05:00', { severity: 'Critical' }),
  event('C', '2026-03-02T11:05:00-05:00', 'reply', { author: 'agent' }),
  event('C', '2026-03-02T13:00:00-05:00', 'resolved'),
  event('B', '2026-03-02T14:00:00-05:00', 'resolved'),
];

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** The report without where each row came from (line numbers differ after shuffling). */
function verdicts(report: CheckReport): unknown {
  return { tickets: report.tickets, objectives: report.objectives, escalations: report.escalations, totals: report.totals };
}

describe('checkEvents', () => {
  it('gives the same report for a shuffled log', () => {
    const sorted = checkEvents(supportModel, log);
    expect(sorted.tickets.map((ticket) => ticket.id)).toEqual(['A', 'B', 'C']);
    for (const seed of [1, 2, 3, 4, 5]) expect(verdicts(checkEvents(supportModel, shuffled(log, seed)))).toEqual(verdicts(sorted));
  });

  it('takes events at the same instant in file order', () => {
    const base = [created('T', '2026-03-02T09:00:00-05:00')];
    const waiting = event('T', '2026-03-02T10:00:00-05:00', 'status', { status: 'Waiting on customer' });
    const working = event('T', '2026-03-02T10:00:00-05:00', 'status', { status: 'In progress' });
    const asOf = '2026-03-02T12:00:00-05:00';
    const pausedLast = checkEvents(supportModel, [...base, working, waiting], { asOf });
    const workingLast = checkEvents(supportModel, [...base, waiting, working], { asOf });
    expect(pausedLast.tickets[0]!.metrics.Resolution).toMatchObject({ status: 'pending', elapsedMinutes: 60 });
    expect(workingLast.tickets[0]!.metrics.Resolution).toMatchObject({ status: 'breached', elapsedMinutes: 180 });
  });

  it('makes the report at the latest event by default, and ignores events after --as-of', () => {
    expect(checkEvents(supportModel, log).asOf).toBe('2026-03-02T14:00:00-05:00');
    const report = checkEvents(supportModel, log, { asOf: '2026-03-02T11:30:00-05:00' });
    expect(report.asOf).toBe('2026-03-02T11:30:00-05:00');
    // A's resolution (12:00), C's resolution (13:00), B's resolution (14:00): after as-of.
    expect(report.ignoredAfterAsOf).toBe(3);
    expect(report.tickets.map((ticket) => [ticket.id, ticket.metrics.Resolution!.status])).toEqual([['A', 'pending'], ['B', 'pending'], ['C', 'pending']]);
    const early = checkEvents(supportModel, log, { asOf: '2026-03-02T10:15:00-05:00' });
    expect(early.tickets.map((ticket) => ticket.id)).toEqual(['A', 'B']);
    expect(early.ignoredAfterAsOf).toBe(7);
  });

  it('reads times without offset in the --assume-timezone zone', () => {
    const local = [created('T', '2026-03-02T09:00:00'), event('T', '2026-03-02T09:30:00', 'reply', { author: 'agent' })];
    expect(() => checkEvents(supportModel, local)).toThrow(InvalidLogError);
    const report = checkEvents(supportModel, local, { assumeTimezone: 'America/New_York' });
    expect(report.tickets[0]!.created).toBe('2026-03-02T09:00:00-05:00');
    expect(report.tickets[0]!.metrics.Acknowledgement).toMatchObject({ status: 'breached', elapsedMinutes: 30 });
  });

  it('with skipInvalid, leaves bad rows out, counts them and lists line, key and code', () => {
    const rows = [
      ...log,
      event('A', 'soon', 'reply', { author: 'agent' }),
      event('Z', '2026-03-02T12:00:00-05:00', 'resolved'),
      created('A', '2026-03-02T13:00:00-05:00'),
      created('D', '2026-03-02T12:00:00-05:00', { severity: 'Blocker' }),
    ];
    expect(() => checkEvents(supportModel, rows)).toThrow(/events:12: key 'time'/);
    const report = checkEvents(supportModel, rows, { skipInvalid: true });
    expect(report.invalidRows).toBe(4);
    expect(report.skipped.map((row) => [row.line, (row as { key?: string }).key, (row as { code?: string }).code])).toEqual([
      [12, 'time', 'SLA4002'],
      [13, 'ticket', 'SLA4010'],
      [14, 'event', 'SLA4009'],
      [15, 'severity', 'SLA4004'],
    ]);
    expect(verdicts(report)).toEqual(verdicts(checkEvents(supportModel, log)));
  });

  it('lists unknown keys as warnings, once', () => {
    const report = checkEvents(supportModel, log.map((row) => ({ ...row, subject: 'x' })));
    expect(report.warnings.map((row) => [row.line, row.key, row.code])).toEqual([[1, 'subject', 'SLA4011']]);
  });

  it('uses the outage rows for uptime', () => {
    const outages = [{ start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z', kind: 'outage', description: 'Database' }];
    const report = checkEvents(supportModel, log, { outages });
    // From the effective date (January) to the as-of instant.
    expect(report.uptime.map((row) => [row.metric, row.period, row.downtimeMinutes])).toEqual([
      ['Availability', '2026-01', 0],
      ['Availability', '2026-02', 0],
      ['Availability', '2026-03', 60],
    ]);
    expect(() => checkEvents(supportModel, log, { outages: [{ start: 'x', end: 'y', kind: 'outage' }] })).toThrow(/outages:1: key 'end'/);
  });

  it('refuses an empty log without --as-of', () => {
    expect(() => checkEvents(supportModel, [])).toThrow(/SLA4019/);
    expect(checkEvents(supportModel, [], { asOf: '2026-03-31T00:00:00Z' }).tickets).toEqual([]);
  });
});

describe('checkLogFiles', () => {
  it('gives the report checkEvents gives, from CSV (columns in any order) and from NDJSON', async () => {
    const ndjson = join(folder, 'log.ndjson');
    writeFileSync(ndjson, log.map((row) => JSON.stringify(row)).join('\n'));
    const keys = ['ticket', 'time', 'event', 'severity', 'channel', 'status', 'author', 'level'];
    const csv = join(folder, 'log.csv');
    writeFileSync(csv, [keys.join(','), ...log.map((row) => keys.map((key) => String(row[key] ?? '')).join(','))].join('\r\n'));
    const reversed = join(folder, 'reversed.csv');
    const columns = [...keys].reverse();
    writeFileSync(reversed, [columns.join(','), ...log.map((row) => columns.map((key) => String(row[key] ?? '')).join(','))].join('\n'));
    const expected = JSON.stringify(checkEvents(supportModel, log), null, 2);
    for (const file of [ndjson, csv, reversed]) {
      let text = '';
      let stream: JsonReportStream | undefined;
      const outcome = await checkLogFiles(supportModel, {
        log: file,
        displayName: () => 'events',
        output: { begin: (head) => (stream = new JsonReportStream(head, (chunk) => (text += chunk))), ticket: (ticket) => stream!.ticket(ticket) },
      });
      expect(outcome.ok).toBe(true);
      if (outcome.ok) stream!.finish(outcome.summary);
      expect(JSON.stringify(JSON.parse(text), null, 2)).toBe(expected);
    }
  });

  it('streams JSON exactly as writeJsonReport writes it', async () => {
    const tickets: TicketVerdictJson[] = [];
    let streamed = '';
    let stream: JsonReportStream | undefined;
    const file = join(folder, 'stream.ndjson');
    writeFileSync(file, log.map((row) => JSON.stringify(row)).join('\n'));
    const outcome = await checkLogFiles(supportModel, {
      log: file,
      output: {
        begin: (head) => (stream = new JsonReportStream(head, (chunk) => (streamed += chunk))),
        ticket: (ticket) => {
          tickets.push(ticket);
          stream!.ticket(ticket);
        },
      },
    });
    if (!outcome.ok) throw new Error('expected a report');
    stream!.finish(outcome.summary);
    let whole = '';
    writeJsonReport(outcome.summary, tickets, (chunk) => (whole += chunk));
    expect(streamed).toBe(whole);
  });
});
