import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BlockScanner, MAX_LINE_BYTES, type LineBatch } from '../../../runtime/check/parallel/block-scan.js';
import { LineBlocks } from '../../../runtime/check/parallel/line-blocks.js';
import { ByteLineSplitter } from '../../../runtime/log/byte-line-splitter.js';
import { MAX_LINE_LENGTH } from '../../../runtime/log/line-splitter.js';
import { mulberry32 } from '../../../scripts/seeded-random.mjs';
import { leadingTicketOwner, ownerOfLine, quickTicket } from '../../../runtime/check/parallel/line-owner.js';
import { hasPlainEnds, partitionOf } from '../../../runtime/check/parallel/partition.js';

/** Lines whose ticket the quick reader must read as JSON.parse does, or decline (undefined). */
const LINES: [string, string | number | undefined][] = [
  ['{"ticket":"T-1","time":"2026-01-01T00:00:00Z","event":"created"}', 'T-1'],
  ['  { "time" : "x" , "ticket" : "T 2" }\r', 'T 2'],
  ['{"ticket":42,"event":"created"}', 42],
  ['{"ticket":-4.5e3}', -4500],
  ['{"ticket":"a\\"b"}', undefined], // an escape
  ['{"status":"x,","ticket":"y","z":"w"}', 'y'],
  ['{"status":"\\"ticket\\":\\"B\\"","ticket":"A"}', undefined],
  ['{"note":"say \\"ticket\\"","ticket":"A"}', undefined],
  ['{"x":{"ticket":"A"},"ticket":"B"}', undefined], // nested
  ['{"ticket":"A","ticket":"B"}', undefined], // repeated
  ['{"ticket":["A"]}', undefined],
  ['{"ticket":null}', undefined],
  ['{"ticket":true}', undefined],
  ['{"event":"created"}', undefined],
  ['[1,2]', undefined],
  ['x{"ticket":"A"}', undefined],
];

describe('quickTicket', () => {
  it.each(LINES)('%s', (line, expected) => {
    expect(quickTicket(line)).toBe(expected);
    if (expected !== undefined) expect((JSON.parse(line) as { ticket: unknown }).ticket).toBe(expected);
  });
});

describe('partitionOf', () => {
  it('puts the ways of writing one ticket id in one partition', () => {
    for (const partitions of [2, 3, 4, 7]) {
      expect(partitionOf(7, partitions)).toBe(partitionOf('7', partitions));
      expect(partitionOf(' 7 ', partitions)).toBe(partitionOf('7', partitions));
      expect(partitionOf('NW-1001\t', partitions)).toBe(partitionOf('NW-1001', partitions));
    }
  });

  it('spreads ids over every partition', () => {
    const counts = [0, 0, 0, 0];
    for (let id = 0; id < 4000; id++) counts[partitionOf(`T-${id}`, 4)]!++;
    for (const count of counts) expect(count).toBeGreaterThan(800);
  });
});

/** Lines the one-pass owner reads (`{"ticket":"ID"` with a plain id), with their id, or declines (undefined). */
const LEADING_LINES: [string, string | undefined][] = [
  ['{"ticket":"T-1","time":"2026-01-01T00:00:00Z","event":"created"}', 'T-1'],
  ['{"ticket":"NW-1001"}', 'NW-1001'],
  ['{"ticket":"ü-1","event":"reply"}', 'ü-1'],
  ['{"ticket":"a b"}', 'a b'],
  ['{"ticket":"x"', 'x'], // no valid row: any partition would do, this one is the id's
  ['{"ticket":""}', undefined],
  ['{"ticket":" T-1"}', undefined], // a blank at either end: the validator trims
  ['{"ticket":"T-1\t"}', undefined],
  ['{"ticket":"a\\"b"}', undefined], // an escape
  ['{"ticket":"T-1', undefined], // no closing quote
  ['{"ticket":7}', undefined],
  ['{ "ticket":"T-1"}', undefined],
  ['{"Ticket":"T-1"}', undefined],
  ['{"ticket":"', undefined],
];

