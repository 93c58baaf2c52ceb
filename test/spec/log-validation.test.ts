/**
 * SEMANTICS.md "Ticket log" validation and "Report" exit status.
 */
import { describe, expect, it } from 'vitest';
import { agreement, check, csv, folderWith, metricOf, row, slac } from './helpers.js';

const SLA = agreement('metric FirstResponse { measures first response clock Utc target 30 minutes objective 50% monthly }');
const at = (time: string): string => `2026-03-02T${time}:00Z`;
const GOOD = [row('A', at('10:00'), 'created'), row('A', at('10:10'), 'reply', { author: 'agent' })];

interface BadCase {
  name: string;
  rows: string[];
  line: number;
  key: string;
  code?: string;
}

// Line numbers count the header as line 1; GOOD is lines 2-3.
const BAD: BadCase[] = [
  { name: 'a time without offset', rows: [...GOOD, row('A', '2026-03-02T10:20:00', 'reply', { author: 'customer' })], line: 4, key: 'time', code: 'SLA4002' },
  { name: 'a time that is not a time', rows: [...GOOD, row('A', 'yesterday', 'reply', { author: 'customer' })], line: 4, key: 'time', code: 'SLA4002' },
  { name: 'an unknown event', rows: [...GOOD, row('A', at('10:20'), 'answered')], line: 4, key: 'event' },
  { name: 'an unknown severity', rows: [row('B', at('09:00'), 'created', { severity: 'Urgent' }), ...GOOD], line: 2, key: 'severity' },
  { name: 'an unknown severity on a severity row', rows: [...GOOD, row('A', at('10:20'), 'severity', { severity: 'high' })], line: 4, key: 'severity' },
  { name: 'a severity row without severity', rows: [...GOOD, row('A', at('10:20'), 'severity')], line: 4, key: 'severity' },
  { name: 'a status row without status', rows: [...GOOD, row('A', at('10:20'), 'status')], line: 4, key: 'status' },
  { name: 'a reply without author', rows: [...GOOD, row('A', at('10:20'), 'reply')], line: 4, key: 'author' },
  { name: 'a reply with an unknown author', rows: [...GOOD, row('A', at('10:20'), 'reply', { author: 'robot' })], line: 4, key: 'author', code: 'SLA4006' },
  { name: 'an escalated row without level', rows: [...GOOD, row('A', at('10:20'), 'escalated')], line: 4, key: 'level' },
  { name: 'a missing ticket id', rows: [...GOOD, row('', at('10:20'), 'reply', { author: 'agent' })], line: 4, key: 'ticket' },
  { name: 'an unknown channel', rows: [...GOOD, row('A', at('10:20'), 'reply', { author: 'agent', channel: 'Pigeon' })], line: 4, key: 'channel' },
  { name: 'a second created', rows: [...GOOD, row('A', at('10:20'), 'created')], line: 4, key: 'event', code: 'SLA4009' },
  { name: 'an event before created', rows: [row('A', at('09:00'), 'reply', { author: 'agent' }), ...GOOD], line: 2, key: 'time', code: 'SLA4008' },
  { name: 'an event at the same instant as created but earlier in the file', rows: [row('A', at('10:00'), 'status', { status: 'Open' }), ...GOOD], line: 2, key: 'time', code: 'SLA4008' },
];

describe('invalid rows: exit 2, no report, an error naming file, line and key', () => {
  it.each(BAD)('$name', async ({ rows, line, code }) => {
    const result = await check(SLA, csv(rows));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const message = result.stderr.split('\n').find((text) => text.startsWith(`log.csv:${line}:`));
    expect(message, result.stderr).toBeDefined();
    expect(message).toMatch(/SLA4\d{3}/);
    if (code) expect(message).toContain(code);
  });

  it.each(BAD)('$name: the message names the key', async ({ rows, line, key }) => {
    const result = await check(SLA, csv(rows));
    const message = result.stderr.split('\n').find((text) => text.startsWith(`log.csv:${line}:`)) ?? '';
    expect(message).toContain(`key '${key}'`);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a ticket without created is an error', async () => {
    const result = await check(SLA, csv([...GOOD, row('Z', at('10:20'), 'reply', { author: 'agent' })]));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/log\.csv:4: .*SLA4010/);
  });

  it('every error is reported in one run', async () => {
    const result = await check(SLA, csv([...GOOD, row('A', at('10:20'), 'answered'), row('A', 'noon', 'reply', { author: 'agent' })]));
    expect(result.stderr).toMatch(/log\.csv:4:/);
    expect(result.stderr).toMatch(/log\.csv:5:/);
  });
});

