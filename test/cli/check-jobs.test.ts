import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/seeded-random.mjs';
import { builtBin, repoRoot, type CliRun } from './built-cli.js';

/**
 * `slac check --jobs N` through the built CLI: every report (text, JSON,
 * CSV; agreements and portfolios; errors and warnings) is byte-identical to
 * `--jobs 1`. The logs here are small, so the internal switch
 * SLAC_CHECK_PARALLEL_MIN_BYTES=0 makes the CLI start its workers anyway.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-jobs-'));
const examples = join(repoRoot, 'examples');

function slac(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [builtBin, ...args], {
    cwd: folder,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, SLAC_CHECK_PARALLEL_MIN_BYTES: '0', SLAC_CHECK_CORES: '8', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same check at --jobs 1 and at each of `jobs` (with the log scanned in blocks of each of `blockSizes`): every output identical. */
function expectSameAtEveryJobs(args: readonly string[], jobs: readonly number[] = [2, 3, 4], blockSizes: readonly (number | undefined)[] = [undefined]): CliRun {
  const one = slac([...args, '--jobs', '1']);
  for (const count of jobs) {
    for (const blockBytes of blockSizes) {
      const many = slac([...args, '--jobs', String(count)], blockBytes === undefined ? {} : { SLAC_CHECK_BLOCK_BYTES: String(blockBytes) });
      expect({ jobs: count, blockBytes, ...many }).toEqual({ jobs: count, blockBytes, ...one });
    }
  }
  return one;
}

/**
 * The same check at --jobs 1 and at each of `jobs`, on a CSV log whose
 * record runs over several lines from line `line`: checked on one thread
 * after all, which --jobs N says once, before what --jobs 1 says.
 */
function expectOneThreadAfterAll(args: readonly string[], file: string, line: number, jobs: readonly number[], blockSizes: readonly (number | undefined)[]): CliRun {
  const one = slac([...args, '--jobs', '1']);
  for (const count of jobs) {
    for (const blockBytes of blockSizes) {
      const many = slac([...args, '--jobs', String(count)], blockBytes === undefined ? {} : { SLAC_CHECK_BLOCK_BYTES: String(blockBytes) });
      const notice = `slac: --jobs ${count}: ${file}:${line}: a quoted field runs on past this line, so the log is checked on one thread (where its records start is known only by reading it from the top).\n`;
      expect({ jobs: count, blockBytes, ...many }).toEqual({ jobs: count, blockBytes, ...one, stderr: notice + one.stderr });
    }
  }
  return one;
}

/** A line of `SLAC_CHECK_TRACE=1` (phase-trace.ts), with its phase. */
const PHASE = /^slac: trace: \d+ ms, rss \d+ MB, peak \d+ MB, heap \d+ MB \((?:[a-z_]+ \d+(?:, )?)+\), buffers \d+ MB: (.+)$/;

/** The phases a run traced, in order. */
function phasesOf(stderr: string): string[] {
  return stderr.split('\n').flatMap((line) => PHASE.exec(line)?.[1] ?? []);
}

/** The workers' reports among them (`worker N reported`, and what it loaded). */
function reportsOf(stderr: string): string[] {
  return phasesOf(stderr).filter((phase) => phase.includes(' reported'));
}

/** The run as it is without the trace. */
function withoutPhases(run: CliRun): CliRun {
  return { ...run, stderr: run.stderr.split('\n').filter((line) => !PHASE.test(line)).join('\n') };
}

const EXAMPLES = [
  { name: 'hosting', sla: join(examples, 'hosting.sla'), log: join(examples, 'logs', 'hosting.tickets.ndjson'), outages: join(examples, 'logs', 'hosting.outages.csv') },
  { name: 'finance', sla: join(examples, 'multilevel', 'finance.sla'), log: join(examples, 'logs', 'finance.tickets.ndjson'), outages: join(examples, 'logs', 'finance.outages.csv') },
  { name: 'poologics', sla: join(examples, 'poologics.sla'), log: join(examples, 'logs', 'poologics.tickets.csv'), outages: join(examples, 'logs', 'poologics.outages.csv') },
  { name: 'letsflo', sla: join(examples, 'letsflo.sla'), log: join(examples, 'logs', 'letsflo.tickets.csv'), outages: join(examples, 'logs', 'letsflo.outages.csv') },
];

/** Worker counts per report format: hosting gets 2, 3 and 4 in every format; the others share them out, as runs are slow. */
const JOBS: Record<string, Record<string, number[]>> = {
  hosting: { text: [2, 3, 4], json: [2, 3, 4], csv: [2, 3, 4] },
  finance: { text: [3], json: [2, 4], csv: [3] },
  poologics: { text: [2], json: [3, 4], csv: [2] },
  letsflo: { text: [4], json: [2, 3], csv: [4] },
};

