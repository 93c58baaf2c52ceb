import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlockScanner, type LineBatch } from '../../../runtime/check/parallel/block-scan.js';
import { csvSplitOf, type CsvSplit } from '../../../runtime/check/parallel/csv-split.js';
import { LineBlocks } from '../../../runtime/check/parallel/line-blocks.js';
import { partitionOf } from '../../../runtime/check/parallel/partition.js';
import { CsvRecordSplitter } from '../../../runtime/log/csv-records.js';
import { TICKET_LOG_SHAPE } from '../../../runtime/log/ticket-log.js';
import { mulberry32 } from '../../../scripts/seeded-random.mjs';

/**
 * A CSV log read on threads (`slac check --jobs N`): the header is read
 * first (csvSplitOf), each later line goes to the partition of its ticket
 * field as the one-thread reader parses it, and a quoted field that runs
 * on past its line makes the log one the threads cannot read (the check
 * is then done on one thread).
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-csv-blocks-'));
let files = 0;

function logFile(text: string | Buffer): string {
  const path = join(folder, `log-${files++}.csv`);
  writeFileSync(path, text);
  return path;
}

const HEADERS: [string, string, { text: string; line: number; ticketColumn: number } | undefined][] = [
  ['a plain header', 'ticket,time,event\nA,x,y\n', { text: 'ticket,time,event', line: 1, ticketColumn: 0 }],
  ['CRLF, and the ticket column last', 'time,event,ticket\r\nx,y,A\r\n', { text: 'time,event,ticket', line: 1, ticketColumn: 2 }],
  ['byte-order marks and empty lines before it', '\ufeff\ufeff\n\r\n\nTime,Ticket,Event\nx,A,y\n', { text: 'Time,Ticket,Event', line: 4, ticketColumn: 1 }],
  ['quoted names, and an unknown column', '"time","mood, today",ticket,event\nx,y,A,z\n', { text: '"time","mood, today",ticket,event', line: 1, ticketColumn: 2 }],
  ['no ticket column', 'time,event\nx,y\n', undefined],
  ['a column named twice', 'ticket,time,event,time\nA,x,y,z\n', undefined],
  ['an outage log', 'start,end,kind\nx,y,z\n', undefined],
  ['a quoted name that runs on', '"ticket,time\nevent"\nA,x\n', undefined],
  ['a header and nothing after it, not even a line ending', 'ticket,time,event', undefined],
  ['an empty file', '', undefined],
  ['a semicolon-delimited header', 'ticket;time;event\nA;x;y\n', undefined],
];

describe('csvSplitOf', () => {
  it.each(HEADERS)('%s', (_, text, expected) => {
    const split = csvSplitOf(logFile(text), 'log.csv', TICKET_LOG_SHAPE);
    if (expected === undefined) return expect(split).toBeUndefined();
    expect(split).toEqual({ header: { text: expected.text, line: expected.line }, ticketColumn: expected.ticketColumn, headerEnd: Buffer.byteLength(text.slice(0, text.indexOf(expected.text) + expected.text.length)) + (text[text.indexOf(expected.text) + expected.text.length] === '\r' ? 2 : 1) });
  });

  it('a header that is not UTF-8', () => {
    expect(csvSplitOf(logFile(Buffer.concat([Buffer.from('ticket,time,event,caf'), Buffer.from([0xe9]), Buffer.from('\nA,x,y,z\n')])), 'log.csv', TICKET_LOG_SHAPE)).toBeUndefined();
  });
});

/** Each record the one-thread reader makes, by the line it starts on. */
function oneThreadRecords(text: string): Map<number, string[]> {
  const records = new Map<number, string[]>();
  const splitter = new CsvRecordSplitter(
    (fields, line) => records.set(line, fields),
    () => undefined,
  );
  splitter.push(text.replace(/^\ufeff+/, ''));
  splitter.end();
  return records;
}

/** The lines each partition reads, scanned in blocks of `blockBytes` (batches read in reverse block order), and whether all could be. */
function partitionLines(
  path: string,
  size: number,
  split: CsvSplit,
  blockBytes: number,
  partitions: number,
): { lines: [number, string][][]; readable: boolean; recordOverLines: (number | undefined)[]; notUtf8: number[] } {
  const fd = openSync(path, 'r');
  try {
    const scanner = new BlockScanner(fd, size, blockBytes, partitions, split);
    const lines = Array.from({ length: partitions }, (): [number, string][] => []);
    const recordOverLines: (number | undefined)[] = lines.map(() => undefined);
    const notUtf8 = lines.map(() => 0);
    const readers = lines.map(
      (seen, partition) =>
        new LineBlocks(
          scanner.blockCount,
          {
            line: (buffer, start, end, line) => seen.push([line, buffer.toString('utf8', start, end)]),
            longLine: (line) => seen.push([line, '(too long)']),
            recordOverLines: (line) => {
              expect(recordOverLines[partition]).toBeUndefined(); // told once
              recordOverLines[partition] = line;
            },
            notUtf8: () => notUtf8[partition]!++,
          },
          partition,
        ),
    );
    const batches: LineBatch[] = [];
    for (let block = 0; block < scanner.blockCount; block++) batches.push(scanner.scan(block, 0));
    for (const batch of batches.reverse()) for (const reader of readers) reader.take(batch);
    return { lines, readable: readers.every((reader) => reader.readable), recordOverLines, notUtf8 };
  } finally {
    closeSync(fd);
  }
}