describe('leadingTicketOwner', () => {
  it.each(LEADING_LINES)('%s', (line, id) => {
    const bytes = Buffer.from(`\n${line}\n`, 'utf8');
    for (const partitions of [1, 2, 3, 5, 8]) {
      const owner = leadingTicketOwner(bytes, 1, bytes.length - 1, partitions);
      // The one pass takes every line of the common shape, and finds the owner `partitionOf` gives its id.
      expect(owner).toBe(id === undefined ? -1 : partitionOf(id, partitions));
      // The general path agrees on every line it can read.
      const general = ownerOfLine(bytes, 1, bytes.length - 1, partitions, -7);
      if (owner !== -1) expect(general).toBe(owner);
    }
  });

  it('finds the owner the general path finds, on many ids', () => {
    const random = mulberry32(77);
    const alphabet = ['a', 'Z', '0', '-', '_', ' ', 'é', '€', '😀', '.', ':'];
    for (let round = 0; round < 2000; round++) {
      const id = Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const bytes = Buffer.from(`{"ticket":"${id}","event":"created"}`, 'utf8');
      const partitions = 2 + Math.floor(random() * 6);
      const owner = leadingTicketOwner(bytes, 0, bytes.length, partitions);
      expect(owner).toBe(id.trim() === id ? partitionOf(id, partitions) : -1);
      expect(ownerOfLine(bytes, 0, bytes.length, partitions, -7)).toBe(partitionOf(id, partitions));
    }
  });
});

describe('ownerOfLine', () => {
  // A log written with a blank line between its rows has as many blank lines as rows: each was parsed, and
  // JSON.parse threw (about 12 µs a line), so that --jobs 2 took 37 s where --jobs 1 took 1.8 s (2,400,000 blank lines).
  it('gives a line that cannot hold a JSON object to the fallback partition without parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      for (const line of ['', ' ', '\t \r', '\u00a0', '\u3000 ', 'x', 'x{"ticket":"A"}', '[1,2]', '[{"ticket":"A"}]', '"ticket"', '7']) {
        const bytes = Buffer.from(`\n${line}\n`, 'utf8');
        expect({ line, owner: ownerOfLine(bytes, 1, bytes.length - 1, 3, -7) }).toEqual({ line, owner: -7 });
      }
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});

describe('hasPlainEnds', () => {
  it('is false for every character String.trim takes off, at either end, and true for every other beyond ASCII', () => {
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue; // a lone surrogate is no UTF-8
      const character = String.fromCharCode(code);
      for (const id of [`${character}T`, `T${character}`, `${character}`]) {
        const bytes = Buffer.from(id, 'utf8');
        const plain = hasPlainEnds(bytes, 0, bytes.length - 1);
        // ASCII controls that trim keeps are declined too: the decoding path then reads them alike.
        const expected = code < 0x80 ? code > 32 : id.trim() === id;
        expect({ id: code.toString(16), plain }).toEqual({ id: code.toString(16), plain: expected });
      }
    }
  });
});

const folder = mkdtempSync(join(tmpdir(), 'slac-blocks-'));

/** What a one-thread reader hands on: each line's number and text, or its number alone when too long. */
function oneThreadLines(bytes: Buffer): string[] {
  const seen: string[] = [];
  const splitter = new ByteLineSplitter(
    (buffer, start, end, line) => seen.push(`${line}:${buffer.toString('utf8', start, end)}`),
    (line) => seen.push(`${line}: too long`),
  );
  // Chunks cut anywhere, as a file stream gives them.
  for (let at = 0; at < bytes.length; at += 7) splitter.push(bytes.subarray(at, at + 7));
  splitter.end();
  return seen;
}

/** `use` given a scanner of `bytes`, written to the file `name`, in blocks of `blockBytes` for `partitions` partitions. */
function withScanner<T>(name: string, bytes: Buffer, blockBytes: number, partitions: number, use: (scanner: BlockScanner) => T): T {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  const fd = openSync(path, 'r');
  try {
    return use(new BlockScanner(fd, bytes.length, blockBytes, partitions));
  } finally {
    closeSync(fd);
  }
}

/**
 * The lines each partition reads when the file is scanned in blocks of
 * `blockBytes` (the batches of each block delivered in reverse block order,
 * as workers may send them), and whether every partition read them all.
 */
