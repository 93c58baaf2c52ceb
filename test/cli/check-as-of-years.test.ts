import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli, runBuiltCliOnThreads, type CliRun } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * `slac check --as-of` outside the years 0000 to 9999 in the report's time
 * zone: 9999-12-31T23:59:59-12:00 is 10000-01-01 in New York, and the
 * report read "As of 10000-01-01T06:59:59-05:00" with its next review on
 * "+010000-01-01"; 0000-01-01T00:00:00Z read "As of -0001-12-31T19:03:58-04:56:02".
 * It is refused as `slac report` refuses it: one line, exit 2, nothing on stdout.
 */
const poologics = join(repoRoot, 'examples', 'poologics.sla');
const poologicsLog = join(repoRoot, 'examples', 'logs', 'poologics.tickets.csv');
const portfolio = join(repoRoot, 'examples', 'multilevel', 'departments.sla');
const portfolioLog = 'ticket,time,event,severity,channel,status,author,level,client\nA-1,2026-03-02T09:00:00Z,created,Medium,Portal,,,,Finance\n';

const past = 'slac: the report would run to 10000-01-01, past 9999, the last year a report can cover: give an earlier --as-of.\n';

describe('slac check --as-of outside the years 0000 to 9999 in the report zone', () => {
  it.each([
    ['past 9999 in New York, text', [poologics, poologicsLog, '--as-of', '9999-12-31T23:59:59-12:00'], past],
    ['past 9999 in New York, JSON', [poologics, poologicsLog, '--as-of', '9999-12-31T23:59:59-12:00', '--format', 'json'], past],
    ['past 9999 in New York, CSV', [poologics, poologicsLog, '--as-of', '9999-12-31T23:59:59-12:00', '--format', 'csv'], past],
    ['before 0000 in New York', [poologics, poologicsLog, '--as-of', '0000-01-01T00:00:00Z'], 'slac: the report would run to -0001-12-31, before 0000, the first year a report can cover: give a later --as-of.\n'],
    ['past 9999 in Madrid, a portfolio', [portfolio, 'log.csv', '--as-of', '9999-12-31T23:30:00Z'], past],
  ])('%s: one line, exit 2', (_name, args, message) => {
    const folder = freshFolder('check-as-of-years');
    write(folder, 'log.csv', portfolioLog);
    const run = runBuiltCli(['check', ...args], folder);
    expect(run.stderr).toBe(message);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it.each([
    ['the last second of 9999 in New York', '9999-12-31T23:59:59-05:00', 'As of 9999-12-31T23:59:59-05:00'],
    ['9999-12-31T23:59:59Z, still 9999 in New York', '9999-12-31T23:59:59Z', 'As of 9999-12-31T18:59:59-05:00'],
  ])('%s is checked', (_name, asOf, shown) => {
    const run = runBuiltCli(['check', poologics, poologicsLog, '--as-of', asOf], repoRoot);
    expect(run.code).not.toBe(2);
    expect(run.stdout).toContain(shown);
  });
});

/**
 * An --as-of with a part out of range said only "is not an instant with an
 * offset, such as 2026-03-31T23:59:59Z", also when it had an offset
 * (2026-02-29T00:00:00Z): it now names the part, as a log row's time does
 * (SLA4002), the same for slac check, explain and report.
 */
describe('--as-of with a part out of range names the part', () => {
  const folder = freshFolder('as-of-parts');
  const commands: [string, string[]][] = [
    ['check', ['check', poologics, poologicsLog]],
    ['explain', ['explain', poologics, poologicsLog, 'PL-1018']],
    ['report', ['report', poologics, poologicsLog, '-o', join(folder, 'site')]],
  ];
  const values: [string, string][] = [
    ['2026-02-29T00:00:00Z', ': February 2026 has no day 29'],
    ['2026-05-01T24:00:00Z', ': there is no hour 24 (hours run from 00 to 23)'],
    ['2026-05-01T23:60:00Z', ': there is no minute 60'],
    ['2026-05-01T23:59:60Z', ': there is no second 60'],
    ['2026-05-01T10:00:00+24:00', ': +24:00 is no offset (at most +23:59)'],
    ['2026-05-01T10:00:00', ': add Z or an offset such as +01:00 (--assume-timezone is for log rows only)'],
    ['yesterday', ', such as 2026-03-31T23:59:59Z'],
  ];
  it.each(commands.flatMap(([command, args]) => values.map(([value, advice]) => [command, value, args, advice] as const)))('%s --as-of %s', (_command, value, args, advice) => {
    const run = runBuiltCli([...args, '--as-of', value], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--as-of: '${value}' is not an instant with an offset${advice} [SLA4018]\n`);
  });
});

/**
 * Without --as-of a check is made at the log's latest event: a log whose
 * latest row is 9999-12-31T23:00:00-12:00 (10000-01-01 in New York) printed
 * "As of 10000-01-01T06:00:00-05:00" with its next review on
 * "+010000-01-01", at every --jobs and format. It is refused as --as-of is,
 * exit 2, nothing on stdout (JSON and CSV are streamed), as a log error
 * (SLA4053) the way a log without events is (SLA4019). --jobs 2 runs on
 * worker threads (runBuiltCliOnThreads): on these small logs runBuiltCli
 * checked on one thread whatever --jobs said.
 */
describe('slac check without --as-of, a latest event outside the years 0000 to 9999 in the report zone', () => {
  const agreementLog = 'ticket,time,event,severity,channel,status,author,level\nPL-1,2026-01-05T08:23:00-05:00,created,Critical,Chat,,,\nPL-1,9999-12-31T23:00:00-12:00,reply,,,,system,\n';
  const portfolioLatest = `${portfolioLog}A-1,9999-12-31T23:30:00Z,reply,,,,system,,\n`;
  // The latest event is on line 3 of both logs.
  const pastLatest = (file: string, latest: string) =>
    `${file}:3: the report would run to 10000-01-01, past 9999, the last year a report can cover: without --as-of it is made at the latest event of the log, ${latest}; give an earlier --as-of [SLA4053]\nslac: no report: the input has 1 error.\n`;
  type Case = [string, string[], string, typeof runBuiltCli];
  const cases: Case[] = ['text', 'json', 'csv'].flatMap((format) =>
    (['1', '2'] as const).map((jobs): Case => [
      `${format}, --jobs ${jobs}`,
      [poologics, 'log.csv', '--format', format, '--jobs', jobs],
      pastLatest('log.csv', '10000-01-01T06:00:00-05:00'),
      jobs === '1' ? runBuiltCli : runBuiltCliOnThreads,
    ]),
  );
  it.each<Case>([
    ...cases,
    ['a portfolio, past 9999 in Madrid', [portfolio, 'portfolio.csv'], pastLatest('portfolio.csv', '10000-01-01T00:30:00+01:00'), runBuiltCli],
    ['a portfolio, JSON', [portfolio, 'portfolio.csv', '--format', 'json'], pastLatest('portfolio.csv', '10000-01-01T00:30:00+01:00'), runBuiltCli],
  ])('%s: refused, exit 2', (_name, args, message, runCli) => {
    const folder = freshFolder('check-latest-years');
    write(folder, 'log.csv', agreementLog);
    write(folder, 'portfolio.csv', portfolioLatest);
    const run = runCli(['check', ...args], folder);
    expect(run.stderr).toBe(message);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});

/**
 * SLA4053 named the log but no line (line 0): the user had to find the row
 * of the latest event. It names the line of that event, the first in the
 * file when several share its time, on one thread and on two, in NDJSON and
 * CSV, and past a row --skip-invalid leaves out at the same time.
 */
describe('SLA4053 names the line of the latest event', () => {
  const row = (ticket: string, time: string, event: string): Record<string, string> =>
    event === 'created' ? { ticket, time, event, severity: 'Critical', channel: 'Chat' } : { ticket, time, event, author: 'system' };
  const csv = (rows: Record<string, string>[]): string =>
    `ticket,time,event,severity,channel,author\n${rows.map((r) => [r['ticket'], r['time'], r['event'], r['severity'] ?? '', r['channel'] ?? '', r['author'] ?? ''].join(',')).join('\n')}\n`;
  const ndjson = (rows: Record<string, string>[]): string => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
  const PAST = '9999-12-31T23:00:00-12:00';
  const BEFORE = '0000-01-01T02:00:00Z';
  /** Rows of each log, and the index (from 0) of the row the error names. */
  const logs: { name: string; rows: Record<string, string>[]; at: number; says: string }[] = [
    {
      name: 'past 9999, mid-log',
      rows: [row('PL-1', '2026-01-05T08:23:00-05:00', 'created'), row('PL-2', '2026-01-06T08:23:00-05:00', 'created'), row('PL-1', PAST, 'reply'), row('PL-3', '2026-01-07T08:23:00-05:00', 'created'), row('PL-2', '2026-01-08T08:23:00-05:00', 'reply')],
      at: 2,
      says: 'the report would run to 10000-01-01, past 9999, the last year a report can cover: without --as-of it is made at the latest event of the log, 10000-01-01T06:00:00-05:00; give an earlier --as-of [SLA4053]',
    },
    {
      name: 'past 9999, two events at that time',
      rows: [row('PL-1', '2026-01-05T08:23:00-05:00', 'created'), row('PL-2', '2026-01-06T08:23:00-05:00', 'created'), row('PL-2', PAST, 'reply'), row('PL-3', '2026-01-07T08:23:00-05:00', 'created'), row('PL-1', PAST, 'reply')],
      at: 2,
      says: 'the report would run to 10000-01-01, past 9999, the last year a report can cover: without --as-of it is made at the latest event of the log, 10000-01-01T06:00:00-05:00; give an earlier --as-of [SLA4053]',
    },
    {
      name: 'before 0000',
      rows: [row('PL-1', '0000-01-01T01:00:00Z', 'created'), row('PL-1', BEFORE, 'reply'), row('PL-2', '0000-01-01T01:30:00Z', 'created')],
      at: 1,
      says: 'the report would run to -0001-12-31, before 0000, the first year a report can cover: without --as-of it is made at the latest event of the log, -0001-12-31T21:03:58-04:56:02; give a later --as-of [SLA4053]',
    },
  ];
  const runs: [string, (args: string[], folder: string) => CliRun][] = [
    ['--jobs 1', (args, folder) => runBuiltCli([...args, '--jobs', '1'], folder)],
    ['--jobs 2', (args, folder) => runBuiltCliOnThreads([...args, '--jobs', '2'], folder)],
  ];
  const cases = logs.flatMap((log) => ['csv', 'ndjson'].flatMap((format) => runs.map(([jobs, run]) => ({ ...log, format, jobs, run }))));
  it.each(cases)('$name, $format, $jobs', ({ rows, at, says, format, run }) => {
    const folder = freshFolder('check-latest-line');
    const file = `log.${format}`;
    write(folder, file, format === 'csv' ? csv(rows) : ndjson(rows));
    const line = at + (format === 'csv' ? 2 : 1);
    const result = run(['check', poologics, file], folder);
    expect(result.stderr).toBe(`${file}:${line}: ${says}\nslac: no report: the input has 1 error.\n`);
    expect(result.code).toBe(2);
  });

  it.each(runs)('after a row --skip-invalid leaves out, %s', (_jobs, run) => {
    const folder = freshFolder('check-latest-line');
    write(folder, 'log.csv', csv([row('PL-1', '2026-01-05T08:23:00-05:00', 'created'), row('PL-1', PAST, 'bogus'), row('PL-1', PAST, 'reply')]));
    const result = run(['check', poologics, 'log.csv', '--skip-invalid'], folder);
    expect(result.stderr).toContain(`log.csv:4: ${logs[0]!.says}\n`);
    expect(result.code).toBe(2);
  });
});

/**
 * `slac report` and `slac explain` on a log whose latest event is outside
 * the years 0000 to 9999 in the report zone said only "slac: the report
 * would run to 10000-01-01, ...: give an earlier --as-of.", naming neither
 * the log nor the row, and asked for an earlier --as-of though none was
 * given. They refuse it as `slac check` does: SLA4053 on the line of that
 * event, exit 2, nothing written (a portfolio already did).
 */
describe('slac report and explain without --as-of, a latest event outside the years 0000 to 9999 in the report zone', () => {
  const agreementLog = 'ticket,time,event,severity,channel,status,author,level\nPL-1,2026-01-05T08:23:00-05:00,created,Critical,Chat,,,\nPL-1,9999-12-31T23:00:00-12:00,reply,,,,system,\n';
  const beforeLog = 'ticket,time,event,severity,channel,status,author,level\nPL-1,0000-01-01T01:00:00Z,created,Critical,Chat,,,\nPL-1,0000-01-01T02:00:00Z,reply,,,,system,\n';
  const portfolioLatest = `${portfolioLog}A-1,9999-12-31T23:30:00Z,reply,,,,system,,\n`;
  // explain makes a timeline, not a report: it said "the report would run to", the text of check and report.
  const past = (made: string, latest: string) => `the ${made} would run to 10000-01-01, past 9999, the last year a ${made} can cover: without --as-of it is made at the latest event of the log, ${latest}; give an earlier --as-of [SLA4053]`;
  const before = (made: string) => `the ${made} would run to -0001-12-31, before 0000, the first year a ${made} can cover: without --as-of it is made at the latest event of the log, -0001-12-31T21:03:58-04:56:02; give a later --as-of [SLA4053]`;
  const newYork = (made: string) => past(made, '10000-01-01T06:00:00-05:00');
  const madrid = (made: string) => past(made, '10000-01-01T00:30:00+01:00');
  // [name, arguments, log, what is not made, the error (on line 3 of each log)]
  const cases: [string, string[], string, string, string][] = [
    ['report, a site', ['report', poologics, 'log.csv', '-o', 'out'], 'log.csv', 'report', newYork('report')],
    ['report, a review pack', ['report', poologics, 'log.csv', '--format', 'pdf', '-o', 'out.pdf'], 'log.csv', 'report', newYork('report')],
    ['report, before 0000', ['report', poologics, 'before.csv', '-o', 'out'], 'before.csv', 'report', before('report')],
    ['explain, text', ['explain', poologics, 'log.csv', 'PL-1'], 'log.csv', 'timeline', newYork('timeline')],
    ['explain, JSON', ['explain', poologics, 'log.csv', 'PL-1', '--format', 'json'], 'log.csv', 'timeline', newYork('timeline')],
    ['explain, before 0000', ['explain', poologics, 'before.csv', 'PL-1'], 'before.csv', 'timeline', before('timeline')],
    ['report, a portfolio', ['report', portfolio, 'portfolio.csv', '-o', 'out'], 'portfolio.csv', 'report', madrid('report')],
    ['explain, a portfolio', ['explain', portfolio, 'portfolio.csv', 'A-1'], 'portfolio.csv', 'timeline', madrid('timeline')],
  ];
  it.each(cases)('%s: SLA4053 on the line of the latest event, exit 2', (_name, args, file, made, says) => {
    const folder = freshFolder('report-latest-years');
    write(folder, 'log.csv', agreementLog);
    write(folder, 'before.csv', beforeLog);
    write(folder, 'portfolio.csv', portfolioLatest);
    const run = runBuiltCli(args, folder);
    expect(run.stderr).toBe(`${file}:3: ${says}\nslac: no ${made}: the input has 1 error.\n`);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(existsSync(join(folder, 'out'))).toBe(false);
    expect(existsSync(join(folder, 'out.pdf'))).toBe(false);
  });
});

/**
 * `--skip-invalid`, a row left out, then SLA4053: stderr said "1 invalid
 * log row skipped (no valid row left to report on)" though valid rows were
 * left, the error being the latest event's year. The rows are still listed
 * (nothing dropped without a word), with a note that is true: the error
 * below stops the report; "no valid row left" is said only when none is
 * (SLA4019), at --jobs 1 and 2, for check, report and explain and a portfolio.
 */
describe('--skip-invalid, a row left out, then SLA4053: the note on the skipped rows', () => {
  const log = 'ticket,time,event,severity,channel,author\nPL-1,2026-01-05T08:23:00-05:00,created,Critical,Chat,\nPL-1,9999-12-31T23:00:00-12:00,bogus,,,system\nPL-1,9999-12-31T23:00:00-12:00,reply,,,system\n';
  const portfolioLatest = `${portfolioLog}A-1,9999-12-31T23:00:00Z,bogus,,,,system,,\nA-1,9999-12-31T23:30:00Z,reply,,,,system,,\n`;
  const bogus = "key 'event': 'bogus' is not an event; expected one of created, reply, status, severity, estimate, escalated, resolved, reopened or closed [SLA4003]";
  const past = (made: string, latest: string) => `the ${made} would run to 10000-01-01, past 9999, the last year a ${made} can cover: without --as-of it is made at the latest event of the log, ${latest}; give an earlier --as-of [SLA4053]`;
  const stderr = (file: string, made: string, latest: string) =>
    `slac: 1 invalid log row skipped (the error below stops the ${made}):\n${file}:3: ${bogus}\n${file}:4: ${past(made, latest)}\nslac: no ${made}: the input has 1 error.\n`;
  const newYork = '10000-01-01T06:00:00-05:00';
  const cases: [string, () => CliRun, string][] = [];
  const folder = freshFolder('skip-then-latest-years');
  write(folder, 'log.csv', log);
  write(folder, 'portfolio.csv', portfolioLatest);
  const skip = '--skip-invalid';
  cases.push(
    ['check, --jobs 1', () => runBuiltCli(['check', poologics, 'log.csv', skip, '--jobs', '1'], folder), stderr('log.csv', 'report', newYork)],
    ['check, --jobs 2', () => runBuiltCliOnThreads(['check', poologics, 'log.csv', skip, '--jobs', '2'], folder), stderr('log.csv', 'report', newYork)],
    ['check, a portfolio', () => runBuiltCli(['check', portfolio, 'portfolio.csv', skip], folder), stderr('portfolio.csv', 'report', '10000-01-01T00:30:00+01:00')],
    ['report', () => runBuiltCli(['report', poologics, 'log.csv', skip, '-o', 'out'], folder), stderr('log.csv', 'report', newYork)],
    ['explain', () => runBuiltCli(['explain', poologics, 'log.csv', 'PL-1', skip], folder), stderr('log.csv', 'timeline', newYork)],
  );
  it.each(cases)('%s', (_name, run, expected) => {
    const result = run();
    expect(result.stderr).toBe(expected);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });
});

/**
 * The same through a helpdesk's export (`--log-format zendesk-tables`, its
 * times in UTC): a ticket updated at 9999-12-31 23:00 is 10000-01-01 in an
 * agreement on Kiritimati time (+14:00). report and explain said "give an
 * earlier --as-of" with no file or row; all three name the exported row.
 */
describe('a helpdesk export whose latest event is past 9999 in the report zone', () => {
  const fixtures = join(repoRoot, 'test', 'cli', 'fixtures', 'log-format');
  const folder = freshFolder('export-latest-years');
  write(folder, 'kiritimati.sla', readFileSync(join(fixtures, 'loose.sla'), 'utf8').replace('timezone "UTC"', 'timezone "Pacific/Kiritimati"'));
  mkdirSync(join(folder, 'export'));
  write(folder, 'export/organization.csv', readFileSync(join(fixtures, 'export', 'organization.csv'), 'utf8'));
  write(folder, 'export/ticket.csv', readFileSync(join(fixtures, 'export', 'ticket.csv'), 'utf8').replace('3,2024-03-04 11:00:00,2024-03-04 12:00:00', '3,2024-03-04 11:00:00,9999-12-31 23:00:00'));
  const says = (made: string) =>
    `export/ticket.csv:4: the ${made} would run to 10000-01-01, past 9999, the last year a ${made} can cover: without --as-of it is made at the latest event of the log, 10000-01-01T13:00:00+14:00; give an earlier --as-of [SLA4053]\n`;
  it.each([
    ['check', ['check', 'kiritimati.sla', 'export'], 'report'],
    ['report', ['report', 'kiritimati.sla', 'export', '-o', 'out'], 'report'],
    ['explain', ['explain', 'kiritimati.sla', 'export', '3'], 'timeline'],
  ])('%s: SLA4053 on the exported row, exit 2', (_name, args, made) => {
    const run = runBuiltCli([...args, '--log-format', 'zendesk-tables'], folder);
    expect(run.stderr.endsWith(`${says(made)}slac: no ${made}: the input has 1 error.\n`), run.stderr).toBe(true);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(existsSync(join(folder, 'out'))).toBe(false);
  });
});
