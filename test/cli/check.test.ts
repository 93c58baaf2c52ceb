import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { serializeModel } from '../../runtime/model-io.js';
import { supportModel } from '../runtime/check/fixture-model.js';

const folder = mkdtempSync(join(tmpdir(), 'slac-cli-check-'));
writeFileSync(join(folder, 'support.sla.json'), serializeModel(supportModel));

const HEADER = 'ticket,time,event,severity,channel,status,author,level';
/** Both tickets meet every target. */
const goodLog = [
  HEADER,
  'A,2026-03-02T09:00:00-05:00,created,Critical,Email,,,',
  'A,2026-03-02T09:10:00-05:00,reply,,,,agent,',
  'A,2026-03-02T10:00:00-05:00,resolved,,,,,',
  'B,2026-03-02T10:00:00-05:00,created,,Chat,,,',
  'B,2026-03-02T10:05:00-05:00,reply,,,,agent,',
  'B,2026-03-02T11:00:00-05:00,resolved,,,,,',
].join('\n');
/** Ticket C misses its resolution target: the objective (90%) is missed. */
const missedLog = `${goodLog}\nC,2026-03-02T11:00:00-05:00,created,,,,,\nC,2026-03-02T11:10:00-05:00,reply,,,,agent,\nC,2026-03-02T17:00:00-05:00,resolved,,,,,`;

writeFileSync(join(folder, 'good.csv'), goodLog);
writeFileSync(join(folder, 'missed.csv'), missedLog);
writeFileSync(join(folder, 'bad.csv'), `${goodLog}\nB,2026-03-02 12:00,reply,,,,agent,\nB,2026-03-02T12:00:00Z,reply,,,,robot,`);
writeFileSync(join(folder, 'events.log'), goodLog);

async function slac(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), stderrIsTTY: false, cwd: folder });
  return { code, stdout, stderr };
}

describe('slac check', () => {
  it('exits 0 with a text report when every objective is met', async () => {
    const result = await slac('check', 'support.sla.json', 'good.csv');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Support Agreement');
  });

  it('exits 1 when an objective is missed, and prints JSON', async () => {
    const result = await slac('check', 'support.sla.json', 'missed.csv', '--format', 'json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.tickets.map((ticket: { id: string }) => ticket.id)).toEqual(['A', 'B', 'C']);
    expect(report.objectives.find((row: { metric: string }) => row.metric === 'Resolution').ok).toBe(false);
  });

  it('with --strict, exits 1 on a breached ticket alone', async () => {
    const log = `${goodLog}\nC,2026-03-02T11:00:00-05:00,created,,,,,\nC,2026-03-02T11:30:00-05:00,reply,,,,agent,\nC,2026-03-02T12:00:00-05:00,resolved,,,,,`;
    writeFileSync(join(folder, 'late-reply.csv'), log);
    // 2 of 3 acknowledgements met misses 95%, so use a log whose one breach misses no objective.
    const many = [goodLog, ...Array.from({ length: 20 }, (_, i) => `N${i},2026-03-03T09:00:00-05:00,created,,,,,\nN${i},2026-03-03T09:05:00-05:00,reply,,,,agent,\nN${i},2026-03-03T09:30:00-05:00,resolved,,,,,`)];
    writeFileSync(join(folder, 'one-breach.csv'), `${many.join('\n')}\nL,2026-03-03T09:00:00-05:00,created,,,,,\nL,2026-03-03T09:05:00-05:00,reply,,,,agent,\nL,2026-03-03T12:00:00-05:00,resolved,,,,,`);
    expect((await slac('check', 'support.sla.json', 'one-breach.csv')).code).toBe(0);
    expect((await slac('check', 'support.sla.json', 'one-breach.csv', '--strict')).code).toBe(1);
  });

  it('writes CSV, one row per ticket and metric', async () => {
    const result = await slac('check', 'support.sla.json', 'good.csv', '--format', 'csv');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('ticket,severity,channel,metric,status,elapsedMinutes,targetMinutes,due,targetSeverity');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 5).join(','))).toEqual([
      'A,Critical,Email,Acknowledgement,met',
      'A,Critical,Email,Resolution,met',
      'B,Standard,Chat,Acknowledgement,met',
      'B,Standard,Chat,Resolution,met',
    ]);
  });

  it('exits 2 on invalid rows, prints every error with file:line:key and writes no report', async () => {
    const result = await slac('check', 'support.sla.json', 'bad.csv', '--format', 'json', '-o', 'report.json');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("bad.csv:8: key 'time': '2026-03-02 12:00' is not an ISO 8601 instant with an offset");
    expect(result.stderr).toContain("bad.csv:9: key 'author': 'robot' is not a reply author");
    expect(() => readFileSync(join(folder, 'report.json'))).toThrow();
  });

  it('with --skip-invalid, reports and lists the skipped rows', async () => {
    const result = await slac('check', 'support.sla.json', 'bad.csv', '--format', 'json', '--skip-invalid', '-o', 'skipped.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const report = JSON.parse(readFileSync(join(folder, 'skipped.json'), 'utf8'));
    expect(report.invalidRows).toBe(2);
    expect(report.skipped.map((row: { file: string; line: number; key: string }) => `${row.file}:${row.line}:${row.key}`)).toEqual(['bad.csv:8:time', 'bad.csv:9:author']);
  });

  it('takes the log format from --log-format when the extension says nothing', async () => {
    expect((await slac('check', 'support.sla.json', 'events.log')).code).toBe(2);
    expect((await slac('check', 'support.sla.json', 'events.log', '--log-format', 'csv')).code).toBe(0);
  });

  it('exits 2 with a clear message for a compiled model of another version', async () => {
    writeFileSync(join(folder, 'old.sla.json'), serializeModel(supportModel).replace('"version": 2', '"version": 1'));
    const result = await slac('check', 'old.sla.json', 'good.csv');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^slac: old\.sla\.json:3:14: not a valid compiled model: version 1 is not supported/);
  });

  it('exits 2 for a bad --as-of and an unknown --assume-timezone', async () => {
    expect((await slac('check', 'support.sla.json', 'good.csv', '--as-of', 'tomorrow')).stderr).toContain("'tomorrow' is not an instant with an offset");
    const zone = await slac('check', 'support.sla.json', 'good.csv', '--assume-timezone', 'Nowhere/City');
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain("'Nowhere/City' is not a time zone");
  });

  it('exits 2 and prints the diagnostics of an invalid .sla', async () => {
    writeFileSync(join(folder, 'broken.sla'), 'agreement Broken {\n  effective 2026-01-01\n}\nseverity High { }\nmetric M { measures resolution clock Nowhere target 2 hours }\n');
    const result = await slac('check', 'broken.sla', 'good.csv');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/broken\.sla:\d+:\d+/);
  });

  it('checks against a .sla source directly', async () => {
    const result = await slac('check', join(import.meta.dirname, '..', '..', 'examples', 'poologics.sla'), 'good.csv', '--format', 'json');
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).agreement).toBe('PoologicsSupport');
  });

  it('honours --as-of', async () => {
    const result = await slac('check', 'support.sla.json', 'good.csv', '--format', 'json', '--as-of', '2026-03-02T09:30:00-05:00');
    const report = JSON.parse(result.stdout);
    expect(report.asOf).toBe('2026-03-02T09:30:00-05:00');
    expect(report.tickets).toHaveLength(1);
    expect(report.ignoredAfterAsOf).toBe(4);
  });
});
