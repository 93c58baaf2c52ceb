import { isUtf8 } from 'node:buffer';
import { readSync } from 'node:fs';
import { MAX_LINE_LENGTH } from '../../log/line-splitter.js';
import { ownerOfLine } from './line-owner.js';

const NEWLINE = 10;

/**
 * A line of more bytes than this (its ending aside) has more than
 * `MAX_LINE_LENGTH` UTF-16 code units (a code unit takes at most 3 bytes):
 * it is reported as too long without being sent.
 */
export const MAX_LINE_BYTES = 3 * (MAX_LINE_LENGTH + 1);

/** A line too long to send: its owner reports it by number (any one would do). */
const TOO_LONG = -1;

/**
 * One block's lines that one partition reads: their bytes one after
 * another, without line endings; where each ends in `bytes`; and each one's
 * number within the block (0 for its first line), or `~number` for a line
 * too long to read, which has no bytes here.
 */
export interface LineBatch {
  block: number;
  /** Lines that start in the block, all partitions': the next block's first line number follows. */
  lineCount: number;
  bytes: Uint8Array;
  lines: Int32Array;
  ends: Int32Array;
  /** False when a line too long to send is not UTF-8: the whole check falls back to one thread. */
  readable: boolean;
}

/**
 * Cuts a log file into blocks of `blockBytes` and its lines into the
 * partitions that read them. A line belongs to the block where it starts
 * (byte 0, or the byte after a `\n`), so each line is in exactly one block
 * however the blocks fall; a block may hold no line start at all (inside a
 * very long line). The leading byte-order marks are dropped as the one-thread
 * reader drops them (the decoder's, then the line splitter's).
 */
export class BlockScanner {
  readonly blockCount: number;
  /** The lines of the block being scanned: start, end (exclusive) and owner, in `starts`, `ends`, `owners`. */
  private starts: Int32Array = new Int32Array(1 << 14);
  private ends: Int32Array = new Int32Array(1 << 14);
  private owners: Int32Array = new Int32Array(1 << 14);
  private count = 0;
  /** False once a line too long to send is found not to be UTF-8. */
  private readable = true;
  /** Where the first line starts, after the byte-order marks. */
  private readonly textStart: number;

  constructor(
    private readonly fd: number,
    private readonly size: number,
    private readonly blockBytes: number,
    private readonly partitions: number,
  ) {
    this.blockCount = Math.ceil(size / blockBytes);
    this.textStart = skipByteOrderMarks(this.read(0, Math.min(size, 6)));
  }

  /** The block's lines, one batch per partition (empty ones too: each says how many lines the block has). */
  scan(block: number): LineBatch[] {
    const start = block * this.blockBytes;
    const end = Math.min(this.size, start + this.blockBytes);
    const readFrom = block === 0 ? 0 : start - 1;
    let buffer = this.read(readFrom, end - readFrom);
    const fallback = block % this.partitions;
    this.count = 0;
    this.readable = true;
    // The first line starts after the byte-order marks; any other, after a `\n`.
    let at = this.textStart >= start ? this.textStart - readFrom : buffer.indexOf(NEWLINE) + 1 || -1;
    // `at` (-1: none) is a line start; it is this block's while before `end`.
    while (at !== -1 && readFrom + at < end) {
      const newline = buffer.indexOf(NEWLINE, at);
      if (newline !== -1) {
        this.addLine(buffer, at, newline, fallback);
        at = newline + 1;
        continue;
      }
      // The last line runs on past the block: read on to its end (or the file's).
      const rest = this.restOfLine(buffer.subarray(at), readFrom + buffer.length);
      if (rest === undefined) this.push(at, at, TOO_LONG);
      else {
        buffer = Buffer.concat([buffer, rest]);
        this.addLine(buffer, at, buffer.length, fallback);
      }
      break;
    }
    return this.batches(block, buffer);
  }

  private addLine(buffer: Buffer, from: number, to: number, fallback: number): void {
    if (to - from <= MAX_LINE_BYTES) return this.push(from, to, ownerOfLine(buffer, from, to, this.partitions, fallback));
    // The one-thread reader decodes every byte, even of a line too long to read.
    if (!isUtf8(buffer.subarray(from, to))) this.readable = false;
    this.push(from, to, TOO_LONG);
  }