function partitionLines(bytes: Buffer, blockBytes: number, partitions: number): { lines: string[][]; readable: boolean } {
  return withScanner(`log-${blockBytes}-${partitions}.ndjson`, bytes, blockBytes, partitions, (scanner) => {
    const lines = Array.from({ length: partitions }, (): string[] => []);
    const readers = lines.map(
      (seen, partition) =>
        new LineBlocks(
          scanner.blockCount,
          {
            line: (buffer, start, end, line) => seen.push(`${line}:${buffer.toString('utf8', start, end)}`),
            longLine: (line) => seen.push(`${line}: too long`),
          },
          partition,
        ),
    );
    const batches: LineBatch[] = [];
    // Every block is scanned before any is read: none is read before the last scan.
    for (let block = 0; block < scanner.blockCount; block++) batches.push(scanner.scan(block, 0));
    for (const batch of batches.reverse()) for (const reader of readers) reader.take(batch);
    for (const reader of readers) expect(reader.done).toBe(true);
    return { lines, readable: readers.every((reader) => reader.readable) };
  });
}

const lineNumber = (entry: string): number => Number(entry.slice(0, entry.indexOf(':')));

/** Checks that scanning in blocks gives every line to exactly one partition, as the one-thread reader reads it. */
function expectSameLines(bytes: Buffer, blockSizes: readonly number[], partitionCounts: readonly number[]): void {
  const expected = oneThreadLines(bytes);
  for (const blockBytes of blockSizes) {
    for (const partitions of partitionCounts) {
      const { lines, readable } = partitionLines(bytes, blockBytes, partitions);
      expect(readable).toBe(true);
      // Each partition reads its lines in file order.
      for (const seen of lines) expect(seen.map(lineNumber)).toEqual([...seen.map(lineNumber)].sort((a, b) => a - b));
      const all = lines.flat().sort((a, b) => lineNumber(a) - lineNumber(b));
      expect({ blockBytes, partitions, lines: all }).toEqual({ blockBytes, partitions, lines: expected });
    }
  }
}