describe('slac check --jobs N gives the report of --jobs 1', () => {
  for (const example of EXAMPLES) {
    it(`${example.name}, text, JSON and CSV`, () => {
      const args = ['check', example.sla, example.log, '--outages', example.outages];
      // The log (NDJSON or CSV) is checked on workers, not on one thread after all: a worker told to fail does.
      expect(slac([...args, '--jobs', '2'], { SLAC_CHECK_WORKER_FAULT: 'throw' }).code).toBe(70);
      for (const format of ['text', 'json', 'csv']) {
        const run = expectSameAtEveryJobs([...args, '--format', format], JOBS[example.name]![format]);
        expect(run.code).toBe(1); // each example misses an objective
        expect(run.stdout.length).toBeGreaterThan(1000);
      }
    }, 300_000);
  }

  it('a larger log: the hosting log twelve times over, shuffled, with ties in creation time', () => {
    const rows = readFileSync(join(examples, 'logs', 'hosting.tickets.ndjson'), 'utf8').trim().split('\n');
    const copies = Array.from({ length: 12 }, (_, copy) => rows.map((row) => row.replace(/"ticket":"([^"]+)"/, `"ticket":"$1-${copy}"`))).flat();
    const random = mulberry32(1313);
    for (let index = copies.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [copies[index], copies[other]] = [copies[other]!, copies[index]!];
    }
    writeFileSync(join(folder, 'larger.ndjson'), `${copies.join('\n')}\n`);
    for (const format of ['text', 'json', 'csv']) {
      const run = expectSameAtEveryJobs(['check', join(examples, 'hosting.sla'), 'larger.ndjson', '--outages', join(examples, 'logs', 'hosting.outages.csv'), '--format', format], [2, 4]);
      if (format === 'text') expect(run.stdout).toContain('Tickets: 3600,');
    }
  }, 300_000);

  it('an agreement that takes effect mid-log: the tickets created before are counted in every partition, said once', () => {
    writeFileSync(join(folder, 'later.sla'), readFileSync(join(examples, 'poologics.sla'), 'utf8').replace('effective 2026-01-01', 'effective 2026-03-01'));
    const log = join(examples, 'logs', 'poologics.tickets.csv');
    // Midnight of 1 March 2026 in New York (UTC-05:00 until 8 March), the zone of the agreement's first metric.
    const effective = Date.parse('2026-03-01T05:00:00Z');
    const before = readFileSync(log, 'utf8').split('\n').filter((line) => line.split(',')[2] === 'created' && Date.parse(line.split(',')[1]!) < effective).length;
    expect(before).toBeGreaterThan(100);
    const run = expectSameAtEveryJobs(['check', 'later.sla', log, '--format', 'json'], [2, 3]);
    expect(run.stderr).toContain(`: warning: ${before} tickets were created before the agreement took effect on 2026-03-01;`);
  }, 120_000);

  // Copies shifted by whole numbers of weeks a year apart: every calendar's public holidays of several years are
  // needed, as the workers are given them; as of decades later, beyond the years they are given, they load the
  // data set themselves. Rows swapped here and there spread a few tickets over the whole file.
  it.each(EXAMPLES)('$name over three years, rows out of file order, as of the last event and as of 2071', ({ name, sla, log, outages }) => {
    const text = readFileSync(log, 'utf8');
    const csv = log.endsWith('.csv');
    const [header, ...rows] = text.trim().split('\n');
    const lines = csv ? rows : [header!, ...rows];
    const random = mulberry32(name.length * 7919);
    const years = [0, 1, 2].flatMap((copy) => lines.map((line) => shiftedRow(line, csv, copy)));
    for (let swap = 0; swap < 12; swap++) {
      const a = Math.floor(random() * years.length);
      const b = Math.floor(random() * years.length);
      [years[a], years[b]] = [years[b]!, years[a]!];
    }
    const file = `years-${name}${csv ? '.csv' : '.ndjson'}`;
    writeFileSync(join(folder, file), `${csv ? `${header}\n` : ''}${years.join('\n')}\n`);
    const format = ['text', 'json', 'csv'][name.length % 3]!;
    const args = ['check', sla, file, '--outages', outages, '--format', format];
    expectSameAtEveryJobs(args, [2, 3], [undefined, 4096]);
    const later = [...args, '--as-of', '2071-06-01T00:00:00Z'];
    const one = expectSameAtEveryJobs(later, [3]);
    const traced = slac([...later, '--jobs', '2'], { SLAC_CHECK_TRACE: '1' });
    expect(withoutPhases(traced).stderr).toBe(one.stderr);
    if (name === 'hosting' || name === 'poologics') expect(traced.stderr).toContain('worker 1 reported (it loaded the holiday data set)');
  }, 300_000);

  it('a portfolio (checked on one thread whatever --jobs says)', () => {
    const departments = join(examples, 'multilevel', 'departments.sla');
    for (const format of ['text', 'json', 'csv']) {
      expectSameAtEveryJobs(['check', departments, join(examples, 'logs', 'departments.tickets.csv'), '--outages', join(examples, 'logs', 'departments.outages.csv'), '--format', format], [2]);
    }
  }, 120_000);
});

/** A log row with its ticket renamed for `copy` and its time moved on by `copy` times 53 weeks (the weekday kept). */
function shiftedRow(line: string, csv: boolean, copy: number): string {
  const shift = copy * 53 * 7 * 86_400_000;
  const shiftTime = (time: string): string => (copy === 0 || Number.isNaN(Date.parse(time)) ? time : new Date(Date.parse(time) + shift).toISOString());
  if (csv) {
    const fields = line.split(',');
    fields[0] = `${fields[0]}-y${copy}`;
    fields[1] = shiftTime(fields[1]!);
    return fields.join(',');
  }
  const row = JSON.parse(line) as { ticket: string; time: string };
  return JSON.stringify({ ...row, ticket: `${row.ticket}-y${copy}`, time: shiftTime(row.time) });
}

/**
 * The hosting log as a Windows tool might save it (a byte-order mark, CRLF
 * endings, blank lines), with one more ticket whose rows are spread over the
 * whole file, so that every byte range holds some of them.
 */
function rangesLog(): string {
  const rows = readFileSync(join(examples, 'logs', 'hosting.tickets.ndjson'), 'utf8').trim().split('\n');
  const lines: string[] = ['{"ticket":"SPREAD","time":"2026-04-22T00:00:00Z","event":"created","severity":"P2","channel":"Email"}'];
  rows.forEach((row, index) => {
    lines.push(row);
    const time = new Date(Date.UTC(2026, 3, 22) + index * 3_600_000).toISOString();
    if (index % 150 === 75) lines.push(`{"ticket":"SPREAD","time":"${time}","event":"reply","author":"${index % 300 === 75 ? 'agent' : 'customer'}"}`);
    if (index % 400 === 200) lines.push('');
  });
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

describe('slac check --jobs N scans the log in byte ranges', () => {
  const log = rangesLog();
  writeFileSync(join(folder, 'ranges.ndjson'), log);
  const firstLineBytes = Buffer.byteLength(log.slice(0, log.indexOf('\n') + 1));
  // Blocks smaller than most lines (many blocks hold no line start), a block that ends exactly at the end of the
  // first line (BOM included), odd sizes, and the default size (the whole log in one block). (Blocks of one byte:
  // test/runtime/check/parallel-partition.test.ts, and the small logs below.)
  const blockSizes = [61, firstLineBytes, 997, 8192, undefined];
  const args = ['check', join(examples, 'hosting.sla'), 'ranges.ndjson', '--outages', join(examples, 'logs', 'hosting.outages.csv')];

  it('the reports of --jobs 1, in every format, however the ranges fall', () => {
    const text = expectSameAtEveryJobs(args, [2, 3], blockSizes);
    expect(text.stdout).toContain('Tickets: 301,');
    for (const format of ['json', 'csv']) expectSameAtEveryJobs([...args, '--format', format], [2, 5], [61, firstLineBytes, 4096]);
  }, 300_000);

  it('--as-of, with events ignored in every partition', () => {
    expectSameAtEveryJobs([...args, '--as-of', '2026-05-01T00:00:00Z', '--format', 'json'], [2, 4], [509]);
  }, 120_000);

  it('invalid rows at range boundaries: the same errors on the same lines, and the same skipped rows', () => {
    const lines = log.split('\r\n');
    // A bad row every 97 lines, and the first and last lines of the log.
    const broken = lines.map((line, index) => (index % 97 === 3 || index === 0 || index === lines.length - 2 ? line.replace('"time":"', '"time":"x') : line));
    writeFileSync(join(folder, 'ranges-invalid.ndjson'), broken.join('\r\n'));
    const invalidArgs = ['check', join(examples, 'hosting.sla'), 'ranges-invalid.ndjson'];
    const failed = expectSameAtEveryJobs(invalidArgs, [2, 3], [61, 997]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('ranges-invalid.ndjson:1:');
    expectSameAtEveryJobs([...invalidArgs, '--skip-invalid', '--format', 'json'], [3], [61, 997]);
  }, 300_000);

  it('more jobs than lines, and an empty log', () => {
    writeFileSync(join(folder, 'two-lines.ndjson'), '{"ticket":"A","time":"2026-05-04T09:00:00Z","event":"created","severity":"P2","channel":"Email"}\n{"ticket":"A","time":"2026-05-04T09:20:00Z","event":"reply","author":"agent"}');
    expect(expectSameAtEveryJobs(['check', join(examples, 'hosting.sla'), 'two-lines.ndjson'], [8], [1, 50, undefined]).stdout).toContain('Tickets: 1,');
    writeFileSync(join(folder, 'empty.ndjson'), '');
    expect(expectSameAtEveryJobs(['check', join(examples, 'hosting.sla'), 'empty.ndjson'], [3], [1]).code).toBe(2);
  }, 120_000);
});

/**
 * The ranges log as CSV: the columns in another order (the ticket's
 * fourth), every field quoted in some rows, an unknown first column whose
 * quoted text (every fifth row) holds commas, doubled quotes and a ticket
 * id's look-alike, a byte-order mark, CRLF endings and blank lines.
 */
function rangesCsvLog(): string {
  const keys = ['time', 'event', 'ticket', 'severity', 'channel', 'status', 'author', 'level'];
  const rows = rangesLog().replace(/^\ufeff/, '').split('\r\n');
  const lines = [['note', ...keys].join(',')];
  rows.forEach((row, index) => {
    if (row === '') return lines.push('');
    const values = JSON.parse(row) as Record<string, unknown>;
    const fields = keys.map((key) => (values[key] === undefined ? '' : String(values[key])));
    const note = index % 5 === 0 ? `"said ""wait"", then, NW-1001,"` : '';
    lines.push([note, ...fields.map((field) => (index % 3 === 0 || field.includes(',') ? `"${field}"` : field))].join(','));
  });
  return `\ufeff${lines.join('\r\n')}`;
}

describe('slac check --jobs N scans a CSV log in byte ranges', () => {
  const log = rangesCsvLog();
  writeFileSync(join(folder, 'ranges.csv'), log);
  const args = ['check', join(examples, 'hosting.sla'), 'ranges.csv', '--outages', join(examples, 'logs', 'hosting.outages.csv')];

  it('the reports of --jobs 1, in every format, however the ranges fall', () => {
    expect(slac([...args, '--jobs', '2'], { SLAC_CHECK_WORKER_FAULT: 'throw' }).code).toBe(70); // on workers
    const text = expectSameAtEveryJobs(args, [2, 3], [53, 1009, undefined]);
    expect(text.stdout).toContain('Tickets: 301,');
    expect(text.stderr).toContain("ranges.csv:1: warning: key 'note': not a log key");
    for (const format of ['json', 'csv']) expectSameAtEveryJobs([...args, '--format', format], [2, 5], [53]);
  }, 300_000);

  it('invalid rows: the same errors on the same lines, and the same skipped rows', () => {
    const lines = log.split('\r\n');
    // A bad time every 89 lines, a row one field short every 97.
    const broken = lines.map((line, index) => (index % 89 === 7 ? line.replace(/2026-/, 'x2026-') : index % 97 === 11 ? line.replace(/,[^,]*$/, '') : line));
    // The header again at line 501, as where two files are joined (the second with its byte-order mark).
    broken.splice(500, 0, `\ufeff${lines[0]!.replace(/^\ufeff/, '')}`);
    // Lines 701 and 702: a spreadsheet's empty rows, skipped as blank lines are.
    broken.splice(700, 0, ',,,,,,,,', ' , ,,,,,,,');
    writeFileSync(join(folder, 'ranges-invalid.csv'), broken.join('\r\n'));
    const invalidArgs = ['check', join(examples, 'hosting.sla'), 'ranges-invalid.csv'];
    const failed = expectSameAtEveryJobs(invalidArgs, [2, 3], [61, 997]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/^ranges-invalid\.csv:8: key 'time'/m);
    expect(failed.stderr).toMatch(/^ranges-invalid\.csv:12: the row has 8 fields but the header has 9/m);
    expect(failed.stderr).not.toMatch(/^ranges-invalid\.csv:70[12]:/m);
    expect(failed.stderr).toMatch(/^ranges-invalid\.csv:501: the row repeats the header row of line 1, as where two CSV files are joined into one: delete this line \[SLA4049\]$/m);
    expectSameAtEveryJobs([...invalidArgs, '--skip-invalid', '--format', 'json'], [3], [61, 997]);
  }, 300_000);

  it('a quoted field over two lines: the log is checked again on one thread, with the same report', () => {
    const lines = log.split('\r\n');
    const noted = lines.findIndex((line, index) => index > 600 && line.startsWith('"said'));
    lines[noted] = lines[noted]!.replace(/^"said ""wait"", then, NW-1001,"/, '"two\r\nlines"');
    expect(lines[noted]).toContain('two');
    writeFileSync(join(folder, 'ranges-multiline.csv'), lines.join('\r\n'));
    const one = expectOneThreadAfterAll(['check', join(examples, 'hosting.sla'), 'ranges-multiline.csv'], 'ranges-multiline.csv', noted + 1, [2, 3], [53, undefined]);
    expect(one.stdout).toContain('Tickets: 301,');
  }, 300_000);
});

/**
 * Invalid rows spread over the log, each on a known line; they fall in
 * different partitions, and the messages must name the file's own lines.
 */
const INVALID_LOG = [
  /* 1 */ '{"ticket":"A","time":"2026-05-04T09:00:00Z","event":"created","severity":"P2","channel":"Email"}',
  /* 2 */ '{"ticket":"B","time":"2026-05-04T09:05:00Z","event":"created","severity":"P9"}',
  /* 3 */ '',
  /* 4 */ '{"ticket":"C","time":"2026-05-04T09:10:00Z","event":"created","mood":"grumpy"}',
  /* 5 */ '{"ticket":"A","time":"2026-05-04T09:20:00Z","event":"reply","author":"agent"',
  /* 6 */ '{"ticket":"D","time":"2026-05-04T09:30:00Z","event":"reply","author":"agent"}',
  /* 7 */ '{"ticket":"C","time":"2026-05-04T09:40:00Z","event":"reply","author":"agent","mood":"calm"}',
  /* 8 */ '[1,2]',
  /* 9 */ '{"ticket":"A","time":"2026-05-04T09:50:00Z","event":"created"}',
  /* 10 */ '{"ticket":7,"time":"2026-05-04T08:00:00Z","event":"created"}',
  /* 11 */ '{"ticket":"7","time":"2026-05-04T07:00:00Z","event":"reply","author":"agent"}',
  /* 12 */ '{"ticket":"E","ticket":"F","time":"2026-05-04T10:00:00Z","event":"created"}',
  /* 13 */ '{"ticket":" C ","time":"2026-05-04T10:10:00Z","event":"resolved"}',
  /* 14 */ '{"ticket":"G","time":"2026-05-04T10:20:00Z","event":"created","author":{"name":"x"}}',
].join('\n');

describe('slac check --jobs N on invalid rows', () => {
  writeFileSync(join(folder, 'invalid.ndjson'), `${INVALID_LOG}\n`);
  const hosting = join(examples, 'hosting.sla');

  it('names the same errors on the same lines as --jobs 1', () => {
    const run = expectSameAtEveryJobs(['check', hosting, 'invalid.ndjson']);
    expect(run.code).toBe(2);
    const lines = [...run.stderr.matchAll(/^invalid\.ndjson:(\d+):/gm)].map((match) => Number(match[1]));
    // 2 bad severity, 4 and 7 unknown key (warned once, at 4), 14 an author on a created row (SLA4054,
    // a warning: printed with 4's before the errors), 5 bad JSON, 6 no created,
    // 8 not an object, 9 a second created, 11 before ticket 7's created, 12 a repeated key.
    expect(lines).toEqual([4, 14, 2, 5, 6, 8, 9, 11, 12]);
  }, 120_000);

  it('lists the skipped rows alike with --skip-invalid', () => {
    for (const format of ['text', 'json', 'csv']) {
      const run = expectSameAtEveryJobs(['check', hosting, 'invalid.ndjson', '--skip-invalid', '--format', format]);
      expect(run.stderr).toContain('invalid.ndjson:11:');
    }
  }, 120_000);
});

/** Ticket ids written as numbers other than plain digits, flat and with blanks (the byte and general paths). */
const NUMBER_IDS_LOG = [
  /* 1 */ '{"ticket":7,"time":"2026-05-04T09:00:00Z","event":"created"}',
  /* 2 */ '{"ticket":7.0000000000000001,"time":"2026-05-04T09:10:00Z","event":"resolved"}',
  /* 3 */ '{"ticket":-0,"time":"2026-05-04T09:20:00Z","event":"created"}',
  /* 4 */ '{ "ticket": 1e3, "time": "2026-05-04T09:30:00Z", "event": "created" }',
  /* 5 */ '{"ticket":7.5,"time":"2026-05-04T09:40:00Z","event":"created"}',
  /* 6 */ '{ "ticket": 8, "time": "2026-05-04T09:50:00Z", "event": "created" }',
].join('\n');

describe('slac check --jobs N on NDJSON ids that are not plain digits', () => {
  writeFileSync(join(folder, 'number-ids.ndjson'), `${NUMBER_IDS_LOG}\n`);

  it('refuses each on its line, as --jobs 1 does, however the ranges fall', () => {
    const run = expectSameAtEveryJobs(['check', join(examples, 'hosting.sla'), 'number-ids.ndjson'], [2, 3], [undefined, 64]);
    expect(run.code).toBe(2);
    expect([...run.stderr.matchAll(/^number-ids\.ndjson:(\d+): key 'ticket': 'ticket' must be a whole number/gm)].map((match) => Number(match[1]))).toEqual([2, 3, 4, 5]);
  }, 120_000);
});

/** Escalation levels written as numbers other than plain digits, flat and with blanks (the byte and general paths). */
const NUMBER_LEVELS_LOG = [
  /* 1 */ '{"ticket":"L","time":"2026-05-04T09:00:00Z","event":"created"}',
  /* 2 */ '{"ticket":"L","time":"2026-05-04T09:10:00Z","event":"escalated","level":2.0}',
  /* 3 */ '{ "ticket": "L", "time": "2026-05-04T09:20:00Z", "event": "escalated", "level": 1e0 }',
  /* 4 */ '{"ticket":"L","time":"2026-05-04T09:30:00Z","event":"escalated","level":-0}',
  /* 5 */ '{"ticket":"L","time":"2026-05-04T09:40:00Z","event":"escalated","level":1}',
  /* 6 */ '{ "ticket": "L", "time": "2026-05-04T09:50:00Z", "event": "escalated", "level": 2.00000000000000001 }',
  /* 7 */ '{ "ticket": "L", "time": "2026-05-04T09:55:00Z", "event": "escalated", "level": 2 }',
].join('\n');

describe('slac check --jobs N on NDJSON levels that are not plain digits', () => {
  writeFileSync(join(folder, 'number-levels.ndjson'), `${NUMBER_LEVELS_LOG}\n`);

  it('refuses each on its line, saying what JSON reads, as --jobs 1 does, however the ranges fall', () => {
    const run = expectSameAtEveryJobs(['check', join(examples, 'hosting.sla'), 'number-levels.ndjson'], [2, 3], [undefined, 64]);
    expect(run.code).toBe(2);
    const refused = /^number-levels\.ndjson:(\d+): key 'level': 'level' must be a whole number from 1 written in plain digits, not the number (\S+), which JSON reads as (\d+) \[SLA4014\]$/gm;
    expect([...run.stderr.matchAll(refused)].map((match) => `${match[1]} ${match[2]} ${match[3]}`)).toEqual(['2 2.0 2', '3 1e0 1', '4 -0 0', '6 2.00000000000000001 2']);
  }, 120_000);
});

describe('slac check --jobs N with --skip-invalid when every row is invalid', () => {
  const rows = Array.from({ length: 12 }, (_, index) => `{"ticket":"T-${index}","time":"2026-05-04T09:${String(index).padStart(2, '0')}:00Z","event":"bogus"}`);
  writeFileSync(join(folder, 'all-invalid.ndjson'), `${rows.join('\n')}\n`);

  it('counts and lists the skipped rows, as --jobs 1 does, however the ranges fall', () => {
    for (const format of ['text', 'csv']) {
      const run = expectSameAtEveryJobs(['check', join(examples, 'hosting.sla'), 'all-invalid.ndjson', '--skip-invalid', '--format', format], [2, 3], [undefined, 64]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^slac: 12 invalid log rows skipped \(no valid row left to report on\):\n(all-invalid\.ndjson:\d+: key 'event': 'bogus' is not an event;.* \[SLA4003\]\n){12}all-invalid\.ndjson: the log has no events/);
    }
  }, 120_000);
});

describe('slac check --jobs N on a CSV header that cannot be read', () => {
  writeFileSync(join(folder, 'bad-header.csv'), '"ticket","time","event"x\r\nT1,2026-05-04T09:00:00Z,created\r\nT2,2026-05-04T09:10:00Z,created\r\n');

  it('names the header line and stops, as --jobs 1 does, with or without --skip-invalid', () => {
    for (const skip of [[], ['--skip-invalid']]) {
      const run = expectSameAtEveryJobs(['check', join(examples, 'hosting.sla'), 'bad-header.csv', ...skip], [2], [undefined, 64]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'bad-header.csv:1: the header row cannot be read, so no row can be: field 3 has text after its closing quote; double a quote inside a quoted field ("") [SLA4013]\n' +
          'slac: no report: the input has 1 error.\n',
      );
    }
  }, 120_000);
});

/** The same in CSV: a header with an unknown column, a record over two lines, a short row. */
const INVALID_CSV = [
  /* 1 */ 'ticket,time,event,severity,mood',
  /* 2 */ 'A,2026-05-04T09:00:00Z,created,P2,x',
  /* 3 */ 'B,2026-05-04T09:05:00Z,created,P9,',
  /* 4 */ '"C","2026-05-04T09:10:00Z",created,,"two',
  /* 5 */ 'lines"',
  /* 6 */ 'D,2026-05-04T09:30:00Z,reply',
  /* 7 */ 'A,2026-05-04T09:50:00Z,created,,',
  /* 8 */ 'C,2026-05-04T09:00:00Z,reply,,',
].join('\r\n');

describe('slac check --jobs N on an invalid CSV log', () => {
  writeFileSync(join(folder, 'invalid.csv'), `${INVALID_CSV}\r\n`);

  it('names the same errors on the same lines as --jobs 1 (on one thread: a record is over two lines)', () => {
    const run = expectOneThreadAfterAll(['check', join(examples, 'hosting.sla'), 'invalid.csv'], 'invalid.csv', 4, [2, 3, 4], [undefined]);
    expect(run.code).toBe(2);
    const lines = [...run.stderr.matchAll(/^invalid\.csv:(\d+):/gm)].map((match) => Number(match[1]));
    // 1 unknown column (a warning), 3 bad severity, 6 a short row, 7 a second created, 8 a reply with no author.
    expect(lines).toEqual([1, 3, 6, 7, 8]);
  }, 120_000);
});

describe('slac check --jobs N lets each worker go before the merge', () => {
  copyFileSync(join(examples, 'logs', 'hosting.tickets.ndjson'), join(folder, 'phases.ndjson'));
  const args = ['check', join(examples, 'hosting.sla'), 'phases.ndjson'];

  // Each worker's heap and tickets are given back before the partitions' reports are merged, so that the
  // merge's memory does not come on top of theirs: with a text report, and with a JSON report, whose
  // workers also send every ticket's text.
  it.each(['text', 'json'])('%s: every worker reports, then exits, before the merge; the report is unchanged', (format) => {
    const one = slac([...args, '--format', format, '--jobs', '1']);
    const many = slac([...args, '--format', format, '--jobs', '3'], { SLAC_CHECK_TRACE: '1' });
    const traced = many.stderr.split('\n').filter((line) => PHASE.test(line));
    expect({ ...many, stderr: many.stderr.split('\n').filter((line) => !PHASE.test(line)).join('\n') }).toEqual(one);
    const phases = traced.map((line) => PHASE.exec(line)![1]!);
    // A report that lists every ticket has them rendered on the threads, and its writer told so (report-file.ts).
    const rendered = format === 'json' ? ['tickets rendered on threads'] : [];
    // hosting closes on Berlin's public holidays: worker 1 computes them for every thread, this one included.
    const read = ['worker threads started', 'partition 0 read', 'every partition read', 'public holidays computed on worker 1'];
    expect(phases.slice(0, read.length + rendered.length)).toEqual([...read, ...rendered]);
    expect(phases.slice(-2)).toEqual(['merging', 'merged']);
    const workerPhases = phases.slice(read.length + rendered.length, -2);
    const reported = ['worker 1 reported (it loaded the holiday data set)', 'worker 2 reported'];
    expect([...workerPhases].sort()).toEqual(['worker 1 exited', reported[0], 'worker 2 exited', reported[1]]);
    for (const worker of [1, 2]) expect(workerPhases.indexOf(reported[worker - 1]!)).toBeLessThan(workerPhases.indexOf(`worker ${worker} exited`));
  }, 120_000);
});

describe('slac check --jobs N starts its workers before it reads the agreement', () => {
  copyFileSync(join(examples, 'logs', 'hosting.tickets.ndjson'), join(folder, 'early.ndjson'));

  // Their start-up (Node's, then the bundle's) overlaps the agreement's reading; threads that get no work
  // (here the agreement has errors) are let go, and the command ends as --jobs 1 does.
  it.each(['text', 'json'])('%s: an agreement with errors: its diagnostics and exit 2, the started threads let go', (format) => {
    writeFileSync(join(folder, 'broken.sla'), readFileSync(join(examples, 'hosting.sla'), 'utf8').replace('"Europe/Berlin"', '"Europe/Nowhere"'));
    const args = ['check', 'broken.sla', 'early.ndjson', '--format', format];
    const one = slac([...args, '--jobs', '1']);
    expect(one.code).toBe(2);
    const many = slac([...args, '--jobs', '3'], { SLAC_CHECK_TRACE: '1' });
    expect(phasesOf(many.stderr)).toEqual(['worker threads started']);
    expect(many.stderr.indexOf('worker threads started')).toBeLessThan(many.stderr.indexOf('broken.sla:'));
    expect(withoutPhases(many)).toEqual(one);
  }, 120_000);

  it('a log checked on one thread starts none', () => {
    const run = slac(['check', join(examples, 'hosting.sla'), 'early.ndjson', '--jobs', '3'], { SLAC_CHECK_TRACE: '1', SLAC_CHECK_PARALLEL_MIN_BYTES: String(1 << 30) });
    expect(run.code).toBe(1);
    expect(phasesOf(run.stderr)).toEqual([]);
  }, 120_000);
});

describe('slac check --jobs N gives its threads the public holidays they need', () => {

  // hosting's calendar closes on Berlin's public holidays ("DE-BE"), poologics' on the US's. Worker 1
  // computes them over the log's years for every thread: neither the other workers nor this thread load
  // the data set. Given none (the internal switch), each thread loads it (a worker from its own bundle),
  // with the same report.
  it.each([
    { name: 'hosting', sla: 'hosting.sla', log: 'hosting.tickets.ndjson' },
    { name: 'poologics', sla: 'poologics.sla', log: 'poologics.tickets.csv' },
  ])('$name: the same report whether worker 1 computes them for all or each thread loads them', ({ sla, log }) => {
    const args = ['check', join(examples, sla), join(examples, 'logs', log), '--format', 'json'];
    const one = slac([...args, '--jobs', '1']);
    const given = slac([...args, '--jobs', '3'], { SLAC_CHECK_TRACE: '1' });
    expect([...reportsOf(given.stderr)].sort()).toEqual(['worker 1 reported (it loaded the holiday data set)', 'worker 2 reported']);
    expect(phasesOf(given.stderr)).toContain('public holidays computed on worker 1');
    expect(phasesOf(given.stderr).at(-1)).toBe('merged');
    expect(withoutPhases(given)).toEqual(one);
    const loaded = slac([...args, '--jobs', '3'], { SLAC_CHECK_TRACE: '1', SLAC_CHECK_SEED_HOLIDAYS: '0' });
    expect([...reportsOf(loaded.stderr)].sort()).toEqual(['worker 1 reported (it loaded the holiday data set)', 'worker 2 reported (it loaded the holiday data set)']);
    expect(phasesOf(loaded.stderr)).not.toContain('public holidays computed on worker 1');
    expect(phasesOf(loaded.stderr).at(-1)).toBe('merged (this thread loaded the holiday data set)');
    expect(withoutPhases(loaded)).toEqual(one);
  }, 120_000);

  // Worker 1 was asked for the years from two before the earliest ticket's: year -1 for a log of year 1, which
  // --jobs 1 never computes, and for which the data set's moment printed a deprecation warning and a stack on stderr.
  it('a log of year 1: the same stderr as --jobs 1', () => {
    const rows = readFileSync(join(examples, 'logs', 'poologics.tickets.csv'), 'utf8').split('\n').slice(0, 40);
    writeFileSync(join(folder, 'year-1.csv'), `${rows.join('\n').replaceAll('2026-', '0001-')}\n`);
    const args = ['check', join(examples, 'poologics.sla'), 'year-1.csv'];
    expect(slac([...args, '--jobs', '2'])).toEqual(slac([...args, '--jobs', '1']));
  }, 120_000);
});

describe('slac check --jobs N when something goes wrong', () => {
  copyFileSync(join(examples, 'logs', 'hosting.tickets.ndjson'), join(folder, 'hosting.ndjson'));
  // With its outage log: without one, hosting's uptime credits are warned of (SLA4064), and these cases ask for a silent stderr.
  const args = ['check', join(examples, 'hosting.sla'), 'hosting.ndjson', '--outages', join(examples, 'logs', 'hosting.outages.csv')];

  it('a worker that throws: a one-line error and exit 70, not a hang', () => {
    const run = slac([...args, '--jobs', '3'], { SLAC_CHECK_WORKER_FAULT: 'throw' });
    expect(run).toEqual({ code: 70, stdout: '', stderr: 'slac: a worker thread of slac check on 3 threads failed: a worker failed on purpose (SLAC_CHECK_WORKER_FAULT=throw); run again with --jobs 1\n' });
  }, 120_000);

  it('a worker that exits', () => {
    const run = slac([...args, '--jobs', '2'], { SLAC_CHECK_WORKER_FAULT: 'exit' });
    expect(run).toEqual({ code: 70, stdout: '', stderr: 'slac: a worker thread of slac check on 2 threads stopped (exit code 3) before the check was done; run again with --jobs 1\n' });
  }, 120_000);

  it('a small log is checked on one thread: no worker starts to fail', () => {
    const run = slac([...args, '--jobs', '3'], { SLAC_CHECK_WORKER_FAULT: 'throw', SLAC_CHECK_PARALLEL_MIN_BYTES: String(32 * 1024 * 1024) });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
  }, 120_000);

  it('a log that is not UTF-8 gets the one-thread message', () => {
    writeFileSync(join(folder, 'latin1.ndjson'), Buffer.concat([readFileSync(join(folder, 'hosting.ndjson')), Buffer.from('{"ticket":"caf\xe9"}\n', 'latin1')]));
    expectSameAtEveryJobs(['check', join(examples, 'hosting.sla'), 'latin1.ndjson'], [2]);
  }, 120_000);

  it('refuses --jobs that is not a whole number from 1 or auto, and says what auto would be here', () => {
    for (const value of ['0', 'many', 'automatic']) {
      const run = slac([...args, '--jobs', value], { SLAC_CHECK_CORES: '3' });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`slac: --jobs ${value}: the number of threads is a whole number from 1 (1 checks on one thread), or auto (one a core: 3 here).\n`);
    }
  }, 60_000);
});

describe('slac check --jobs N beyond the cores', () => {
  copyFileSync(join(examples, 'logs', 'hosting.tickets.ndjson'), join(folder, 'cores.ndjson'));
  const args = ['check', join(examples, 'hosting.sla'), 'cores.ndjson', '--format', 'json'];
  const one = slac([...args, '--jobs', '1']);

  it.each([
    { cores: '2', jobs: '16', notice: 'slac: --jobs 16: Node may use 2 cores here, so the check runs on 2 threads (more threads than cores only add work).\n' },
    { cores: '1', jobs: '3', notice: 'slac: --jobs 3: Node may use 1 core here, so the check runs on one thread (more threads than cores only add work).\n' },
  ])('runs on one thread a core ($cores), says so once, and gives the same report', ({ cores, jobs, notice }) => {
    const run = slac([...args, '--jobs', jobs], { SLAC_CHECK_CORES: cores });
    expect(run).toEqual({ ...one, stderr: notice + one.stderr });
  }, 120_000);

  it('says nothing when the log is checked on one thread anyway (small)', () => {
    const run = slac([...args, '--jobs', '16'], { SLAC_CHECK_CORES: '2', SLAC_CHECK_PARALLEL_MIN_BYTES: String(32 * 1024 * 1024) });
    expect(run).toEqual(one);
  }, 120_000);

  it('says nothing for a CSV log whose header the one-thread check refuses (no ticket column)', () => {
    writeFileSync(join(folder, 'no-ticket.csv'), 'time,event\n2026-05-04T09:00:00Z,created\n');
    const noTicket = ['check', join(examples, 'hosting.sla'), 'no-ticket.csv'];
    const alone = slac([...noTicket, '--jobs', '1']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("no 'ticket' column");
    expect(slac([...noTicket, '--jobs', '16'], { SLAC_CHECK_CORES: '2' })).toEqual(alone);
  }, 120_000);

  it('within the cores, says nothing', () => {
    expect(slac([...args, '--jobs', '2'], { SLAC_CHECK_CORES: '2' })).toEqual(one);
  }, 120_000);
});

describe('slac check --jobs auto', () => {
  copyFileSync(join(examples, 'logs', 'hosting.tickets.ndjson'), join(folder, 'auto.ndjson'));
  const args = ['check', join(examples, 'hosting.sla'), 'auto.ndjson', '--format', 'json'];
  const one = slac([...args, '--jobs', '1']);

  // One thread a core, whatever the machine: the main thread and a worker for each other core, never the
  // notice of --jobs beyond the cores, and the report of --jobs 1. (Worker 1 computes Berlin's holidays for all.)
  const first = 'worker 1 reported (it loaded the holiday data set)';
  it.each([
    { name: '3 cores, auto: 2 workers', cores: '3', value: 'auto', workers: [first, 'worker 2 reported'] },
    { name: '2 cores, " AUTO ": 1 worker', cores: '2', value: ' AUTO ', workers: [first] },
    { name: '1 core, auto: no worker', cores: '1', value: 'auto', workers: [] },
  ])('$name, and the same report', ({ cores, value, workers }) => {
    const run = slac([...args, '--jobs', value], { SLAC_CHECK_CORES: cores, SLAC_CHECK_TRACE: '1' });
    expect([...reportsOf(run.stderr)].sort()).toEqual(workers);
    expect(withoutPhases(run)).toEqual(one);
  }, 120_000);
});

/**
 * Ids with a Unicode blank at either end (U+00A0, U+3000), padded one row and
 * not the next: `--jobs 1` trims them as `String.trim` does, so the rows are
 * one ticket, and each partition must hash the trimmed id too (the byte scans
 * hashed `\u00a0T1` untrimmed, so at --jobs 3 its rows went to two threads:
 * "ticket 'T1' has no 'created' event").
 */
function unicodeBlankLog(format: 'ndjson' | 'csv'): string {
  const rows: string[] = format === 'csv' ? ['ticket,time,event'] : [];
  for (let index = 0; index < 40; index++) {
    const blank = index % 2 === 0 ? '\u00a0' : '\u3000';
    const ids = [`${blank}T${index}`, `${blank}T${index} `, `T${index}${blank}`];
    ['created', 'resolved', 'closed'].forEach((event, at) => {
      const time = `2026-04-06T0${at + 1}:00:00Z`;
      rows.push(format === 'csv' ? `${ids[at]},${time},${event}` : JSON.stringify({ ticket: ids[at], time, event }));
    });
  }
  return `${rows.join('\n')}\n`;
}

describe('slac check --jobs N on ids with Unicode blanks around them', () => {
  it.each(['ndjson', 'csv'] as const)('%s: one ticket per id at every --jobs, as at --jobs 1', (format) => {
    writeFileSync(join(folder, `unicode-blanks.${format}`), unicodeBlankLog(format));
    const run = expectSameAtEveryJobs(['check', join(examples, 'hosting.sla'), `unicode-blanks.${format}`, '--outages', join(examples, 'logs', 'hosting.outages.csv'), '--format', 'json'], [2, 3, 4], [undefined, 256]);
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as { tickets: { id: string }[] }).tickets.map((ticket) => ticket.id).sort()).toEqual(Array.from({ length: 40 }, (_, index) => `T${index}`).sort());
  }, 240_000);
});
