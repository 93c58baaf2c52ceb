import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtBin, repoRoot, type CliRun } from './built-cli.js';

/**
 * Arguments the wrong way round, through the built CLI: a log where the
 * agreement goes (read as `.sla`, it gave thousands of syntax errors), an
 * agreement where the log goes. The outage log given as the ticket log, or
 * the other way round: a CSV header of the other kind is one error that says
 * where the file goes (not a warning per column and an error per missing
 * one), and an NDJSON log says it on its first row's first key of the
 * other kind. Header errors are not offered --skip-invalid, which cannot
 * leave them out.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-swapped-'));
const agreement = join(repoRoot, 'examples', 'poologics.sla');
const OUTAGES_CSV = 'start,end,kind,description\n2026-01-03T08:59:00-05:00,2026-01-03T09:14:00-05:00,outage,Network\n';
const TICKETS_CSV = 'ticket,time,event,severity\nT-1,2026-01-05T08:00:00-05:00,created,Standard\n';
writeFileSync(join(folder, 'outages.csv'), OUTAGES_CSV);
writeFileSync(join(folder, 'tickets.csv'), TICKETS_CSV);
writeFileSync(join(folder, 'outages.ndjson'), '{"start":"2026-01-03T08:59:00-05:00","end":"2026-01-03T09:14:00-05:00","kind":"outage"}\n');
writeFileSync(join(folder, 'tickets.ndjson'), '{"ticket":"T-1","time":"2026-01-05T08:00:00-05:00","event":"created","severity":"Standard"}\n');
writeFileSync(join(folder, 'bad-time.csv'), 'ticket,time,event\nT-1,yesterday,created\n');
mkdirSync(join(folder, 'folder.csv'));
writeFileSync(join(folder, 'typo.csv'), 'tickt,time,event\nT-1,2026-01-05T08:00:00-05:00,created\n');

function slac(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [builtBin, ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const OUTAGE_HEADER = 'outages.csv:1: the header row names start, end and kind, the columns of an outage log: give it with --outages FILE, not as the ticket log [SLA4048]';
const TICKET_HEADER = 'tickets.csv:1: the header row names ticket, time and event, the columns of a ticket log: give it after the agreement, not with --outages [SLA4048]';

describe('a log given in the place of the other kind', () => {
  it.each([
    ['the outage CSV as the ticket log', ['check', agreement, 'outages.csv'], [OUTAGE_HEADER, 'slac: no report: the input has 1 error.']],
    ['the same, with --skip-invalid: nothing it could leave out', ['check', agreement, 'outages.csv', '--skip-invalid'], [OUTAGE_HEADER, 'slac: no report: the input has 1 error.']],
    ['the ticket CSV as the outage log', ['check', agreement, 'tickets.csv', '--outages', 'tickets.csv'], [TICKET_HEADER, 'slac: no report: the input has 1 error.']],
    ['the outage CSV to explain', ['explain', agreement, 'outages.csv', 'T-1'], [OUTAGE_HEADER, 'slac: no timeline: the input has 1 error.']],
  ])('%s: one error that says where it goes', (_, args, stderr) => {
    const run = slac(args);
    expect(run.stderr.trimEnd().split('\n')).toEqual(stderr);
    expect(run.code).toBe(2);
  });

  it('an NDJSON outage log as the ticket log: its first outage key says where it goes, the others do not repeat it', () => {
    const run = slac(['check', agreement, 'outages.ndjson']);
    const warnings = run.stderr.split('\n').filter((line) => line.includes('[SLA4011]'));
    expect(warnings.map((line) => /key '(\w+)'/.exec(line)![1])).toEqual(['start', 'end', 'kind']);
    expect(warnings[0]).toContain("; 'start' is a key of an outage log: if this file is one, give it with --outages FILE, not as the ticket log [SLA4011]");
    expect(warnings.slice(1).every((line) => !line.includes('is a key of'))).toBe(true);
    expect(run.code).toBe(2);
  });

  it('an NDJSON ticket log as the outage log says so on its ticket key', () => {
    const run = slac(['check', agreement, 'tickets.csv', '--outages', 'tickets.ndjson']);
    expect(run.stderr).toContain("tickets.ndjson:1: warning: key 'ticket': not a log key; ignored in this row and every other row (start, end, kind, description, announced or client are read); 'ticket' is a key of a ticket log: if this file is one, give it after the agreement, not with --outages [SLA4011]");
    expect(run.code).toBe(2);
  });

  it('the hint is the same with --jobs 2, whose threads warn about keys each on their own', () => {
    const one = slac(['check', agreement, 'outages.ndjson', '--jobs', '1']);
    const two = slac(['check', agreement, 'outages.ndjson', '--jobs', '2'], { SLAC_CHECK_PARALLEL_MIN_BYTES: '0', SLAC_CHECK_CORES: '2' });
    expect(two).toEqual(one);
    expect(one.stderr).toContain("is a key of an outage log");
  });

  it('a header missing a column of its own kind is not offered --skip-invalid either', () => {
    const run = slac(['check', agreement, 'typo.csv']);
    expect(run.stderr).toContain("typo.csv:1: warning: key 'tickt': not a log key; ignored in this row and every other row (ticket, time, event, severity, channel, status, author, level or client are read); did you mean 'ticket'? [SLA4011]");
    expect(run.stderr).toContain("typo.csv:1: key 'ticket': the header row has no 'ticket' column; it names tickt, time or event [SLA4013]");
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('slac: no report: the input has 1 error.');
  });

  it('a row error still gets the advice to pass --skip-invalid', () => {
    const run = slac(['check', agreement, 'bad-time.csv']);
    expect(run.stderr).toContain('slac: no report: the input has 1 error (pass --skip-invalid to leave invalid rows out).');
  });
});

describe('a log where the agreement goes, or an agreement where the log goes', () => {
  it.each([
    ['check', ['check', 'tickets.csv', agreement], 'slac: tickets.csv is a log, not an agreement: give the agreement first, then the log.'],
    ['report', ['report', 'tickets.ndjson', agreement], 'slac: tickets.ndjson is a log, not an agreement: give the agreement first, then the log.'],
    ['explain', ['explain', 'tickets.csv', agreement, 'T-1'], 'slac: tickets.csv is a log, not an agreement: give the agreement first, then the log.'],
    ['check, two agreements', ['check', agreement, agreement], `slac: ${agreement} is an agreement, not a log: give one agreement, then its log.`],
    ['compile', ['compile', 'tickets.csv'], "slac: tickets.csv is a log, not an agreement: slac compile reads an agreement's .sla file."],
    ['validate', ['validate', agreement, 'tickets.csv'], "slac: tickets.csv is a log, not an agreement: slac validate reads an agreement's .sla files."],
    ['fmt', ['fmt', 'tickets.csv'], 'slac: tickets.csv is a log, not an agreement: slac fmt formats .sla files; left as it is.'],
  ])('%s: one line that says so, and exit 2', (_, args, message) => {
    const run = slac(args);
    expect(run.stderr).toBe(`${message}\n`);
    expect(run.code).toBe(2);
    expect(readFileSync(join(folder, 'tickets.csv'), 'utf8')).toBe(TICKETS_CSV);
  });

  it('a folder named as a log is still a folder: the usual message', () => {
    const run = slac(['check', 'folder.csv', 'tickets.csv']);
    expect(run.stderr).toContain("Cannot read the file 'folder.csv': it is a folder, not a file.");
    expect(run.code).toBe(2);
  });
});