  private push(from: number, to: number, owner: number): void {
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
      this.owners = grown(this.owners);
    }
    this.starts[this.count] = from;
    this.ends[this.count] = to;
    this.owners[this.count++] = owner;
  }

  /**
   * The rest of a line from `position` to its `\n` (or the end of the file),
   * or undefined when, with `head`, it is too long to send: it is then only
   * checked to be UTF-8, a piece at a time, and never held whole.
   */
  private restOfLine(head: Buffer, position: number): Buffer | undefined {
    const pieces: Buffer[] = [];
    let length = head.length;
    let unchecked: Buffer | undefined;
    for (;;) {
      const piece = this.read(position, Math.min(1 << 20, this.size - position));
      position += piece.length;
      const newline = piece.indexOf(NEWLINE);
      const part = newline === -1 ? piece : piece.subarray(0, newline);
      const last = newline !== -1 || piece.length === 0;
      length += part.length;
      if (unchecked === undefined && length > MAX_LINE_BYTES) unchecked = Buffer.concat([head, ...pieces]);
      if (unchecked === undefined) pieces.push(part);
      else {
        // Checked in pieces cut before a character's first byte, so that no character is split.
        const joined = Buffer.concat([unchecked, part]);
        const cut = last ? joined.length : lastCharacterStart(joined);
        if (!isUtf8(joined.subarray(0, cut))) this.readable = false;
        unchecked = joined.subarray(cut);
      }
      if (last) return unchecked === undefined ? Buffer.concat(pieces) : undefined;
    }
  }

  /** The lines found, sorted into one batch per partition, in file order. */
  private batches(block: number, buffer: Buffer): LineBatch[] {
    const partitions = this.partitions;
    const byteCounts = new Int32Array(partitions);
    const lineCounts = new Int32Array(partitions);
    const owners = this.owners;
    for (let line = 0; line < this.count; line++) {
      // A line too long to read goes, as a number only, to the partition of the block.
      const owner = owners[line] === TOO_LONG ? (owners[line] = ~(block % partitions)) : owners[line]!;
      if (owner < 0) lineCounts[~owner]++;
      else {
        lineCounts[owner]++;
        byteCounts[owner] += this.ends[line]! - this.starts[line]!;
      }
    }
    const result: LineBatch[] = [];
    for (let owner = 0; owner < partitions; owner++) {
      result.push({ block, lineCount: this.count, bytes: new Uint8Array(byteCounts[owner]!), lines: new Int32Array(lineCounts[owner]!), ends: new Int32Array(lineCounts[owner]!), readable: this.readable });
    }
    const filled = new Int32Array(partitions);
    const counted = new Int32Array(partitions);
    for (let line = 0; line < this.count; line++) {
      const owner = owners[line]!;
      if (owner < 0) {
        const batch = result[~owner]!;
        batch.ends[counted[~owner]!] = filled[~owner]!;
        batch.lines[counted[~owner]!++] = ~line;
        continue;
      }
      const batch = result[owner]!;
      filled[owner] += buffer.copy(batch.bytes, filled[owner]!, this.starts[line]!, this.ends[line]!);
      batch.ends[counted[owner]!] = filled[owner]!;
      batch.lines[counted[owner]!++] = line;
    }
    return result;
  }

  private read(position: number, length: number): Buffer {
    const buffer = Buffer.allocUnsafe(Math.max(0, length));
    let filled = 0;
    while (filled < length) {
      const count = readSync(this.fd, buffer, filled, length - filled, position + filled);
      if (count === 0) break;
      filled += count;
    }
    return buffer.subarray(0, filled);
  }
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Where the first line starts: after up to two byte-order marks (see BlockScanner). */
function skipByteOrderMarks(buffer: Buffer): number {
  let at = 0;
  for (let mark = 0; mark < 2 && buffer[at] === 0xef && buffer[at + 1] === 0xbb && buffer[at + 2] === 0xbf; mark++) at += 3;
  return at;
}

/**
 * Where the last character of `bytes` starts (a byte that is no UTF-8
 * continuation byte, among the last four); the whole length when there is
 * none, which is not UTF-8 anyway.
 */
function lastCharacterStart(bytes: Buffer): number {
  for (let at = bytes.length - 1; at >= Math.max(0, bytes.length - 4); at--) if ((bytes[at]! & 0xc0) !== 0x80) return at;
  return bytes.length;
}
