import { describe, expect, it } from 'vitest';
import { TableRecordSplitter } from '../../../import/table-records.js';
import { CrOnlyLineScan, crToLfCommand, refusingCrOnly, type CrOnlySyntax } from '../../../runtime/log/cr-only-lines.js';
import { MAX_LINE_LENGTH } from '../../../runtime/log/line-splitter.js';
import type { LogError } from '../../../runtime/log/log-error.js';
import { csvByteRowParser, csvRowParser, ndjsonByteRowParser, ndjsonRowParser, type LogShape } from '../../../runtime/log/log-rows.js';

/**
 * Which CSV files are CR-only (lines ending in a bare carriage return, as
 * classic Mac OS and Excel for Mac's "CSV (Macintosh)" write them) and so
 * refused with SLA4051, and which are read as they always were: the rule
 * looks at the header line only, up to its first line feed outside quotes.
 */
const CASES: [name: string, text: string, crOnly: boolean][] = [
  ['LF', 'ticket,time,event\nT-1,2026-01-05T08:00:00Z,created\n', false],
  ['CRLF', 'ticket,time,event\r\nT-1,2026-01-05T08:00:00Z,created\r\n', false],
  ['CR only', 'ticket,time,event\rT-1,2026-01-05T08:00:00Z,created\r', true],
  ['CR only, no CR after the last row', 'ticket,time,event\rT-1,2026-01-05T08:00:00Z,created', true],
  ['CR only, blank lines before the header', '\r\rticket,time,event\rT-1,2026-01-05T08:00:00Z,created\r', true],
  ['CR only, a CRLF file with its LFs deleted (CR CR between lines)', 'ticket,time,event\r\rT-1,2026-01-05T08:00:00Z,created\r\r', true],
  ['CR only, a quoted cell holding a line feed (Excel for Mac)', 'ticket,time,event,note\rT-1,2026-01-05T08:00:00Z,created,"two\nlines"\r', true],
  ['CR only, a row starting with a quoted field', 'ticket,time,event\r"T-1",2026-01-05T08:00:00Z,created\r', true],
  ['CR only, a byte-order mark first', '\uFEFFticket,time,event\rT-1,2026-01-05T08:00:00Z,created\r', true],
  ['CR only, a header with a quoted column name', '"ticket",time,event\rT-1,2026-01-05T08:00:00Z,created\r', true],
  ['a header line alone, ending in CR', 'ticket,time,event\r', false],
  ['a header line alone, ending in CR CR', 'ticket,time,event\r\r', false],
  ['a header line alone, without a line end', 'ticket,time,event', false],
  ['an empty file', '', false],
  ['a lone CR in a row of a CRLF file', 'ticket,time,event\r\nT-1,2026-01-05T08:00:00Z\r,created\r\n', false],
  ['a lone CR in a row of an LF file', 'ticket,time,event\nT-1\r,2026-01-05T08:00:00Z,created\n', false],
  ['a lone CR in the header line of a CRLF file', 'ticket,time\r,event\r\nT-1,2026-01-05T08:00:00Z,created\r\n', false],
  ['a CR inside a quoted field of a row', 'ticket,time,event,note\nT-1,2026-01-05T08:00:00Z,created,"a\rb"\n', false],
  ['a CR inside a quoted field of the header line', 'ticket,time,event,"no\rte"\nT-1,2026-01-05T08:00:00Z,created,x\n', false],
  ['a one-line file whose quoted field holds a CR', 'ticket,time,event,"no\rte"', false],
  ['a quoted header field holding CR and LF, then LF lines', '"tic\r\nket",time,event\nT-1,2026-01-05T08:00:00Z,created\n', false],
  ['CR CR LF line ends', 'ticket,time,event\r\r\nT-1,2026-01-05T08:00:00Z,created\r\r\n', false],
  ['blank CRLF lines before an LF header', '\r\n\r\nticket,time,event\nT-1,2026-01-05T08:00:00Z,created\n', false],
];

/**
 * The same for NDJSON logs. A JSON line may hold a CR only as whitespace
 * (inside an object, or at its end) or, against the rules, raw inside a
 * string: neither is a line end. A CR between two rows is.
 */
