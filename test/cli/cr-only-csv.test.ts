import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCliOnThreads, type CliRun } from './built-cli.js';

/**
 * CSV files whose lines end in a bare carriage return (CR only: classic Mac
 * OS, Excel for Mac's "CSV (Macintosh)") through the built CLI. Split at line
 * feeds, such a file was one header row of every row run together, and the
 * user read "column 'closed' appears more than once in the header" and
 * thousands more errors; it is now refused once, named, with the command that
 * converts it (SLA4051), at every --jobs, and by `slac import`. Files with
 * CRs that are not line ends (in a quoted field, a lone one in a CRLF file)
 * read as before.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-cr-only-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The built CLI in `folder`, with --jobs N on threads even for these small logs. */
const slac = (args: readonly string[]): CliRun => runBuiltCliOnThreads(args, folder);

const agreement = join(repoRoot, 'examples', 'poologics.sla');
/** The example log as written (CRLF), and with LF line ends. */
const crlfLog = readFileSync(join(repoRoot, 'examples', 'logs', 'poologics.tickets.csv'), 'utf8');
const lfLog = crlfLog.replaceAll('\r\n', '\n');
const lfOutages = readFileSync(join(repoRoot, 'examples', 'logs', 'poologics.outages.csv'), 'utf8').replaceAll('\r\n', '\n');
const [lfHeader, ...lfRows] = lfLog.split('\n');

function write(name: string, text: string): string {
  writeFileSync(join(folder, name), text);
  return name;
}

/** What `slac check` says of a CR-only CSV log `file`. */
function refusal(file: string): string {
  return (
    `${file}:1: the lines end in a bare carriage return (CR only, as classic Mac OS and Excel for Mac's "CSV (Macintosh)" write them), ` +
    `so the file reads as one line and no row can be read; convert the line ends to line feeds: tr '\\r' '\\n' < ${file} > ${file.replace(/\.csv$/, '-lf.csv')} [SLA4051]\n` +
    'slac: no report: the input has 1 error.\n'
  );
}

const JOBS = ['1', '2', '3'];

