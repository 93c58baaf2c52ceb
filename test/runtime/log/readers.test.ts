import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter, parseQuotedRecord, type CsvProblem } from '../../../runtime/log/csv-records.js';
import { LineSplitter } from '../../../runtime/log/line-splitter.js';
import { csvRowParser, ndjsonRowParser, type LogShape } from '../../../runtime/log/log-rows.js';
import type { LogError } from '../../../runtime/log/log-error.js';
import { OUTAGE_LOG_SHAPE } from '../../../runtime/log/outage-log.js';
import { TICKET_LOG_SHAPE } from '../../../runtime/log/ticket-log.js';

/** Feeds text in chunks of `size` characters, to cross every chunk boundary. */
function feed(parser: { push(chunk: string): void; end(): void }, text: string, size: number): void {
  for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size));
  parser.end();
}

function csvRecords(text: string, size = 1e9): { records: [number, string[]][]; problems: CsvProblem[] } {
  const records: [number, string[]][] = [];
  const problems: CsvProblem[] = [];
  feed(new CsvRecordSplitter((fields, line) => records.push([line, fields]), (problem) => problems.push(problem)), text, size);
  return { records, problems };
}

describe('LineSplitter', () => {
  it.each([1, 2, 3, 7, 1000])('splits LF and CRLF lines in chunks of %i and drops a BOM', (size) => {
    const lines: [number, string][] = [];
    feed(new LineSplitter((text, line) => lines.push([line, text])), '\uFEFFa,b\r\n\r\nc\nlast', size);
    expect(lines).toEqual([[1, 'a,b'], [2, ''], [3, 'c'], [4, 'last']]);
  });

  it('keeps a BOM that is not at the start of the file', () => {
    const lines: string[] = [];
    feed(new LineSplitter((text) => lines.push(text)), 'a\n\uFEFFb\n', 1);
    expect(lines).toEqual(['a', '\uFEFFb']);
  });
});

