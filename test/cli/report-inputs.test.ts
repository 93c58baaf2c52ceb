import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * Bad inputs to `slac report` and `slac explain` found by an adversarial
 * pass: each is one line naming what is wrong, exit
 * status 2, no stack trace; nothing of the user's is replaced; no skipped
 * row goes unsaid.
 */

const agreement = join(repoRoot, 'examples', 'poologics.sla');
const log = join(repoRoot, 'examples', 'logs', 'poologics.tickets.csv');

/** A log of the Poologics agreement with three invalid rows, one of which is all of ticket PL-X1. */
const logWithInvalidRows = [
  'ticket,time,event,severity,channel,status,author,level',
  'PL-1018,2026-01-05T08:23:00-05:00,created,Critical,Chat,,,',
  'PL-1018,2026-01-05T08:29:09-05:00,reply,,,,agent,',
  'PL-1018,2026-01-05T08:39:09-05:00,resolved,,,,,',
  'PL-X1,2026-13-01T10:00:00Z,created,Critical,Chat,,,',
  'PL-X2,2026-01-06T10:00:00Z,created,Critical,Chat,,,',
  'PL-X2,2026-01-06T11:00:00Z,reply,,,,robot,',
  'PL-X3,2026-01-06T10:00:00Z,created,Critcal,Chat,,,',
].join('\n');

const skippedRows = [
  "t.csv:5: key 'time': '2026-13-01T10:00:00Z' is not an ISO 8601 instant with an offset: there is no month 13 [SLA4002]",
  "t.csv:7: key 'author': 'robot' is not a reply author; expected agent, customer or system [SLA4006]",
  "t.csv:8: key 'severity': 'Critcal' is not a severity of the agreement; expected one of Critical or Standard [SLA4004]",
];

/** One line on stderr, exit status 2, no stack trace. */
function expectOneLineRefusal(run: { code: number | null; stderr: string }, message: string | RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/internal error|    at /);
}

