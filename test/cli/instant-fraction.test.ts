import { describe, expect, it } from 'vitest';
import { runBuiltCli, runBuiltCliOnThreads } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * A log may give times to the millisecond, and the verdicts honour them: a
 * reply 500 ms after a one-hour target falls due breaches it. The report
 * wrote every instant but the as-of cut to the second, so the breached
 * metric read `"stoppedAt": "…T10:00:00+00:00"`, the same instant as its
 * `"due"`, and `slac explain` listed the reply at 10:00:00, with the breach,
 * as if it were in time. Every instant is now written to the millisecond
 * when it has any (JSON on one thread and two, explain, whose times stay in
 * a column); a whole second is written as before.
 */
const AGREEMENT = [
  'agreement A {\n  title "A"\n  provider "P"\n  client "C"\n}',
  'calendar Always {\n  timezone "UTC"\n  hours Mon-Sun 00:00-24:00\n}',
  'severity P1 {\n  default\n}',
  'metric FirstResponse {\n  measures first response\n  clock Always\n  target 1 hour\n}',
  '',
].join('\n');
const LOG = ['{"ticket":"T1","time":"2026-03-02T09:00:00Z","event":"created"}', '{"ticket":"T1","time":"2026-03-02T10:00:00.500Z","event":"reply","author":"agent"}', ''].join('\n');

function folder(): string {
  const dir = freshFolder('instant-fraction');
  write(dir, 'a.sla', AGREEMENT);
  write(dir, 'log.ndjson', LOG);
  return dir;
}

type Report = { tickets: { metrics: Record<string, { status: string; due: string; stoppedAt?: string }> }[] };

describe('instants with milliseconds are written with them', () => {
  it.each([
    ['one thread', runBuiltCli],
    ['two threads', runBuiltCliOnThreads],
  ])('slac check --format json, %s', (_name, run) => {
    const result = run(['check', 'a.sla', 'log.ndjson', '--format', 'json', '--jobs', '2'], folder());
    const metric = (JSON.parse(result.stdout) as Report).tickets[0]!.metrics['FirstResponse']!;
    expect(metric).toMatchObject({ status: 'breached', due: '2026-03-02T10:00:00+00:00', stoppedAt: '2026-03-02T10:00:00.500+00:00' });
  });

  it('slac explain lists the reply after the breach, the times in a column', () => {
    const result = runBuiltCli(['explain', 'a.sla', 'log.ndjson', 'T1'], folder());
    expect(result.code, result.stderr).toBe(0);
    const timeline = result.stdout.split('\n').filter((line) => /^ {2}2026-/.test(line));
    expect(timeline.map((line) => line.slice(0, 42).trimEnd())).toEqual([
      '  2026-03-02T09:00:00+00:00      created',
      '  2026-03-02T10:00:00+00:00      breached',
      '  2026-03-02T10:00:00.500+00:00  reply',
    ]);
  });
});
