import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runBuiltCli, runBuiltCliOnThreads, type CliRun } from './built-cli.js';
import { agreementText, freshFolder, write } from './hardening-fixtures.js';

/**
 * The clock counts open time from 1800 to 2400 only, while `slac check`
 * reads rows dated 0000 to 9999: a ticket of 0050 (a two-digit year) was due
 * "1800-01-01T11:00:00+00:53:28", one created and resolved in 0050 was met
 * in 0 minutes, and a row of 0000-01-01T02:00:00Z was shown created
 * "-0001-12-31T21:03:58-04:56:02" in New York, a year --as-of refuses; all
 * without a word, exit 0. A warning (SLA4061) now names the file, the first
 * such row and its time in the report zone, and counts the rows, on stderr
 * in every format and in the JSON report, alike at --jobs 1 and 2 (threads
 * forced on these small logs by runBuiltCliOnThreads).
 */
const HEADER = 'ticket,time,event,severity,channel,author';
const says = (count: number, first: string) =>
  `${count} ${count === 1 ? 'row is' : 'rows are'} dated outside the years 1800 to 2399 (UTC), the only years in which the clock counts open time; the first is this one (${first} in the report's zone). Every calendar is closed in the other years, so no time there counts toward a target and no target falls due there; ${count === 1 ? 'it is' : 'they are'} checked as written, but a year such as 0050 is usually a mistyped one: correct it`;

interface Case {
  name: string;
  rows: string[];
  args: string[];
  jobs: '1' | '2';
  /** The warning's line and text. */
  line: number;
  text: string;
  zone?: 'America/New_York';
}

const twoDigitYear = ['T1,0050-01-15T10:00:00Z,created,,,', 'T1,0050-01-15T10:30:00Z,reply,,,agent', 'T2,2026-03-02T10:00:00Z,created,,,'];
const cases: Case[] = [
  ...(['text', 'json', 'csv'] as const).flatMap((format) =>
    (['1', '2'] as const).map((jobs): Case => ({ name: `year 0050, ${format}`, rows: twoDigitYear, args: ['--format', format], jobs, line: 2, text: says(2, '0050-01-15T10:53:28+00:53:28') })),
  ),
  { name: 'year 0000 in New York, shown as -0001', rows: ['T1,0000-01-01T02:00:00Z,created,,,'], args: ['--as-of', '0000-01-02T12:00:00Z', '--format', 'json'], jobs: '1', line: 2, text: says(1, '-0001-12-31T21:03:58-04:56:02'), zone: 'America/New_York' },
  {
    // Each ticket resolved at once: a ticket pending from 1800 to an as-of in 2400 took 10 s to check.
    name: 'the edges: 1799-12-31T23:59:59Z and 2400-01-01 warned, 1800-01-01 and 2399-12-31T23:59:59Z not',
    rows: ['T1,1799-12-31T23:59:59Z,created,,,', 'T1,1799-12-31T23:59:59Z,resolved,,,', 'T2,1800-01-01T00:00:00Z,created,,,', 'T2,1800-01-01T09:00:00Z,resolved,,,', 'T3,2399-12-31T23:59:59Z,created,,,', 'T3,2400-01-01T00:00:00Z,resolved,,,'],
    args: ['--format', 'json'],
    jobs: '2',
    line: 2,
    text: says(3, '1800-01-01T00:53:27+00:53:28'),
  },
];

describe('slac check: log rows dated where the clock counts no open time (SLA4061)', () => {
  it.each(cases)('$name, --jobs $jobs', ({ rows, args, jobs, line, text, zone }) => {
    const folder = freshFolder('check-clock-years');
    write(folder, 'c.sla', zone ? agreementText().replace('Europe/Berlin', zone) : agreementText());
    write(folder, 'log.csv', `${HEADER}\n${rows.join('\n')}\n`);
    const run: (args: string[], folder: string) => CliRun = jobs === '1' ? runBuiltCli : runBuiltCliOnThreads;
    const result = run(['check', 'c.sla', 'log.csv', ...args, '--jobs', jobs], folder);
    expect(result.code, result.stderr).not.toBe(2);
    expect(result.code).not.toBe(70);
    const warned = result.stderr.split('\n').filter((entry) => entry.includes('SLA4061'));
    expect(warned).toEqual([`log.csv:${line}: warning: ${text} [SLA4061]`]);
    if (args.includes('json')) {
      const report = JSON.parse(result.stdout) as { warnings: { code: string; line: number; message: string }[] };
      expect(report.warnings.filter((warning) => warning.code === 'SLA4061')).toEqual([expect.objectContaining({ code: 'SLA4061', line, message: text })]);
    }
  });
});

/**
 * `slac explain` of a ticket of 0050 printed its timeline (due in 1800)
 * without a word: it gives the warning, on stderr, as it gives check's
 * other warnings about the log's rows.
 */
it('slac explain of a ticket of year 0050 warns as check does', () => {
  const folder = freshFolder('explain-clock-years');
  write(folder, 'c.sla', agreementText());
  write(folder, 'log.csv', `${HEADER}\n${twoDigitYear.join('\n')}\n`);
  const result = runBuiltCli(['explain', 'c.sla', 'log.csv', 'T1'], folder);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe(`log.csv:2: warning: ${says(2, '0050-01-15T10:53:28+00:53:28')} [SLA4061]\n`);
});

/**
 * A helpdesk export passes such a time through (`--log-format
 * zendesk-tables`, a ticket created 0024-03-04): the warning names the
 * exported record, as the log's other warnings do.
 */
it('a helpdesk export with a ticket of year 0024: the warning names the exported row', () => {
  const fixtures = join(repoRoot, 'test', 'cli', 'fixtures', 'log-format');
  const folder = freshFolder('export-clock-years');
  write(folder, 'loose.sla', readFileSync(join(fixtures, 'loose.sla'), 'utf8'));
  mkdirSync(join(folder, 'export'));
  write(folder, 'export/organization.csv', readFileSync(join(fixtures, 'export', 'organization.csv'), 'utf8'));
  write(folder, 'export/ticket.csv', readFileSync(join(fixtures, 'export', 'ticket.csv'), 'utf8').replace('3,2024-03-04 11:00:00,2024-03-04 12:00:00', '3,0024-03-04 11:00:00,0024-03-04 12:00:00'));
  const run = runBuiltCli(['check', 'loose.sla', 'export', '--log-format', 'zendesk-tables'], folder);
  expect(run.code).not.toBe(2);
  expect(run.stderr).toContain(`export/ticket.csv:4: warning: ${says(2, '0024-03-04T11:00:00+00:00')} [SLA4061]\n`);
});