describe('slac report: spans it cannot report', () => {
  it.each([
    ['--period 2025-W53', ['--period', '2025-W53'], /^slac: --period 2025-W53 is not a period: 2025 has 52 ISO weeks, the last 2025-W52\.\n$/],
    ['--period 2027-W53', ['--period', '2027-W53'], /2027 has 52 ISO weeks/],
    ['--period 9999-Q4', ['--period', '9999-Q4'], /--period 9999-Q4 runs to the end of 9999, past the last day a report can cover \(9999-12-30\)/],
    // ISO week 9999-W52 is Monday 9999-12-27 to Sunday 10000-01-02 (9999-12-31 is a Friday): the refusal said it ran to the end of 9999.
    ['--period 9999-W52', ['--period', '9999-W52'], /^slac: --period 9999-W52 runs to 10000-01-02, past the last day a report can cover \(9999-12-30\)\.\n$/],
    // 9999 starts on a Friday and is no leap year: 52 ISO weeks.
    ['--period 9999-W53', ['--period', '9999-W53'], /^slac: --period 9999-W53 is not a period: 9999 has 52 ISO weeks, the last 9999-W52\.\n$/],
    ['--period 9999', ['--period', '9999'], /^slac: --period 9999 runs to the end of 9999, past the last day a report can cover \(9999-12-30\)\.\n$/],
    ['--period 9999-12', ['--period', '9999-12'], /^slac: --period 9999-12 runs to the end of 9999, past the last day a report can cover \(9999-12-30\)\.\n$/],
    ['--to 9999-12-31', ['--to', '9999-12-31'], /--to 9999-12-31 is the last day of 9999/],
    // The docs end --from and --to at 9999-12-30; --from 9999-12-31 wrote an empty site.
    ['--from 9999-12-31', ['--from', '9999-12-31'], /^slac: --from 9999-12-31 is the last day of 9999, past the last day a report can cover \(9999-12-30\)\.\n$/],
    ['--from 1926-01-01', ['--from', '1926-01-01'], /the report would list 1204 months, from 1926-01 to 2026-04; a report lists at most 1200 months/],
    ['--as-of 9999-12-31', ['--as-of', '9999-12-31T23:59:59Z'], /the report would list \d+ months, from 2026-01 to 9999-12/],
    // 10000-01-01 in UTC: its five-digit year made the month count NaN, and the site listed 2026-01 to 2026-04 as of 10000-01-01.
    ['--as-of 9999-12-31 at -12:00', ['--as-of', '9999-12-31T23:59:59-12:00'], /the report would run to 10000-01-01, past 9999, the last year a report can cover: give an earlier --as-of\./],
    ['--from 9999-12-01 --as-of 9999-12-31 at -12:00', ['--from', '9999-12-01', '--as-of', '9999-12-31T23:59:59-12:00'], /the report would run to 10000-01-01, past 9999/],
    // Year 0 at midnight UTC is -0001-12-31 in New York: the refusal said "past 9999" and asked for an earlier --as-of.
    ['--as-of 0000-01-01 at Z', ['--as-of', '0000-01-01T00:00:00Z'], /^slac: the report would run to -0001-12-31, before 0000, the first year a report can cover: give a later --as-of\.\n$/],
  ])('%s: one line, exit 2, no site', (_name, args, message) => {
    const folder = freshFolder('report-span');
    expectOneLineRefusal(runBuiltCli(['report', agreement, log, ...args, '-o', 'site'], folder), message);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('--period 2026-W53 (a year with 53 weeks) is reported', () => {
    const folder = freshFolder('report-span');
    const run = runBuiltCli(['report', agreement, log, '--period', '2026-W53', '-o', 'site'], folder);
    expect(run.code).toBe(0);
  });

  it('--from 1927-01-01 lists every month up to the tickets of 2026, none dropped', () => {
    const folder = freshFolder('report-span');
    const run = runBuiltCli(['report', agreement, log, '--from', '1927-01-01', '-o', 'site'], folder);
    expect(run.code).toBe(0);
    const months = readdirSync(join(folder, 'site', 'periods')).sort();
    expect(months[0]).toBe('1927-01.html');
    expect(months).toContain('2026-04.html');
  });
});

describe('slac report: nothing of the user is replaced', () => {
  it.each([
    ['report', ['report', agreement, log, '-o', '']],
    ['report --format pdf', ['report', agreement, log, '--format', 'pdf', '-o', '']],
  ])('%s -o "" is refused as slac check refuses it', (_name, args) => {
    const folder = freshFolder('report-empty-o');
    writeFileSync(join(folder, 'index.html'), '<p>my page</p>');
    expectOneLineRefusal(runBuiltCli(args, folder), /^slac: -o needs a file name\.\n$/);
    expect(readdirSync(folder)).toEqual(['index.html']);
    expect(readFileSync(join(folder, 'index.html'), 'utf8')).toBe('<p>my page</p>');
  });

  it.each([
    ['a file where the site writes a folder', 'tickets', 'file', /^slac: cannot write the site into d: d\/tickets is a file, where the report writes a folder; move it away or give -o another folder; d is left as it was\.\n$/],
    ['a folder where the site writes a file', 'index.html', 'folder', /^slac: cannot write the site into d: d\/index\.html is a folder, where the report writes a file; .*d is left as it was\.\n$/],
  ])('%s: refused before any page is moved, and DIR is as it was', (_name, entry, kind, message) => {
    const folder = freshFolder('report-conflict');
    const dir = join(folder, 'd');
    mkdirSync(dir);
    if (kind === 'file') writeFileSync(join(dir, entry), 'my notes');
    else mkdirSync(join(dir, entry));
    if (entry !== 'index.html') writeFileSync(join(dir, 'index.html'), '<p>my old page</p>');
    const before = readdirSync(dir).sort();
    expectOneLineRefusal(runBuiltCli(['report', agreement, log, '-o', 'd'], folder), message);
    expect(readdirSync(dir).sort()).toEqual(before);
    if (entry !== 'index.html') expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<p>my old page</p>');
  });

  it.each([
    ['the log named style.css in DIR', 'd/style.css', ['--log-format', 'csv', '-o', 'd'], /d\/style\.css is the ticket log, which the site would overwrite/],
    ['the log named index.html in DIR', 'd/index.html', ['--log-format', 'csv', '-o', 'd'], /d\/index\.html is the ticket log, which the site would overwrite/],
    ['the log as the review pack', 'log.pdf', ['--log-format', 'csv', '--format', 'pdf', '-o', 'log.pdf'], /cannot write log\.pdf: it is the ticket log, which would be overwritten/],
  ])('%s is refused and kept', (_name, logName, args, message) => {
    const folder = freshFolder('report-input');
    mkdirSync(join(folder, 'd'));
    copyFileSync(log, join(folder, logName));
    expectOneLineRefusal(runBuiltCli(['report', agreement, logName, ...args], folder), message);
    expect(readFileSync(join(folder, logName), 'utf8')).toBe(readFileSync(log, 'utf8'));
  });

  // The same file by another name: every page is compared with every input by device and inode.
  it.each([
    ['a hard link', linkSync],
    ['a symbolic link', (target: string, path: string) => symlinkSync(target, path)],
  ])('a page that is %s to the log is refused and the log kept', (_name, link) => {
    const folder = freshFolder('report-input-link');
    mkdirSync(join(folder, 'd', 'tickets'), { recursive: true });
    copyFileSync(log, join(folder, 'mine.csv'));
    link(join(folder, 'mine.csv'), join(folder, 'd', 'style.css'));
    expectOneLineRefusal(runBuiltCli(['report', agreement, 'mine.csv', '--log-format', 'csv', '-o', 'd'], folder), /d\/style\.css is the ticket log, which the site would overwrite/);
    expect(readFileSync(join(folder, 'mine.csv'), 'utf8')).toBe(readFileSync(log, 'utf8'));
  });
});

describe('--skip-invalid: the rows left out are named on stderr, as slac check names them', () => {
  it('slac report prints the count and every row', () => {
    const folder = freshFolder('report-skip');
    writeFileSync(join(folder, 't.csv'), logWithInvalidRows);
    const run = runBuiltCli(['report', agreement, 't.csv', '--skip-invalid', '-o', 'site'], folder);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`slac: 3 invalid log rows skipped (counted in the report):\n${skippedRows.join('\n')}\n`);
  });

  it.each([
    ['a ticket whose rows were skipped', 'PL-X1', /no ticket 'PL-X1' among its 2 tickets\. Its row \(line 5\) was skipped as invalid \(listed above\)\.\n$/],
    ['an unknown ticket', 'PL-X9', /no ticket 'PL-X9' among its 2 tickets\. Did you mean 'PL-X2'\? 3 invalid rows were skipped \(listed above\); its rows may be among them\.\n$/],
  ])('slac explain prints them, and says so for %s', (_name, ticket, message) => {
    const folder = freshFolder('explain-skip');
    writeFileSync(join(folder, 't.csv'), logWithInvalidRows);
    const run = runBuiltCli(['explain', agreement, 't.csv', ticket, '--skip-invalid'], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`slac: 3 invalid log rows skipped (not in the timeline):\n${skippedRows.join('\n')}\n`);
    expect(run.stderr).toMatch(message);
  });

  it('slac explain of a ticket that is there prints them too', () => {
    const folder = freshFolder('explain-skip');
    writeFileSync(join(folder, 't.csv'), logWithInvalidRows);
    const run = runBuiltCli(['explain', agreement, 't.csv', 'PL-1018', '--skip-invalid'], folder);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`slac: 3 invalid log rows skipped (not in the timeline):\n${skippedRows.join('\n')}\n`);
  });
});