describe('slac check: a CR-only CSV ticket log', () => {
  const logs = {
    'LF turned to CR': write('cr.csv', lfLog.replaceAll('\n', '\r')),
    'CRLF with its LFs deleted': write('crcr.csv', crlfLog.replaceAll('\n', '')),
    'longer than the longest line a reader reads (1 MiB)': write('big-cr.csv', [lfHeader, ...Array.from({ length: 12 }, () => lfRows.join('\r'))].join('\r')),
  };
  it.each(Object.entries(logs))('%s: refused once, with the command that converts it, at --jobs 1, 2 and 3', (_name, file) => {
    for (const jobs of JOBS) {
      const result = slac(['check', agreement, file, '--jobs', jobs]);
      expect({ jobs, ...result }).toEqual({ jobs, code: 2, stdout: '', stderr: refusal(file) });
    }
  });

  it('is refused in the JSON report too, as an error of the whole log', () => {
    const result = slac(['check', agreement, logs['LF turned to CR'], '--format', 'json', '--skip-invalid']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[SLA4051]');
  });

  it('an outage log is refused alike', () => {
    const file = write('outages-cr.csv', lfOutages.replaceAll('\n', '\r'));
    write('lf.csv', lfLog);
    for (const jobs of JOBS) {
      const result = slac(['check', agreement, 'lf.csv', '--outages', file, '--jobs', jobs]);
      expect({ jobs, ...result }).toEqual({ jobs, code: 2, stdout: '', stderr: refusal(file) });
    }
  });

  it('the command it gives converts the log into one that is read', () => {
    const converted = write('cr-lf.csv', readFileSync(join(folder, logs['LF turned to CR']), 'utf8').replaceAll('\r', '\n'));
    const lf = slac(['check', agreement, write('lf.csv', lfLog)]);
    expect(slac(['check', agreement, converted])).toEqual(lf);
  });
});

describe('slac check: CRs that are not line ends', () => {
  const reference = () => slac(['check', agreement, write('lf.csv', lfLog)]);
  it.each([
    // A lone CR in the header line of a CRLF file: the file has line feeds, so it is no CR-only file; the column name is trimmed.
    ['a lone CR in the header line of a CRLF file', 'lone-cr-header.csv', crlfLog.replace('ticket,time,', 'ticket,time\r,')],
    ['CRLF line ends', 'crlf.csv', crlfLog],
  ])('%s: read as the LF log, at --jobs 1, 2 and 3', (_name, name, text) => {
    const expected = reference();
    const file = write(name, text);
    for (const jobs of JOBS) expect({ jobs, ...slac(['check', agreement, file, '--jobs', jobs]) }).toEqual({ jobs, ...expected });
  });

  it('a CR inside a quoted field of a row: read, with the field as it is, at --jobs 1, 2 and 3', () => {
    const rows = lfRows.map((row, index) => (row === '' ? row : `${row},${index === 0 ? '"line one\rline two"' : ''}`));
    const file = write('quoted-cr.csv', [`${lfHeader},note`, ...rows].join('\n'));
    const one = slac(['check', agreement, file, '--jobs', '1']);
    expect(one.stderr).not.toContain('SLA4051');
    expect(one.stdout).toBe(reference().stdout);
    for (const jobs of JOBS) expect({ jobs, ...slac(['check', agreement, file, '--jobs', jobs]) }).toEqual({ jobs, ...one });
  });
});

describe('slac import: a CR-only CSV table', () => {
  const fixtures = join(repoRoot, 'test', 'import', 'fixtures', 'zendesk-tables');
  /** The Zendesk warehouse tables of the import fixtures, with `table` written as `convert` makes it. */
  function tables(name: string, table: string, convert: (text: string) => string): string {
    const tablesFolder = join(folder, name);
    cpSync(fixtures, tablesFolder, { recursive: true });
    writeFileSync(join(tablesFolder, table), convert(readFileSync(join(fixtures, table), 'utf8')));
    return name;
  }

  it.each([
    ['ticket_field_history.csv', 'LF turned to CR', (text: string) => text.replaceAll('\n', '\r')],
    ['ticket.csv', 'CRLF with its LFs turned to CRs (CR CR)', (text: string) => text.replaceAll('\n', '\r\r')],
    // Excel for Mac writes a line break inside a cell as LF, inside quotes: the lines still end in CR.
    ['ticket_comment.csv', 'CR line ends, an LF inside a quoted comment', (text: string) => text.replace(/\n(?=\d+,)/g, '\r').replace(/\n$/, '\r')],
  ])('%s (%s): refused, named, with the command that converts it where it is', (table, _how, convert) => {
    const name = tables(`cr-${table}`, table, convert);
    const shown = `${name}/${table}`;
    const result = slac(['import', 'zendesk-tables', name, '-o', `${name}.ndjson`]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `slac: ${shown}:1: the lines end in a bare carriage return (CR only, as classic Mac OS and Excel for Mac's "CSV (Macintosh)" write them), ` +
        `so the file reads as one line and no row can be read; convert the line ends to line feeds: tr '\\r' '\\n' < ${shown} > ${shown}.lf && mv ${shown}.lf ${shown}.\n`,
    });
  });

  it('a table converted with that command is imported as the original', () => {
    const original = slac(['import', 'zendesk-tables', tables('lf', 'ticket.csv', (text) => text), '-o', 'lf.ndjson']);
    const name = tables('converted', 'ticket_field_history.csv', (text) => text.replaceAll('\n', '\r').replaceAll('\r', '\n'));
    const converted = slac(['import', 'zendesk-tables', name, '-o', 'converted.ndjson']);
    expect(converted.code).toBe(original.code);
    expect(readFileSync(join(folder, 'converted.ndjson'), 'utf8')).toBe(readFileSync(join(folder, 'lf.ndjson'), 'utf8'));
  });

  it('a CR inside a quoted comment of a CRLF table is no line end: imported as the original', () => {
    const original = slac(['import', 'zendesk-tables', tables('lf2', 'ticket.csv', (text) => text), '-o', 'lf2.ndjson']);
    const name = tables('quoted-cr', 'ticket_comment.csv', (text) => text.replace('down.\nPlease', 'down.\rPlease').replace(/\n(?=\d+,)/g, '\r\n'));
    const result = slac(['import', 'zendesk-tables', name, '-o', 'quoted-cr.ndjson']);
    expect(result.stderr).not.toContain('carriage return');
    expect(result.code).toBe(original.code);
    expect(readFileSync(join(folder, 'quoted-cr.ndjson'), 'utf8')).toBe(readFileSync(join(folder, 'lf2.ndjson'), 'utf8'));
  });
});