describe('BlockScanner and LineBlocks', () => {
  it('hand on the lines of the one-thread reader, each once, with its number: LF, CRLF, BOMs, blanks, a last line without an ending', () => {
    const text = '\ufeff\ufeff{"ticket":"A"}\r\n\n{"ticket":"B","x":"é€😀"}\n  \r\n\ufeff{"ticket":"A"}\nnot json\r\n{"ticket":"C"}';
    expectSameLines(Buffer.from(text, 'utf8'), [1, 2, 3, 5, 8, 13, 64, 1 << 20], [1, 2, 3, 5]);
  });

  it('an empty file, a file of one line ending, and more partitions than lines', () => {
    for (const text of ['', '\n', '\r\n', '{"ticket":"A"}', '\ufeff']) expectSameLines(Buffer.from(text, 'utf8'), [1, 4, 100], [1, 2, 7]);
  });

  it('random logs cut into random blocks', () => {
    const random = mulberry32(4242);
    const pieces = ['{"ticket":"T-1","time":"x"}', '{"ticket":"T-2"}', '{"ticket":7}', '{"ticket":"7"}', '{"ticket":" T-1 "}', '', ' ', '[1]', '{"ticket":"é"}', '{"ticket":"a\\"b"}', '{ "ticket" : "T-2" }'];
    for (let round = 0; round < 20; round++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]! + (random() < 0.3 ? '\r' : ''));
      const text = lines.join('\n') + (random() < 0.5 ? '\n' : '');
      expectSameLines(Buffer.from(text, 'utf8'), [1 + Math.floor(random() * 30), 1 + Math.floor(random() * 300)], [1 + Math.floor(random() * 5)]);
    }
  });

  it('a line too long to read, within a block and across many, is reported by number only', () => {
    const long = 'x'.repeat(MAX_LINE_LENGTH + 1);
    const bytes = Buffer.from(`{"ticket":"A"}\n${long}\n{"ticket":"B"}\n${'é'.repeat(MAX_LINE_BYTES / 2 + 10)}\n${long}`, 'utf8');
    expectSameLines(bytes, [1 << 16, 1 << 22], [2, 3]);
  });

  it('a line of many bytes but not too many code units is read', () => {
    const bytes = Buffer.from(`{"ticket":"A","x":"${'é'.repeat(MAX_LINE_LENGTH - 100)}"}\n{"ticket":"B"}\n`, 'utf8');
    expectSameLines(bytes, [1 << 16, 1 << 22], [2]);
  });

  it('bytes that are not UTF-8 make the partition that reads them unreadable', () => {
    const bytes = Buffer.concat([Buffer.from('{"ticket":"A"}\n{"ticket":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    for (const blockBytes of [1, 5, 100]) expect(partitionLines(bytes, blockBytes, 2).readable).toBe(false);
    const long = Buffer.concat([Buffer.from('x'.repeat(MAX_LINE_BYTES + 5)), Buffer.from([0xff]), Buffer.from('\n{"ticket":"A"}\n')]);
    for (const blockBytes of [1 << 16, 1 << 23]) expect(partitionLines(long, blockBytes, 2).readable).toBe(false);
  });

  it('a character cut by a line ending is not UTF-8, even when one partition reads both halves', () => {
    // The halves of `é` (C3 A9) on two lines: joined without the `\n`, a partition's lines would pass for UTF-8.
    const bytes = Buffer.concat([Buffer.from('{"ticket":"A","x":"'), Buffer.from([0xc3]), Buffer.from('\n'), Buffer.from([0xa9]), Buffer.from('"}\n{"ticket":"B"}\n')]);
    for (const partitions of [1, 2]) for (const blockBytes of [1, 4, 100]) expect(partitionLines(bytes, blockBytes, partitions).readable).toBe(false);
  });

  it('tells each block read, in order, even when one batch lets several waiting blocks be read (a progress bar steps through each)', () => {
    const bytes = Buffer.from(Array.from({ length: 60 }, (_, line) => `{"ticket":"T-${line}"}`).join('\n'), 'utf8');
    withScanner('order.ndjson', bytes, 256, 1, (scanner) => {
      const told: number[] = [];
      const reader = new LineBlocks(scanner.blockCount, { line: () => undefined, longLine: () => undefined }, 0, (blocksRead) => told.push(blocksRead));
      const batches = Array.from({ length: scanner.blockCount }, (_, block) => scanner.scan(block, -1));
      // The last blocks come first (another thread scanned them sooner); the first block then lets them all be read.
      for (const batch of [...batches.slice(1)].reverse()) reader.take(batch);
      expect(told).toEqual([]);
      reader.take(batches[0]!);
      expect(scanner.blockCount).toBeGreaterThan(2);
      expect(told).toEqual(Array.from({ length: scanner.blockCount }, (_, index) => index + 1));
    });
  });

  it('reuses the memory of a block every partition has read, and only that', () => {
    const text = Array.from({ length: 400 }, (_, line) => `{"ticket":"T-${line % 37}","n":${line}}`).join('\n');
    const bytes = Buffer.from(text, 'utf8');
    withScanner('reuse.ndjson', bytes, 512, 2, (scanner) => {
      const seen: string[] = [];
      const readers = [0, 1].map((partition) => new LineBlocks(scanner.blockCount, { line: (buffer, start, end, line) => seen.push(`${line}:${buffer.toString('utf8', start, end)}`), longLine: () => undefined }, partition));
      // Two blocks in flight at a time: block b is scanned once blocks before b - 1 are read, into their memory.
      const inFlight: LineBatch[] = [];
      const memory = new Set<ArrayBufferLike>();
      for (let block = 0; block < scanner.blockCount; block++) {
        const batch = scanner.scan(block, block - 1);
        memory.add(batch.bytes.buffer);
        inFlight.push(batch);
        if (inFlight.length < 2) continue;
        const oldest = inFlight.shift()!;
        for (const reader of readers) reader.take(oldest);
      }
      for (const batch of inFlight) for (const reader of readers) reader.take(batch);
      expect(scanner.blockCount).toBeGreaterThan(10);
      expect(memory.size).toBe(2);
      expect(seen.sort((a, b) => lineNumber(a) - lineNumber(b))).toEqual(text.split('\n').map((line, index) => `${index + 1}:${line}`));
    });
  });

  it('puts every row of a ticket in one partition, however its id is written', () => {
    const rows = ['{"ticket":"T-9"}', '{"ticket":" T-9"}', '{"time":"x","ticket":"T-9"}', '{"ticket":"T\\u002d9"}', '{"ticket":9}', '{"ticket":"9"}', '{"ticket":9.0}', '{"ticket":"ü-1"}', '{"ticket":"\\u00fc-1"}'];
    const bytes = Buffer.from(rows.join('\n'), 'utf8');
    for (const partitions of [2, 3, 5, 8]) {
      const { lines } = partitionLines(bytes, 4, partitions);
      const ownerOf = (line: number): number => lines.findIndex((seen) => seen.some((entry) => lineNumber(entry) === line));
      expect(new Set([1, 2, 3, 4].map(ownerOf)).size).toBe(1);
      expect(new Set([5, 6, 7].map(ownerOf)).size).toBe(1);
      expect(new Set([8, 9].map(ownerOf)).size).toBe(1);
    }
  });
});