const ROW = '{"ticket":"T-1","time":"2026-01-05T08:00:00Z","event":"created"}';
const NDJSON_CASES: [name: string, text: string, crOnly: boolean][] = [
  ['LF', `${ROW}\n${ROW}\n`, false],
  ['CRLF', `${ROW}\r\n${ROW}\r\n`, false],
  ['CR only', `${ROW}\r${ROW}\r`, true],
  ['CR only, no CR after the last row', `${ROW}\r${ROW}`, true],
  ['CR only, blank lines first', `\r\r${ROW}\r${ROW}\r`, true],
  ['CR only, a CRLF file with its LFs deleted (CR CR between lines)', `${ROW}\r\r${ROW}\r\r`, true],
  ['CR only, blanks around the line ends', `${ROW} \r\t${ROW}\r`, true],
  ['CR only, a byte-order mark first', `\uFEFF${ROW}\r${ROW}\r`, true],
  ['CR only, an escaped quote and backslash in a string', `{"ticket":"T\\"1\\\\","note":"{["}\r${ROW}\r`, true],
  ['CR only, a nested object', `{"ticket":"T-1","x":{"y":[1,{"z":2}]}}\r${ROW}\r`, true],
  // A first row cut short leaves its brackets open, and every later CR inside it: the whole rows after a CR tell.
  ['CR only, the first row cut short after a key', `{"ticket":\r${ROW}\r${ROW}\r`, true],
  ['CR only, the first row cut short inside a string', `{"ticket":"T-\r${ROW}\r${ROW}\r`, true],
  ['CR only, the first row cut short after a comma, no CR at the end', `{"ticket":"T-1",\r${ROW}\r${ROW}`, true],
  ['CR only, the text opening a list that never closes', `{"rows":[\r${ROW}\r${ROW}\r`, true],
  ['one row cut short, ending in CR', `{"ticket":"T-1",\r`, false],
  ['one row cut short, a CR inside it', `{"ticket":\r"T-1",\r"time":"2026`, false],
  ['one value whose CRs stand around a whole object', '{"ticket":"T-1","x":\r{"y":1}\r}', false],
  ['one row ending in CR', `${ROW}\r`, false],
  ['one row ending in CR CR and blanks', `${ROW}\r\r \t`, false],
  ['one row without a line end', ROW, false],
  ['an empty file', '', false],
  ['one row with a CR as whitespace inside it', '{"ticket":\r"T-1",\r"time":"2026-01-05T08:00:00Z","event":"created"}', false],
  ['one row with a raw CR inside a string', '{"ticket":"T-1","note":"a\rb"}', false],
  ['CR only, a raw CR inside a string', `{"ticket":"T-1","note":"a\rb"}\r${ROW}\r`, true],
  ['a raw CR inside a string of an LF file', `{"ticket":"T-1","note":"a\rb"}\n${ROW}\n`, false],
  ['an escaped CR inside a string of an LF file', `{"ticket":"T-1","note":"a\\rb"}\n${ROW}\n`, false],
  ['a lone CR in the first line of an LF file', `${ROW}\r${ROW}\n${ROW}\n`, false],
  ['a lone CR in a row of an LF file', `${ROW}\n${ROW}\r ${ROW}\n`, false],
  ['a lone CR in a row of a CRLF file', `${ROW}\r\n{"ticket":\r"T-1"}\r\n`, false],
];

/**
 * Whether the first line joins rows by CRs, however it ends: a first line
 * that ends in a line feed is no CR-only file (the rows after it are read),
 * but its error says what its CRs are (SLA4012).
 */
const JOINED_FIRST_LINES: [name: string, text: string, joinsRows: boolean][] = [
  ['CR only, a line feed at the end', `${ROW}\r${ROW}\r\n`, true],
  ['CR-joined rows, then LF lines', `${ROW}\r${ROW}\n${ROW}\n`, true],
  ['CR-joined rows after a row cut short, then a line feed', `{"ticket":"T-\r${ROW}\r${ROW}\n`, true],
  ['CRLF', `${ROW}\r\n${ROW}\r\n`, false],
  ['a CR as whitespace inside the first row of an LF file', '{"ticket":\r"T-1"}\n', false],
  ['a raw CR inside a string of an LF file', `{"ticket":"T-1","note":"a\rb"}\n${ROW}\n`, false],
  ['a row cut short in an LF file', `{"ticket":"T-1",\n${ROW}\n`, false],
];

/** The scan's verdict on `text`, given in chunks of `size` characters (as text, or as UTF-8 bytes). */
function verdictOf(text: string, size: number, as: 'text' | 'bytes', syntax: CrOnlySyntax = 'csv'): boolean {
  const scan = new CrOnlyLineScan(syntax);
  const chunks = as === 'text' ? text : Buffer.from(text, 'utf8');
  for (let at = 0; at < chunks.length; at += size) {
    const chunk = chunks.slice(at, at + size);
    const verdict = typeof chunk === 'string' ? scan.pushText(chunk) : scan.pushBytes(chunk);
    if (verdict !== undefined) return verdict;
  }
  return scan.end();
}