describe('CSV records (RFC 4180)', () => {
  const table: [string, string, string[][]][] = [
    ['plain fields', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['quoted commas', 'a,"b,c",d\n', [['a', 'b,c', 'd']]],
    ['doubled quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['empty and quoted empty fields', ',"",x,\n', [['', '', 'x', '']]],
    ['CRLF endings', 'a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
    ['a BOM before the header', '\uFEFFticket,time\n', [['ticket', 'time']]],
    ['a quoted newline', 'a,"line 1\nline 2",b\nc,d,e\n', [['a', 'line 1\nline 2', 'b'], ['c', 'd', 'e']]],
    ['a quoted CRLF inside a field', 'a,"x\r\ny"\r\n', [['a', 'x\ny']]],
    ['blank lines skipped', 'a\n\n\nb\n', [['a'], ['b']]],
    ["a spreadsheet's empty rows (empty cells only) and lines of blanks skipped", 'a,b\n,\n , \n\t,,\n   \nc,d\n,x\n', [['a', 'b'], ['c', 'd'], ['', 'x']]],
    ['no final newline', 'a,b', [['a', 'b']]],
  ];
  it.each(table)('%s', (_name, text, expected) => {
    for (const size of [1, 4, 1e9]) {
      const { records, problems } = csvRecords(text, size);
      expect(problems).toEqual([]);
      expect(records.map(([, fields]) => fields)).toEqual(expected);
    }
  });

  it('reports the line each record starts on, after quoted newlines', () => {
    const { records } = csvRecords('h1,h2\n"a\nb\nc",x\ny,z\n');
    expect(records.map(([line]) => line)).toEqual([1, 2, 5]);
  });

  it.each([
    ['text after a closing quote', 'a,"b"c\n', 1, /after its closing quote/],
    ['a quote inside an unquoted field', 'a,b"c\n', 1, /does not start with one/],
    ['an unclosed quote at the end of the file', 'a,b\n"c,d\ne\n', 2, /not closed before the end of the file/],
  ])('reports %s', (_name, text, line, reason) => {
    const { problems } = csvRecords(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(line);
    expect(problems[0]!.reason).toMatch(reason);
  });

  it('parses a record with quotes directly', () => {
    expect(parseQuotedRecord('"a",b')).toEqual(['a', 'b']);
    expect(parseQuotedRecord('"a')).toBe('unterminated');
  });
});

const shape: LogShape = { keys: ['ticket', 'time', 'event'], required: ['ticket', 'time', 'event'] };

function rows(kind: 'csv' | 'ndjson', text: string, size = 1e9, rowShape = shape): { rows: [number, Record<string, unknown>][]; problems: [LogError, boolean][] } {
  const result = { rows: [] as [number, Record<string, unknown>][], problems: [] as [LogError, boolean][] };
  const handler = {
    row: (values: Record<string, unknown>, line: number) => result.rows.push([line, { ...values }]),
    problem: (error: LogError, fatal = false) => result.problems.push([error, fatal]),
  };
  feed(kind === 'csv' ? csvRowParser('log.csv', rowShape, handler) : ndjsonRowParser('log.ndjson', rowShape, handler), text, size);
  return result;
}

describe('CSV rows', () => {
  it('maps columns by the header, in any order and case', () => {
    const result = rows('csv', 'Event, TIME ,ticket\ncreated,2026-01-01T00:00Z,T-1\n');
    expect(result.rows).toEqual([[2, { event: 'created', time: '2026-01-01T00:00Z', ticket: 'T-1' }]]);
  });

  it('warns once about an unknown column', () => {
    const result = rows('csv', 'ticket,time,event,subject\nT,t,e,s\nT,t,e,s\n');
    expect(result.problems.map(([error, fatal]) => [error.code, error.line, error.key, error.severity, fatal])).toEqual([['SLA4011', 1, 'subject', 'warning', false]]);
    expect(result.rows).toHaveLength(2);
  });

  it('stops at a header without a required column', () => {
    const result = rows('csv', 'ticket,event\nT,created\n');
    expect(result.problems.map(([error, fatal]) => [error.code, error.line, error.key, fatal])).toEqual([['SLA4013', 1, 'time', true]]);
    expect(result.rows).toEqual([]);
  });

  it.each([
    ['text after a closing quote', '"ticket","time","event"x\nT1,t,created\nT2,t,created\n', 'field 3 has text after its closing quote'],
    ['quoted names separated by semicolons', '"ticket";"time";"event"\n1001;t;created\n', 'field 1 has text after its closing quote; double a quote inside a quoted field (""); the columns look separated by semicolons: a CSV log separates them with commas'],
    ['a quote inside a name', 'ticket,ti"me,event\nT1,t,created\n', 'field 2 has a quote but does not start with one'],
    ['a quoted name not closed', '"ticket,time,event\nT1,t,created\n', 'a quoted field is not closed before the end of the file'],
  ])('stops at a header that cannot be read, at its own line: %s', (_name, text, reason) => {
    for (const size of [1e9, 3]) {
      const result = rows('csv', `\n${text}`, size);
      expect(result.problems.map(([error, fatal]) => [error.code, error.line, error.key, fatal])).toEqual([['SLA4013', 2, undefined, true]]);
      expect(result.problems[0]![0].message).toContain(`the header row cannot be read, so no row can be: ${reason}`);
      expect(result.rows).toEqual([]);
    }
  });

  it.each([
    ['an outage log as the ticket log', TICKET_LOG_SHAPE, 'start,end,kind\n', [['SLA4048', undefined, 'error', true]]],
    ['one with a ticket column too', TICKET_LOG_SHAPE, 'start,end,kind,ticket\n', [['SLA4048', undefined, 'error', true]]],
    ['a ticket log as the outage log', OUTAGE_LOG_SHAPE, 'Ticket,Time,Event,Severity\n', [['SLA4048', undefined, 'error', true]]],
    ['a ticket log with outage columns as well: it is a ticket log', TICKET_LOG_SHAPE, 'ticket,time,event,start,end,kind\n', [['SLA4011', 'start', 'warning', false], ['SLA4011', 'end', 'warning', false], ['SLA4011', 'kind', 'warning', false]]],
    ['only part of the outage columns: the usual errors', TICKET_LOG_SHAPE, 'ticket,start,end\n', [['SLA4011', 'start', 'warning', false], ['SLA4011', 'end', 'warning', false], ['SLA4013', 'time', 'error', true], ['SLA4013', 'event', 'error', true]]],
  ])('a header of the other kind of log: %s', (_, rowShape, text, expected) => {
    const result = rows('csv', text, 1e9, rowShape);
    expect(result.problems.map(([error, fatal]) => [error.code, error.key, error.severity, fatal])).toEqual(expected);
  });

  it.each([
    ['csv', 'tickt,time,event\n', 'tickt', "; did you mean 'ticket'?"],
    ['csv', 'ticket,time,event,serverity\n', 'serverity', "; did you mean 'severity'?"],
    ['ndjson', '{"Ticket":"T-1","time":"t","event":"created"}\n', 'Ticket', "; did you mean 'ticket'?"],
    ['ndjson', '{"ticket":"T-1","time":"t","event":"created","subject":"x"}\n', 'subject', ' are read)'],
  ] as const)('an unknown key near a log key (%s %j): a did-you-mean', (kind, text, key, tail) => {
    const warning = rows(kind, text, 1e9, TICKET_LOG_SHAPE).problems.find(([error]) => error.code === 'SLA4011')![0];
    expect(warning.key).toBe(key);
    expect(warning.message.endsWith(tail)).toBe(true);
  });

  it('a key of the other kind of log: its first required key says where that log goes', () => {
    const result = rows('ndjson', '{"start":"a","end":"b","kind":"outage"}\n', 1e9, TICKET_LOG_SHAPE);
    const hints = result.problems.map(([error]) => [error.key, error.message.includes('give it with --outages FILE')]);
    expect(hints).toEqual([['start', true], ['end', false], ['kind', false]]);
  });

  it.each([
    ['the same names', 'ticket,time,event\nT,t,e\nticket,time,event\nT,t,e\n', 3, [2, 4]],
    ['with a byte-order mark, other case and blanks', 'Ticket, Time,event\nT,t,e\n\uFEFFticket,TIME ,Event\n', 3, [2]],
    ['after blank lines and a quoted record', 'ticket,time,event\n\n"T\n2",t,e\nticket,time,event\n', 5, [3]],
  ])('a row that repeats the header (files joined end to end): one error, not one a cell (%s)', (_, text, line, rowLines) => {
    for (const size of [1, 7, 1e9]) {
      const result = rows('csv', text, size);
      expect(result.problems.map(([error, fatal]) => [error.code, error.line, error.key, fatal, error.message])).toEqual([
        ['SLA4049', line, undefined, false, 'the row repeats the header row of line 1, as where two CSV files are joined into one: delete this line'],
      ]);
      expect(result.rows.map(([rowLine]) => rowLine)).toEqual(rowLines);
    }
  });

  it.each([
    ['a header name as a value, not the whole header', 'ticket,time,event\nticket,time,created\n'],
    ['a row of the header names less one', 'ticket,time,event\nticket,time,\n'],
  ])('a row that only looks like the header is a row (%s)', (_, text) => {
    const result = rows('csv', text);
    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(1);
  });

  it('stops at a column named twice', () => {
    const result = rows('csv', 'ticket,time,event,time\n');
    expect(result.problems.map(([error, fatal]) => [error.code, error.key, fatal])).toEqual([['SLA4023', 'time', true]]);
  });

  it('reports a row with the wrong number of fields', () => {
    const result = rows('csv', 'ticket,time,event\nT,t\nT,t,e\n');
    expect(result.problems.map(([error]) => [error.code, error.line])).toEqual([['SLA4013', 2]]);
    expect(result.rows.map(([line]) => line)).toEqual([3]);
  });
});

describe('NDJSON rows', () => {
  it('skips blank lines but counts them', () => {
    const text = '{"ticket":"T","time":"t","event":"created"}\n\n   \r\n{"ticket":"U","time":"t","event":"created"}\r\n';
    for (const size of [1, 5, 1e9]) {
      expect(rows('ndjson', text, size).rows.map(([line, row]) => [line, row.ticket])).toEqual([[1, 'T'], [4, 'U']]);
    }
  });

  it('reports a line that is not JSON, or not an object, and goes on', () => {
    const result = rows('ndjson', '{"ticket":\n[1,2]\n42\n{"ticket":"T","time":"t","event":"e"}\n');
    expect(result.problems.map(([error]) => [error.code, error.line])).toEqual([['SLA4012', 1], ['SLA4012', 2], ['SLA4012', 3]]);
    expect(result.rows.map(([line]) => line)).toEqual([4]);
  });

  it('names a byte-order mark that starts a line (files joined end to end) instead of an unexpected token', () => {
    const result = rows('ndjson', '{"ticket":"T","time":"t","event":"e"}\n\uFEFF{"ticket":"U","time":"t","event":"e"}\n');
    expect(result.problems.map(([error]) => [error.code, error.line, error.message])).toEqual([
      ['SLA4012', 2, 'not a JSON object: the line starts with a byte-order mark (U+FEFF, invisible in most editors), which belongs only at the start of a file, as where two files are joined into one: delete the mark'],
    ]);
    expect(rows('ndjson', '\uFEFF{"ticket":"T","time":"t","event":"e"}\n').problems).toEqual([]);
  });

  it('warns once per unknown key', () => {
    const result = rows('ndjson', '{"ticket":"T","time":"t","event":"e","subject":"x"}\n{"ticket":"T","time":"t","event":"e","subject":"y"}\n');
    expect(result.problems.map(([error]) => [error.code, error.line, error.key])).toEqual([['SLA4011', 1, 'subject']]);
  });
});
