import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter } from '../../runtime/log/csv-records.js';
import { MAX_VALUE_LENGTH, TableRecordSplitter, type TableRecordProblem } from '../../import/table-records.js';

/**
 * The CSV splitter of warehouse tables: it reads what runtime/log's
 * `CsvRecordSplitter` reads, record for record and line for line, in any
 * chunking; and it reads past the values of columns not kept however long
 * they are, while a kept value too long is one problem naming its field.
 */

/** Feeds text in chunks of `size` characters, to cross every chunk boundary. */
function feed(parser: { push(chunk: string): void; end(): void }, text: string, size: number): void {
  for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size));
  parser.end();
}

/** The records and problems of `text`, keeping from the second record on only the fields `kept` names. */
function tableRecords(text: string, size = 1e9, kept?: number[]): { records: [number, string[]][]; problems: TableRecordProblem[] } {
  const records: [number, string[]][] = [];
  const problems: TableRecordProblem[] = [];
  const splitter = new TableRecordSplitter({
    record: (fields, line) => {
      if (records.length === 0 && kept !== undefined) splitter.keep((index) => kept.includes(index));
      records.push([line, fields]);
    },
    problem: (problem) => problems.push(problem),
  });
  feed(splitter, text, size);
  return { records, problems };
}

function logRecords(text: string): { records: [number, string[]][]; problems: { line: number }[] } {
  const records: [number, string[]][] = [];
  const problems: { line: number }[] = [];
  feed(new CsvRecordSplitter((fields, line) => records.push([line, fields]), (problem) => problems.push({ line: problem.line })), text, 1e9);
  return { records, problems };
}

const SIZES = [1, 2, 3, 4, 7, 1e9];

describe('TableRecordSplitter reads CSV as the log reader does', () => {
  const texts: [string, string][] = [
    ['plain fields', 'a,b,c\n1,2,3\n'],
    ['quoted commas', 'a,"b,c",d\n'],
    ['doubled quotes', '"say ""hi""",x\n'],
    ['empty and quoted empty fields', ',"",x,\n'],
    ['CRLF endings', 'a,b\r\nc,d\r\n'],
    ['CRLF after a quoted field', 'a,"b"\r\nc,"d"\r\n'],
    ['a BOM before the header', '\uFEFFticket,time\n'],
    ['a quoted newline', 'a,"line 1\nline 2",b\nc,d,e\n'],
    ['a quoted CRLF inside a field', 'a,"x\r\ny"\r\n'],
    ['blank lines skipped', 'a\n\n\nb\n'],
    ["a spreadsheet's empty rows and lines of blanks skipped", 'a,b\n,\n , \n\t,,\n   \nc,d\n,x\n\r\n'],
    ['no final newline', 'a,b'],
    ['no final newline after a comma', 'a,b,'],
    ['no final newline after a quoted field', 'a,"b"'],
    ['no final newline after CRLF-less CR', 'a,b\r'],
    ['the line each record starts on, after quoted newlines', 'h1,h2\n"a\nb\nc",x\ny,z\n'],
    ['text after a closing quote, then a good row', 'a,"b"c,d\ne,f\n'],
    ['a return then text after a closing quote', 'a,"b"\rc\ne,f\n'],
    ['a quote inside an unquoted field', 'a,b"c\nd,e\n'],
    ['an unclosed quote at the end of the file', 'a,b\n"c,d\ne\n'],
  ];
  it.each(texts)('%s, in chunks of every size', (_name, text) => {
    const expected = logRecords(text);
    for (const size of SIZES) {
      const { records, problems } = tableRecords(text, size);
      expect(records).toEqual(expected.records);
      expect(problems.map((problem) => ({ line: problem.line }))).toEqual(expected.problems);
    }
  });

  it('says which lines an unclosed quote leaves unread', () => {
    for (const size of SIZES) {
      expect(tableRecords('a,b\n"c,d\ne\n', size).problems.map((problem) => problem.reason)).toEqual(['a quoted field is not closed before the end of the file (line 3): lines 2-3 are not read']);
      expect(tableRecords('a,b\n"c,d\ne', size).problems.map((problem) => problem.reason)).toEqual(['a quoted field is not closed before the end of the file (line 3): lines 2-3 are not read']);
    }
  });
});

describe('TableRecordSplitter holds only the columns kept', () => {
  it('reads past a value of a column not kept, however long, and keeps the line count', () => {
    const long = `${'x'.repeat(MAX_VALUE_LENGTH)}\n${'y'.repeat(MAX_VALUE_LENGTH)}`;
    const text = `id,body,status\n1,"${long}",open\n2,${'z'.repeat(2 * MAX_VALUE_LENGTH)},solved\n3,short,new\n`;
    for (const size of [1 << 16, 1e9]) {
      const { records, problems } = tableRecords(text, size, [0, 2]);
      expect(problems).toEqual([]);
      expect(records).toEqual([
        [1, ['id', 'body', 'status']],
        [2, ['1', '', 'open']],
        [4, ['2', '', 'solved']],
        [5, ['3', '', 'new']],
      ]);
    }
  });

  it('gives up a kept value longer than MAX_VALUE_LENGTH as one problem naming the field and its length, with the other values', () => {
    const text = `id,status,body\n1,"${'s'.repeat(MAX_VALUE_LENGTH + 1)}",b\n2,open,b\n`;
    const { records, problems } = tableRecords(text, 1 << 16, [0, 1]);
    expect(records.map(([line]) => line)).toEqual([1, 3]);
    expect(problems).toEqual([
      { line: 2, reason: `field 2 holds ${MAX_VALUE_LENGTH + 1} characters, more than the ${MAX_VALUE_LENGTH} a value may have`, longField: { index: 1, length: MAX_VALUE_LENGTH + 1 }, fields: ['1', '', ''] },
    ]);
  });

  it('keeps a value of exactly MAX_VALUE_LENGTH characters', () => {
    const value = 'v'.repeat(MAX_VALUE_LENGTH);
    const { records, problems } = tableRecords(`id,status\n1,"${value}"\n`, 1 << 16, [0, 1]);
    expect(problems).toEqual([]);
    expect(records[1]![1][1]).toBe(value);
  });
});