describe('which NDJSON files are CR-only', () => {
  it.each(NDJSON_CASES)('%s', (_name, text, crOnly) => {
    for (const size of [1, 2, 7, 1 << 16]) {
      expect({ size, text: verdictOf(text, size, 'text', 'ndjson') }).toEqual({ size, text: crOnly });
      expect({ size, bytes: verdictOf(text, size, 'bytes', 'ndjson') }).toEqual({ size, bytes: crOnly });
    }
  });

  it.each(JOINED_FIRST_LINES)('%s: whether the first line joins rows', (_name, text, joinsRows) => {
    for (const size of [1, 7, 1 << 16]) {
      const scan = new CrOnlyLineScan('ndjson');
      for (let at = 0; at < text.length && scan.pushText(text.slice(at, at + size)) === undefined; at += size);
      scan.end();
      expect({ size, joinsRows: scan.joinsRows }).toEqual({ size, joinsRows });
    }
  });

  it('decides a first line longer than a reader reads: CR-only if a CR ended a line in it', () => {
    const rows = `${ROW}\r`.repeat(Math.ceil(MAX_LINE_LENGTH / ROW.length));
    expect(verdictOf(rows, 1 << 16, 'bytes', 'ndjson')).toBe(true);
    expect(verdictOf(`{"ticket":"T-\r${rows}`, 1 << 16, 'bytes', 'ndjson')).toBe(true);
    expect(verdictOf(`{"note":"${'x'.repeat(MAX_LINE_LENGTH + 10)}"}`, 1 << 16, 'bytes', 'ndjson')).toBe(false);
  });
});

describe('which CSV files are CR-only', () => {
  it.each(CASES)('%s', (_name, text, crOnly) => {
    for (const size of [1, 2, 7, 1 << 16]) {
      expect({ size, text: verdictOf(text, size, 'text') }).toEqual({ size, text: crOnly });
      expect({ size, bytes: verdictOf(text, size, 'bytes') }).toEqual({ size, bytes: crOnly });
    }
  });

  it('decides a header line longer than a reader reads: CR-only if a CR ended a line in it', () => {
    const rows = 'T-1,2026-01-05T08:00:00Z,created\r'.repeat(Math.ceil(MAX_LINE_LENGTH / 30));
    expect(verdictOf(`ticket,time,event\r${rows}`, 1 << 16, 'bytes')).toBe(true);
    // One long line without a CR is not CR-only: the reader says it is too long.
    expect(verdictOf('x'.repeat(MAX_LINE_LENGTH + 10), 1 << 16, 'bytes')).toBe(false);
    expect(verdictOf('x'.repeat(MAX_LINE_LENGTH + 10), 1 << 16, 'text')).toBe(false);
  });
});

const shape: LogShape = { keys: ['ticket', 'time', 'event', 'note'], required: ['ticket', 'time', 'event'] };

/** A log row handler that counts the rows and keeps the problems, and what it gathered. */
function collectingHandler(): { read: { rows: number; problems: LogError[]; fatal: boolean }; handler: { row(): void; problem(error: LogError, fatal?: boolean): void } } {
  const read = { rows: 0, problems: [] as LogError[], fatal: false };
  const handler = {
    row: () => void read.rows++,
    problem: (error: LogError, fatal?: boolean) => {
      read.problems.push(error);
      if (fatal) read.fatal = true;
    },
  };
  return { read, handler };
}

/** What a CSV log reader (on text, or on bytes) hands on of `text`. */
function readLog(text: string, as: 'text' | 'bytes'): { rows: number; problems: LogError[]; fatal: boolean } {
  const { read, handler } = collectingHandler();
  if (as === 'text') {
    const parser = csvRowParser('tickets.csv', shape, handler);
    parser.push(text);
    parser.end();
  } else {
    const parser = csvByteRowParser('tickets.csv', shape, handler);
    parser.push(Buffer.from(text, 'utf8'));
    parser.end();
  }
  return read;
}

describe('a CSV log reader', () => {
  it.each(CASES)('%s: refused as CR-only, or read as before', (_name, text, crOnly) => {
    for (const as of ['text', 'bytes'] as const) {
      const read = readLog(text, as);
      const refused = read.problems.filter((problem) => problem.code === 'SLA4051');
      if (crOnly) {
        // One error, fatal, and nothing else of the file: no row, no column named twice.
        expect({ as, ...read }).toEqual({ as, rows: 0, fatal: true, problems: [expect.objectContaining({ code: 'SLA4051', file: 'tickets.csv', line: 1 })] });
        expect(refused[0]!.message).toContain("the lines end in a bare carriage return (CR only, as classic Mac OS and Excel for Mac's \"CSV (Macintosh)\" write them)");
        expect(refused[0]!.message).toContain("tr '\\r' '\\n' < tickets.csv > tickets-lf.csv");
      } else {
        expect({ as, refused }).toEqual({ as, refused: [] });
      }
    }
  });
});

