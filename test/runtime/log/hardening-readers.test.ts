import { afterEach, describe, expect, it, vi } from 'vitest';
import { Uint32Column } from '../../../runtime/log/columns.js';
import { CsvRecordSplitter, type CsvProblem } from '../../../runtime/log/csv-records.js';
import { LineSplitter, MAX_LINE_LENGTH } from '../../../runtime/log/line-splitter.js';
import { ndjsonRowParser, type LogShape } from '../../../runtime/log/log-rows.js';
import type { LogError } from '../../../runtime/log/log-error.js';
import { TicketIdTable } from '../../../runtime/log/ticket-ids.js';

/**
 * Issue 13, "Quadratic behaviour": a stray quote, a line without end and
 * ticket ids crafted to collide cost time in proportion to the input.
 * Measured in work done (lines read, probes made), never in wall time.
 */

function feed(parser: { push(chunk: string): void; end(): void }, text: string, size = 1 << 16): void {
  for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size));
  parser.end();
}

describe('very long lines', () => {
  it('a line longer than the limit is reported by number, and the lines after it are read', () => {
    const lines: [number, string][] = [];
    const long: number[] = [];
    const text = `first\n${'x'.repeat(MAX_LINE_LENGTH + 10)}\nthird\n${'y'.repeat(MAX_LINE_LENGTH + 1)}`;
    for (const size of [1 << 16, 1000003]) {
      lines.length = 0;
      long.length = 0;
      feed(new LineSplitter((line, number) => lines.push([number, line]), (number) => long.push(number)), text, size);
      expect(lines).toEqual([[1, 'first'], [3, 'third']]);
      expect(long).toEqual([2, 4]);
    }
  });

  it('a line of exactly the limit is still read', () => {
    const lines: string[] = [];
    feed(new LineSplitter((line) => lines.push(line), () => lines.push('too long')), `${'z'.repeat(MAX_LINE_LENGTH)}\r\nend`);
    expect(lines.map((line) => line.length)).toEqual([MAX_LINE_LENGTH, 3]);
  });

  it('an NDJSON line of 2 MiB is one clear error naming the line', () => {
    const shape: LogShape = { keys: ['ticket'], required: ['ticket'] };
    const problems: LogError[] = [];
    const rows: number[] = [];
    const parser = ndjsonRowParser('log.ndjson', shape, { row: (_row, line) => rows.push(line), problem: (error) => problems.push(error) });
    feed(parser, `{"ticket":"A"}\n{"ticket":"${'B'.repeat(2 * MAX_LINE_LENGTH)}"}\n{"ticket":"C"}\n`);
    expect(rows).toEqual([1, 3]);
    expect(problems.map((problem) => [problem.line, problem.code])).toEqual([[2, 'SLA4012']]);
    expect(problems[0]!.message).toContain(`line 2 is longer than ${MAX_LINE_LENGTH} characters, the most a log line may have`);
  });
});

describe('a CSV quote that is never closed', () => {
  it('gives up the record past the limit and reads the rows after it', () => {
    const records: [number, string[]][] = [];
    const problems: CsvProblem[] = [];
    const row = 'A,2026-03-02T09:00:00Z,created'; // 30 characters
    const rows = Array.from({ length: 40_000 }, () => row);
    const text = ['ticket,time,event', 'B,"2026-03-02T09:00:00Z,created', ...rows].join('\n');
    feed(new CsvRecordSplitter((fields, line) => records.push([line, fields]), (problem) => problems.push(problem)), text);
    expect(problems).toEqual([{ line: 2, reason: `the record that starts here is longer than ${MAX_LINE_LENGTH} characters, the most a log line or record may have; is a quoted field not closed?` }]);
    // 1 MiB of 31-character lines is swallowed (33,826 of them); every row after that is read.
    const swallowed = Math.ceil((MAX_LINE_LENGTH - 31) / 31);
    expect(records[0]).toEqual([1, ['ticket', 'time', 'event']]);
    expect(records[1]![0]).toBe(3 + swallowed);
    expect(records.length).toBe(1 + 40_000 - swallowed);
    expect(records.at(-1)).toEqual([40_002, ['A', '2026-03-02T09:00:00Z', 'created']]);
  });

  it('a quoted field over several lines is read from where it stopped: each line is scanned once', () => {
    const records: [number, string[]][] = [];
    const indexOf = vi.spyOn(String.prototype, 'indexOf');
    const body = Array.from({ length: 2000 }, (_, index) => `line ${index} with ""quotes""`).join('\n');
    feed(new CsvRecordSplitter((fields, line) => records.push([line, fields]), () => undefined), `a,"${body}",b\n`);
    const calls = indexOf.mock.calls.length;
    indexOf.mockRestore();
    expect(records).toEqual([[1, ['a', body.replace(/""/g, '"'), 'b']]]);
    // About four searches a line (newline, quotes); re-parsing from the start each line would make millions.
    expect(calls).toBeLessThan(20_000);
  });
});

describe('ticket ids crafted to collide', () => {
  afterEach(() => vi.restoreAllMocks());

  /** FNV-1a's low 16 bits after a two-character tail can be steered to any value: ids that all land in one slot. */
  function collidingIds(count: number): string[] {
    const prime = 0x01000193;
    const mask = 0xffff;
    // The inverse of the FNV prime modulo 2^16 (the prime is odd).
    let inverse = 1;
    for (let i = 0; i < 16; i++) inverse = (inverse * (2 - ((prime * inverse) & mask))) & mask;
    const target = 0x1234;
    const ids: string[] = [];
    for (let x = 0x100; ids.length < count; x++) {
      let hash = 0x811c9dc5;
      for (const code of [84, x]) hash = Math.imul(hash ^ code, prime) >>> 0;
      const y = ((Math.imul(target, inverse) & mask) ^ hash) & mask;
      if (y >= 0xd800 && y <= 0xdfff) continue;
      ids.push(`T${String.fromCharCode(x)}${String.fromCharCode(y)}`);
    }
    return ids;
  }

  it('the crafted ids do collide (the test would prove nothing otherwise)', () => {
    const low = new Set(
      collidingIds(100).map((id) => {
        let hash = 0x811c9dc5;
        for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
        return hash & 0xffff;
      }),
    );
    expect(low.size).toBe(1);
  });

  it('3,000 colliding ids take a bounded number of probes each, and keep their numbers', () => {
    const ids = collidingIds(3000);
    const get = vi.spyOn(Uint32Column.prototype, 'get');
    const table = new TicketIdTable();
    ids.forEach((id, index) => expect(table.idOf(id)).toBe(index));
    ids.forEach((id, index) => expect(table.idOf(id)).toBe(index));
    const probes = get.mock.calls.length;
    get.mockRestore();
    // Walking the whole cluster would take about 3000 * 3000 = 9 million probes.
    expect(probes).toBeLessThan(400_000);
    ids.forEach((id, index) => expect(table.textOf(index)).toBe(id));
    table.compact();
    ids.forEach((id, index) => expect(table.idOf(id)).toBe(index));
    expect(table.idOf('new')).toBe(3000);
  });
});