/**
 * An as-of instant past 9999 in the report's zone (New York here): slac
 * report refused it, slac explain printed a timeline "As of: 10000-01-01".
 * The as-of instant is the latest event when none is given, so a log row
 * there is refused too: as `slac check` refuses it (SLA4053 on the row's
 * line), as the refusal of an --as-of named neither the log nor the row.
 */
describe('slac explain: an as-of instant past 9999 in the report zone', () => {
  const refusal = /^slac: the timeline would run to 10000-01-01, past 9999, the last year a timeline can cover: give an earlier --as-of\.\n$/;
  it.each([
    ['--as-of at -12:00', ['--as-of', '9999-12-31T23:59:59-12:00']],
    ['--as-of at -12:00, JSON', ['--as-of', '9999-12-31T23:59:59-12:00', '--format', 'json']],
  ])('%s: one line, exit 2', (_name, args) => {
    const folder = freshFolder('explain-as-of');
    copyFileSync(log, join(folder, 't.csv'));
    const run = runBuiltCli(['explain', agreement, 't.csv', 'PL-1018', ...args], folder);
    expectOneLineRefusal(run, refusal);
    expect(run.stdout).toBe('');
  });

  it('the latest event of the log, as the default as-of', () => {
    const folder = freshFolder('explain-as-of');
    writeFileSync(join(folder, 't.csv'), `${logWithInvalidRows.split('\n').slice(0, 3).join('\n')}\nPL-1018,9999-12-31T23:00:00-12:00,reopened,,,,,\n`);
    const run = runBuiltCli(['explain', agreement, 't.csv', 'PL-1018'], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      't.csv:4: the timeline would run to 10000-01-01, past 9999, the last year a timeline can cover: without --as-of it is made at the latest event of the log, 10000-01-01T06:00:00-05:00; give an earlier --as-of [SLA4053]\nslac: no timeline: the input has 1 error.\n',
    );
    expect(run.stdout).toBe('');
  });

  it('9999-12-31T23:59:59Z, still 9999 in New York, is explained', () => {
    const folder = freshFolder('explain-as-of');
    copyFileSync(log, join(folder, 't.csv'));
    const run = runBuiltCli(['explain', agreement, 't.csv', 'PL-1018', '--as-of', '9999-12-31T23:59:59Z'], folder);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('As of: 9999-12-31T18:59:59-05:00');
  });
});

describe('slac explain: the ticket id', () => {
  it.each([
    ['empty', ['t.csv', ''], /^slac: the ticket id \(the last argument\) is empty; give the id of a ticket in the log\.\n$/],
    ['only spaces', ['t.csv', '  '], /the ticket id \(the last argument\) is empty/],
    ['before the log', ['PL-1018', 't.csv'], /^slac: 'PL-1018' is no file, and 't\.csv' is one: the ticket id goes last, after the logs/],
  ])('%s: one line, exit 2', (_name, args, message) => {
    const folder = freshFolder('explain-id');
    copyFileSync(log, join(folder, 't.csv'));
    expectOneLineRefusal(runBuiltCli(['explain', agreement, ...args], folder), message);
  });

  it('with spaces around it is the ticket of that id, as the log reader trims ids', () => {
    const folder = freshFolder('explain-id');
    copyFileSync(log, join(folder, 't.csv'));
    const spaced = runBuiltCli(['explain', agreement, 't.csv', ' PL-1018 '], folder);
    expect(spaced.code).toBe(0);
    expect(spaced.stdout).toBe(runBuiltCli(['explain', agreement, 't.csv', 'PL-1018'], folder).stdout);
  });
});