/** What an NDJSON log reader (on text, or on bytes) hands on of `text`. */
function readNdjsonLog(text: string, as: 'text' | 'bytes'): { rows: number; problems: LogError[]; fatal: boolean } {
  const { read, handler } = collectingHandler();
  const parser = as === 'text' ? ndjsonRowParser('tickets.ndjson', shape, handler) : ndjsonByteRowParser('tickets.ndjson', shape, handler);
  if (as === 'text') (parser as ReturnType<typeof ndjsonRowParser>).push(text);
  else (parser as ReturnType<typeof ndjsonByteRowParser>).push(Buffer.from(text, 'utf8'));
  parser.end();
  return read;
}

describe('an NDJSON log reader', () => {
  it.each(NDJSON_CASES)('%s: refused as CR-only, or read as before', (_name, text, crOnly) => {
    for (const as of ['text', 'bytes'] as const) {
      const read = readNdjsonLog(text, as);
      const refused = read.problems.filter((problem) => problem.code === 'SLA4051');
      if (crOnly) {
        // One error, fatal, and nothing else of the file: no "non-whitespace character after JSON".
        expect({ as, ...read }).toEqual({ as, rows: 0, fatal: true, problems: [expect.objectContaining({ code: 'SLA4051', file: 'tickets.ndjson', line: 1 })] });
        expect(refused[0]!.message).toBe(
          "the lines end in a bare carriage return (CR only, as classic Mac OS wrote them), so the file reads as one line and no row can be read; convert the line ends to line feeds: tr '\\r' '\\n' < tickets.ndjson > tickets-lf.ndjson",
        );
      } else {
        expect({ as, refused }).toEqual({ as, refused: [] });
      }
    }
  });

  it('reads the rows of LF, CRLF and lone-CR files as before', () => {
    expect(readNdjsonLog(`${ROW}\r\n${ROW}\r\n`, 'bytes')).toEqual({ rows: 2, problems: [], fatal: false });
    expect(readNdjsonLog(`${ROW}\r${ROW}\n${ROW}\n`, 'text')).toEqual({ rows: 1, problems: [expect.objectContaining({ code: 'SLA4012', line: 1 })], fatal: false });
  });

  it('says of a first line of CR-joined rows that ends in a line feed what its CRs are, and reads on', () => {
    for (const as of ['text', 'bytes'] as const) {
      const read = readNdjsonLog(`${ROW}\r${ROW}\n${ROW}\n`, as);
      expect({ as, rows: read.rows, codes: read.problems.map((problem) => problem.code) }).toEqual({ as, rows: 1, codes: ['SLA4012'] });
      expect(read.problems[0]!.message).toMatch(
        /^not a JSON object: .*; the line holds rows joined by bare carriage returns \(CR only, as classic Mac OS wrote them\): convert the line ends to line feeds: tr '\\r' '\\n' < tickets\.ndjson > tickets-lf\.ndjson$/,
      );
    }
    // A row cut short in an LF file is no JSON, and no more than that.
    expect(readNdjsonLog(`{"ticket":"T-1",\n${ROW}\n`, 'text').problems[0]!.message).not.toContain('carriage');
    expect(readNdjsonLog(`${ROW}\n{"ticket":\r"T-1"}\n`, 'text')).toEqual({ rows: 2, problems: [], fatal: false });
  });
});

describe('a table reader', () => {
  it('refuses a CR-only table before reading a record of it, and reads the others', () => {
    for (const [name, text, crOnly] of CASES) {
      let records = 0;
      let refused = false;
      const splitter = new TableRecordSplitter({ record: () => void records++, problem: () => undefined });
      const input = refusingCrOnly(splitter, () => (refused = true));
      input.push(text);
      input.end();
      expect({ name, refused }).toEqual({ name, refused: crOnly });
      if (crOnly) expect({ name, records }).toEqual({ name, records: 0 });
    }
  });
});

describe('the command that converts a CR-only file', () => {
  it.each([
    ['tickets.csv', false, "tr '\\r' '\\n' < tickets.csv > tickets-lf.csv"],
    ['logs/q1.tickets.csv', false, "tr '\\r' '\\n' < logs/q1.tickets.csv > logs/q1.tickets-lf.csv"],
    ['my log.csv', false, "tr '\\r' '\\n' < 'my log.csv' > 'my log-lf.csv'"],
    ["it's.csv", false, "tr '\\r' '\\n' < 'it'\\''s.csv' > 'it'\\''s-lf.csv'"],
    ['v1.2/tickets', false, "tr '\\r' '\\n' < v1.2/tickets > v1.2/tickets-lf"],
    ['export/ticket.csv', true, "tr '\\r' '\\n' < export/ticket.csv > export/ticket.csv.lf && mv export/ticket.csv.lf export/ticket.csv"],
  ])('%s (in place: %s)', (file, inPlace, command) => {
    expect(crToLfCommand(file, inPlace)).toBe(command);
  });
});
