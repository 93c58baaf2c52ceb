import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { parseQuotedRecord } from '../../log/csv-records.js';
import { csvHeaderColumns, type LogShape } from '../../log/log-rows.js';
import { skipByteOrderMarks } from './byte-order-marks.js';
import { FNV_OFFSET, FNV_PRIME, hasPlainEnds, ownerOfHash, partitionOf } from './partition.js';

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;
const COMMA = 44;
/** The header is looked for in the log's first bytes; a header longer than this is checked on one thread. */
const HEADER_BYTES = 1 << 20;

/**
 * What every thread of a parallel check of a CSV log needs: the header row
 * (each thread reads it before its own lines, so that each knows the
 * columns), where it ends, and which column holds the ticket id.
 */
export interface CsvSplit {
  header: { text: string; line: number };
  /** The byte after the header's `\n`: lines that start before it (blank lines, the header) are no partition's. */
  headerEnd: number;
  ticketColumn: number;
}

/**
 * The CSV log's header row and ticket column, read from its first bytes,
 * or undefined when the log is better checked on one thread: no header in
 * them, a header that is not UTF-8 or whose quoted field runs on, or one
 * that a reader would stop at (a required column missing, one named
 * twice): the one-thread check says what is wrong with it.
 */
export function csvSplitOf(path: string, display: string, shape: LogShape): CsvSplit | undefined {
  const head = readHead(path);
  if (head === undefined) return undefined;
  let at = skipByteOrderMarks(head);
  for (let line = 1; at < head.length; line++) {
    const newline = head.indexOf(NEWLINE, at);
    if (newline === -1) return undefined; // the header runs past the bytes read, or the log has no line after it
    const end = newline > at && head[newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline;
    if (end > at) {
      const bytes = head.subarray(at, end);
      // A CR in the header line may be a CR-only log whose quoted cell holds a line feed: the one-thread reader tells (SLA4051).
      if (!isUtf8(bytes) || bytes.includes(CARRIAGE_RETURN)) return undefined;
      const header = { text: bytes.toString('utf8'), line };
      const columns = csvHeaderColumns(display, shape, header);
      const ticketColumn = columns?.columnOfKey[shape.keys.indexOf('ticket')] ?? -1;
      return ticketColumn < 0 ? undefined : { header, headerEnd: newline + 1, ticketColumn };
    }
    at = newline + 1;
  }
  return undefined;
}

function readHead(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.allocUnsafe(HEADER_BYTES);
    let filled = 0;
    for (let count = -1; count !== 0 && filled < buffer.length; filled += count) count = readSync(fd, buffer, filled, buffer.length - filled, filled);
    return buffer.subarray(0, filled);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What `CsvLineOwners.ownerOf` answers for a line that opens a quoted field running on to the next line. */
export const RECORD_RUNS_ON = -0x40000000;

/**
 * The partition that reads each line of a CSV log (see partition.ts): its
 * ticket column's, as the row validator reads the field. A line holds a
 * whole record when no quoted field runs on past it; a line where one
 * does (`RECORD_RUNS_ON`) means that lines are not records, and the check
 * is done again on one thread. Given a log's lines in order, a block at a
 * time (`beginBlock`).
 */
export class CsvLineOwners {
  /** The next quote at or after the last line looked at in `bytes`, -1 for none; NaN: not looked for yet. */
  private nextQuote = NaN;
  private bytes: Buffer | undefined;

  constructor(
    private readonly split: CsvSplit,
    private readonly partitions: number,
  ) {}

  beginBlock(): void {
    this.nextQuote = NaN;
  }

  /**
   * The owner of the line `bytes[from..to)` (without its `\n`), which
   * starts at byte `position` of the log; `fallback` for a line that is no
   * valid row, which any one partition may report. Lines must come in
   * order within a block: the search for quotes goes on from the last.
   */
  ownerOf(bytes: Buffer, from: number, to: number, position: number, fallback: number): number {
    if (position < this.split.headerEnd) return this.partitions; // no partition's: each has read the header already
    const end = to > from && bytes[to - 1] === CARRIAGE_RETURN ? to - 1 : to;
    // A block's last line may come in a longer buffer than the lines before it (the rest of the line read on).
    if (bytes !== this.bytes) {
      this.bytes = bytes;
      this.nextQuote = NaN;
    }
    if (Number.isNaN(this.nextQuote) || (this.nextQuote !== -1 && this.nextQuote < from)) this.nextQuote = bytes.indexOf(QUOTE, from);
    if (this.nextQuote !== -1 && this.nextQuote < end) return this.quotedLineOwner(bytes.toString('utf8', from, end), fallback);
    return this.plainLineOwner(bytes, from, end, fallback);
  }

  /** A line without quotes: its fields are what lies between commas. */
  private plainLineOwner(bytes: Buffer, from: number, end: number, fallback: number): number {
    let start = from;
    for (let column = 0; column < this.split.ticketColumn; column++) {
      const comma = bytes.indexOf(COMMA, start);
      if (comma === -1 || comma >= end) return fallback; // too few fields: no valid row
      start = comma + 1;
    }
    let hash = FNV_OFFSET;
    let at = start;
    for (; at < end; at++) {
      const byte = bytes[at]!;
      if (byte === COMMA) break;
      hash = Math.imul(hash ^ byte, FNV_PRIME);
    }
    // An id that may have a blank at either end is trimmed by the validator (partitionOf does the same).
    if (at > start && hasPlainEnds(bytes, start, at - 1)) return ownerOfHash(hash, this.partitions);
    return partitionOf(bytes.toString('utf8', start, at), this.partitions);
  }

  private quotedLineOwner(text: string, fallback: number): number {
    const fields = parseQuotedRecord(text);
    if (fields === 'unterminated') return RECORD_RUNS_ON;
    if (!Array.isArray(fields) || fields.length <= this.split.ticketColumn) return fallback;
    return partitionOf(fields[this.split.ticketColumn], this.partitions);
  }
}
