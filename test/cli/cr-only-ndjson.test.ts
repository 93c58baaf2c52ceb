import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCliOnThreads, type CliRun } from './built-cli.js';

/**
 * NDJSON logs whose lines end in a bare carriage return (CR only, classic
 * Mac OS) through the built CLI. Split at line feeds, such a file was one
 * line, and the user read "not a JSON object: Unexpected non-whitespace
 * character after JSON at position 111 [SLA4012]"; it is now refused once,
 * named, with the command that converts it (SLA4051), as a CR-only CSV log
 * is (cr-only-csv.test.ts), at every --jobs. CRLF files, and CRs that are
 * not line ends (a lone one in an LF file, one inside a JSON string), read
 * as before.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-cr-only-ndjson-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The built CLI in `folder`, with --jobs N on threads even for these small logs. */
const slac = (args: readonly string[]): CliRun => runBuiltCliOnThreads(args, folder);

const agreement = join(repoRoot, 'examples', 'hosting.sla');
/** The example log, with LF line ends. */
const lfLog = readFileSync(join(repoRoot, 'examples', 'logs', 'hosting.tickets.ndjson'), 'utf8').replaceAll('\r\n', '\n');
/** The example outage log (CSV), as NDJSON with LF line ends. */
const lfOutages = ndjsonOf(readFileSync(join(repoRoot, 'examples', 'logs', 'hosting.outages.csv'), 'utf8'));

/** A CSV without quoted fields as NDJSON: one object per row, keyed by the header, the last field to the line's end, empty fields left out. */
function ndjsonOf(csv: string): string {
  const [header, ...rows] = csv.replaceAll('\r\n', '\n').trimEnd().split('\n');
  const keys = header!.split(',');
  const fieldsOf = (row: string): string[] => {
    const fields = row.split(',');
    return [...fields.slice(0, keys.length - 1), fields.slice(keys.length - 1).join(',').replace(/^"(.*)"$/, '$1')];
  };
  return rows.map((row) => JSON.stringify(Object.fromEntries(fieldsOf(row).flatMap((value, index) => (value === '' ? [] : [[keys[index], value]]))))).join('\n') + '\n';
}

function write(name: string, text: string): string {
  writeFileSync(join(folder, name), text);
  return name;
}

/** What `slac check` says of a CR-only NDJSON log `file`. */
function refusal(file: string): string {
  return (
    `${file}:1: the lines end in a bare carriage return (CR only, as classic Mac OS wrote them), ` +
    `so the file reads as one line and no row can be read; convert the line ends to line feeds: tr '\\r' '\\n' < ${file} > ${file.replace(/\.(ndjson|jsonl)$/, '-lf.$1')} [SLA4051]\n` +
    'slac: no report: the input has 1 error.\n'
  );
}

const JOBS = ['1', '2', '3'];

describe('slac check: a CR-only NDJSON ticket log', () => {
  const logs = {
    'LF turned to CR': write('cr.ndjson', lfLog.replaceAll('\n', '\r')),
    'CRLF with its LFs deleted (.jsonl)': write('crcr.jsonl', lfLog.replaceAll('\n', '\r\r')),
    'longer than the longest line a reader reads (1 MiB)': write('big-cr.ndjson', lfLog.replaceAll('\n', '\r').repeat(8)),
  };
  it.each(Object.entries(logs))('%s: refused once, with the command that converts it, at --jobs 1, 2 and 3', (_name, file) => {
    for (const jobs of JOBS) {
      const result = slac(['check', agreement, file, '--jobs', jobs]);
      expect({ jobs, ...result }).toEqual({ jobs, code: 2, stdout: '', stderr: refusal(file) });
    }
  });

  it('an NDJSON outage log is refused alike', () => {
    const file = write('outages-cr.ndjson', lfOutages.replaceAll('\n', '\r'));
    write('lf.ndjson', lfLog);
    const lf = slac(['check', agreement, 'lf.ndjson', '--outages', write('outages-lf.ndjson', lfOutages)]);
    // Exit status 1: the example has breaches; the outages are read without a word.
    expect({ code: lf.code, stderr: lf.stderr }).toEqual({ code: 1, stderr: '' });
    for (const jobs of JOBS) {
      const result = slac(['check', agreement, 'lf.ndjson', '--outages', file, '--jobs', jobs]);
      expect({ jobs, ...result }).toEqual({ jobs, code: 2, stdout: '', stderr: refusal(file) });
    }
  });

  it('the command it gives converts the log into one that is read', () => {
    const converted = write('cr-lf.ndjson', readFileSync(join(folder, logs['LF turned to CR']), 'utf8').replaceAll('\r', '\n'));
    // With the outage log, whose absence hosting's uptime credits warn of (SLA4064): stderr is silent.
    const outages = ['--outages', write('outages-lf.ndjson', lfOutages)];
    const lf = slac(['check', agreement, write('lf.ndjson', lfLog), ...outages]);
    expect({ code: lf.code, stderr: lf.stderr }).toEqual({ code: 1, stderr: '' });
    expect(slac(['check', agreement, converted, ...outages])).toEqual(lf);
  });
});