/** Every line after the header is read by one partition, in file order: its ticket's, as the one-thread reader reads the record. */
function expectOwnedLines(text: string, blockSizes: readonly number[], partitionCounts: readonly number[]): void {
  const path = logFile(text);
  const split = csvSplitOf(path, 'log.csv', TICKET_LOG_SHAPE)!;
  expect(split).toBeDefined();
  const records = oneThreadRecords(text);
  const allLines = text.replace(/^\ufeff+/, '').split('\n');
  const expectedLines = allLines.map((line, index): [number, string] => [index + 1, line.replace(/\r$/, '')]).filter(([number]) => number > split.header.line);
  if (text.endsWith('\n')) expectedLines.pop();
  for (const blockBytes of blockSizes) {
    for (const partitions of partitionCounts) {
      const { lines, readable } = partitionLines(path, Buffer.byteLength(text), split, blockBytes, partitions);
      expect(readable).toBe(true);
      lines.forEach((seen, partition) => {
        expect(seen.map(([number]) => number)).toEqual(seen.map(([number]) => number).sort((a, b) => a - b));
        for (const [number] of seen) {
          const fields = records.get(number);
          // A line that is no record of enough fields is no valid row: any one partition may say so.
          if (fields && fields.length > split.ticketColumn) expect({ number, partition }).toEqual({ number, partition: partitionOf(fields[split.ticketColumn], partitions) });
        }
      });
      expect({ blockBytes, partitions, lines: lines.flat().sort((a, b) => a[0] - b[0]) }).toEqual({ blockBytes, partitions, lines: expectedLines });
    }
  }
}

describe('BlockScanner on a CSV log', () => {
  it('gives each line after the header to its ticket field\'s partition: quotes, commas in quotes, blanks, CRLF, no last line ending', () => {
    const text = [
      '\ufeffmood,ticket,time,event',
      'x,A,1,created',
      '"calm, mostly","B",2,reply',
      '',
      '"say ""hi""",A,3,reply\r',
      ',  A ,4,reply',
      'y,"A",5,reply',
      'z,"C,D",6,created',
      'short',
      'q,é€😀,7,created\r',
      'w,"bad"x,8,reply',
      'v,,9,reply',
      ',"x"',
    ].join('\n');
    expectOwnedLines(text, [1, 2, 3, 7, 16, 64, 1 << 20], [1, 2, 3, 5]);
  });

  it('random logs cut into random blocks', () => {
    const random = mulberry32(777);
    const pieces = ['A,1,created', 'B,2,reply', '" A",3,x', '"A",4,y', 'A ,5,z', '"C,D",6,x', '"x""y",7,z', 'é,8,x', '', 'short', ',9,x', 'E,"a, b",x', 'F,"q""",x'];
    for (let round = 0; round < 25; round++) {
      const rows = Array.from({ length: 1 + Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]! + (random() < 0.3 ? '\r' : ''));
      const text = ['ticket,time,event', ...rows].join('\n') + (random() < 0.5 ? '\n' : '');
      expectOwnedLines(text, [1 + Math.floor(random() * 30), 1 + Math.floor(random() * 300)], [1 + Math.floor(random() * 5)]);
    }
  });

  it('a quoted field that runs on past its line makes the log unreadable on threads, wherever it falls, and every partition is told its first line', () => {
    const texts: [string, number][] = [
      ['ticket,time,event\nA,1,"two\nlines"\nB,2,"x\ny"\n', 2],
      ['ticket,time,event\nA,1,x\nB,2,"open\n', 3],
      ['\ufeff\r\nticket,time,event\r\n"A\r\nB",1,x\r\n', 3],
      ['ticket,time,event\n' + 'A,1,x\n'.repeat(500) + 'B,2,"""\nC,3,y\n', 502],
    ];
    for (const [text, line] of texts) {
      const path = logFile(text);
      const split = csvSplitOf(path, 'log.csv', TICKET_LOG_SHAPE)!;
      expect(split).toBeDefined();
      for (const blockBytes of [1, 5, 100, 1 << 20]) {
        for (const partitions of [1, 2, 3]) {
          const { readable, recordOverLines, notUtf8 } = partitionLines(path, Buffer.byteLength(text), split, blockBytes, partitions);
          expect({ blockBytes, partitions, readable, recordOverLines, notUtf8 }).toEqual({ blockBytes, partitions, readable: false, recordOverLines: recordOverLines.map(() => line), notUtf8: notUtf8.map(() => 0) });
        }
      }
    }
  });

  it('a line that is not UTF-8 makes the log unreadable on threads, wherever it falls, and every partition is told once (the check then stops at once)', () => {
    const texts = [
      Buffer.from('ticket,time,event\nA,1,caf\xe9\nB,2,x\n', 'latin1'),
      Buffer.from('ticket,time,event\n' + 'A,1,x\n'.repeat(500) + 'B,2,\xff\n' + 'C,3,y\n'.repeat(500) + 'D,4,\xfe\n', 'latin1'),
      Buffer.from('ticket,time,event\r\nA,1,"quoted \xe9"\r\n', 'latin1'),
    ];
    for (const bytes of texts) {
      const path = logFile(bytes);
      const split = csvSplitOf(path, 'log.csv', TICKET_LOG_SHAPE)!;
      expect(split).toBeDefined();
      for (const blockBytes of [1, 5, 100, 1 << 20]) {
        for (const partitions of [1, 2, 3]) {
          const { readable, recordOverLines, notUtf8 } = partitionLines(path, bytes.length, split, blockBytes, partitions);
          expect({ blockBytes, partitions, readable, recordOverLines, notUtf8 }).toEqual({ blockBytes, partitions, readable: false, recordOverLines: recordOverLines.map(() => undefined), notUtf8: notUtf8.map(() => 1) });
        }
      }
    }
  });
});