describe('--assume-timezone and --skip-invalid', () => {
  it('reads a time without offset in the assumed zone', async () => {
    const rows = [row('A', '2026-03-02T10:00:00', 'created'), row('A', '2026-03-02T10:20:00', 'reply', { author: 'agent' })];
    const { code, report } = await check(SLA, csv(rows), ['--assume-timezone', 'America/New_York']);
    expect(code).toBe(0);
    expect(Date.parse(report.tickets[0].created)).toBe(Date.parse('2026-03-02T10:00:00-05:00'));
    expect(metricOf(report, 'A', 'FirstResponse')).toMatchObject({ status: 'met', elapsedMinutes: 20 });
  });

  it('an unknown assumed zone is an error', async () => {
    const { code, stdout } = await check(SLA, csv([row('A', '2026-03-02T10:00:00', 'created')]), ['--assume-timezone', 'Mars/Olympus']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });

  it('--skip-invalid leaves bad rows out, counts and lists them', async () => {
    const rows = [...GOOD, row('A', at('10:20'), 'answered'), row('A', '2026-03-02T10:30:00', 'reply', { author: 'customer' }), row('B', at('11:00'), 'created', { severity: 'Urgent' })];
    const { code, report } = await check(SLA, csv(rows), ['--skip-invalid']);
    expect(code).toBe(0);
    expect(report.invalidRows).toBe(3);
    expect(report.skipped.map((s: { file: string; line: number; key: string }) => `${s.file}:${s.line}:${s.key}`)).toEqual(['log.csv:4:event', 'log.csv:5:time', 'log.csv:6:severity']);
    expect(report.tickets.map((t: { id: string }) => t.id)).toEqual(['A']);
  });

  it('NDJSON by extension gives the same verdict as CSV', async () => {
    const lines = [
      { ticket: 'A', time: at('10:00'), event: 'created' },
      { ticket: 'A', time: at('10:45'), event: 'reply', author: 'agent' },
    ].map((o) => JSON.stringify(o));
    const folder = folderWith({ 'agreement.sla': SLA, 'log.ndjson': lines.join('\n') + '\n' });
    const result = await slac(folder, 'check', 'agreement.sla', 'log.ndjson', '--format', 'json');
    expect(metricOf(JSON.parse(result.stdout), 'A', 'FirstResponse')).toMatchObject({ status: 'breached', elapsedMinutes: 45 });
    expect(result.code).toBe(1); // 0 of 1 met misses 50%
  });
});

describe('exit status', () => {
  it('0 when nothing is missed', async () => {
    expect((await check(SLA, csv(GOOD))).code).toBe(0);
  });

  it('0 with a breached ticket when the objective holds; 1 with --strict', async () => {
    const rows = [...GOOD, row('B', at('10:00'), 'created'), row('B', at('11:00'), 'reply', { author: 'agent' })];
    expect((await check(SLA, csv(rows))).code).toBe(0);
    expect((await check(SLA, csv(rows), ['--strict'])).code).toBe(1);
  });

  it('1 when an objective is missed', async () => {
    const rows = [row('B', at('10:00'), 'created'), row('B', at('11:00'), 'reply', { author: 'agent' })];
    expect((await check(SLA, csv(rows))).code).toBe(1);
  });

  it('2 when the agreement is invalid, with no report', async () => {
    const result = await check('calendar Broken { timezone "Nowhere/Town" hours Mon-Fri 08:00-18:00 }\n', csv(GOOD));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('SLA3001');
  });
});