describe('slac check: a CR-only NDJSON log whose first row is cut short', () => {
  // Its brackets or a string never close, so every later CR was inside it, and check said only "not a JSON object [SLA4012]".
  const [first, ...rest] = lfLog.trimEnd().split('\n');
  const crJoined = (head: string): string => [head, ...rest].join('\r') + '\r';
  const [outageFirst, ...outageRest] = lfOutages.trimEnd().split('\n');
  it.each([
    ['cut inside a string', 'cut-string.ndjson', crJoined(first!.slice(0, 40))],
    ['cut after a comma', 'cut-comma.ndjson', crJoined(first!.slice(0, first!.indexOf(',"time"') + 1))],
    ['cut after a key, no CR at the end', 'cut-key.ndjson', crJoined(first!.slice(0, first!.indexOf(':') + 1)).slice(0, -1)],
    ['opening a list that never closes', 'open-list.ndjson', `{"rows":[\r${lfLog.replaceAll('\n', '\r')}`],
  ])('%s: refused once, with the command that converts it, at --jobs 1, 2 and 3', (_name, name, text) => {
    const file = write(name, text);
    for (const jobs of JOBS) expect({ jobs, ...slac(['check', agreement, file, '--jobs', jobs]) }).toEqual({ jobs, code: 2, stdout: '', stderr: refusal(file) });
  });

  it('an NDJSON outage log is refused alike', () => {
    const file = write('outages-cut.ndjson', [outageFirst!.slice(0, 30), ...outageRest].join('\r') + '\r');
    write('lf.ndjson', lfLog);
    for (const jobs of JOBS) {
      const result = slac(['check', agreement, 'lf.ndjson', '--outages', file, '--jobs', jobs]);
      expect({ jobs, ...result }).toEqual({ jobs, code: 2, stdout: '', stderr: refusal(file) });
    }
  });

  it('a first line of CR-joined rows that ends in a line feed: its error (SLA4012) says what its CRs are, at --jobs 1, 2 and 3', () => {
    for (const [name, text] of [
      ['cr-then-lf.ndjson', lfLog.trimEnd().replaceAll('\n', '\r') + '\n'],
      ['cut-then-lf.ndjson', crJoined(first!.slice(0, 40)).slice(0, -1) + '\n'],
    ] as const) {
      const file = write(name, text);
      const hint = `; the line holds rows joined by bare carriage returns (CR only, as classic Mac OS wrote them): convert the line ends to line feeds: tr '\\r' '\\n' < ${file} > ${file.replace('.ndjson', '-lf.ndjson')} [SLA4012]\n`;
      for (const jobs of JOBS) {
        const result = slac(['check', agreement, file, '--jobs', jobs]);
        expect({ jobs, code: result.code, line1: result.stderr.split('\n')[0] + '\n' }).toEqual({ jobs, code: 2, line1: expect.stringMatching(new RegExp(`^${file}:1: not a JSON object: .*`)) });
        expect(result.stderr.split('\n')[0] + '\n').toContain(hint);
      }
    }
  });

  it('a row cut short in an LF file, without CRs: no JSON (SLA4012) and no more, at --jobs 1, 2 and 3', () => {
    const file = write('cut-lf.ndjson', [first!.slice(0, 40), ...rest].join('\n') + '\n');
    for (const jobs of JOBS) {
      const result = slac(['check', agreement, file, '--jobs', jobs]);
      expect({ jobs, code: result.code }).toEqual({ jobs, code: 2 });
      expect(result.stderr).toMatch(/^cut-lf\.ndjson:1: not a JSON object: Unterminated string in JSON at position 40 \[SLA4012\]\n/);
      expect(result.stderr).not.toContain('carriage');
    }
  });
});

describe('slac check: NDJSON CRs that are not line ends', () => {
  const reference = () => slac(['check', agreement, write('lf.ndjson', lfLog)]);
  const [first, ...rest] = lfLog.split('\n');

  it.each([
    ['CRLF line ends', 'crlf.ndjson', lfLog.replaceAll('\n', '\r\n')],
    // A CR as whitespace inside a row, and before its line feed, is JSON's own.
    ['a lone CR inside the first row of an LF file', 'lone-cr.ndjson', [first!.replace(',', ',\r'), ...rest].join('\n')],
  ])('%s: read as the LF log, at --jobs 1, 2 and 3', (_name, name, text) => {
    const expected = reference();
    const file = write(name, text);
    for (const jobs of JOBS) expect({ jobs, ...slac(['check', agreement, file, '--jobs', jobs]) }).toEqual({ jobs, ...expected });
  });

  it('an escaped CR inside a JSON string: read as before, at --jobs 1, 2 and 3', () => {
    const file = write('escaped-cr.ndjson', [first!.replace('}', ',"note":"line one\\rline two"}'), ...rest].join('\n'));
    const one = slac(['check', agreement, file, '--jobs', '1']);
    // `note` is no key of a ticket log: warned of, and the rows read.
    expect(one.stderr).not.toContain('SLA4051');
    expect(one.stdout).toBe(reference().stdout);
    for (const jobs of JOBS) expect({ jobs, ...slac(['check', agreement, file, '--jobs', jobs]) }).toEqual({ jobs, ...one });
  });

  it('a raw CR inside a JSON string of an LF file: that row is no JSON (SLA4012), as before, at --jobs 1, 2 and 3', () => {
    const file = write('raw-cr.ndjson', [first!.replace('"created"', '"crea\rted"'), ...rest].join('\n'));
    const one = slac(['check', agreement, file, '--jobs', '1']);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/^raw-cr\.ndjson:1: not a JSON object: .*\[SLA4012\]\n/);
    expect(one.stderr).not.toContain('SLA4051');
    for (const jobs of JOBS) expect({ jobs, ...slac(['check', agreement, file, '--jobs', jobs]) }).toEqual({ jobs, ...one });
  });
});
