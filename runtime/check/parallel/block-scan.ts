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
 * One block's lines that one partition reads: the block's bytes (shared by
 * every partition's batch of the block, not copied), and for each of this
 * partition's lines, in file order, where it starts and ends (without its
 * `\n`) in `bytes` and its number within the block (0 for its first line),
 * or `~number` for a line too long to read, which has no bytes here.
 */
export interface LineBatch {
  block: number;
  /** Lines that start in the block, all partitions': the next block's first line number follows. */
  lineCount: number;
  /** The block's lines, every partition's, in a `SharedArrayBuffer`: sent to each worker without a copy. */
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  lines: Int32Array;
  /** False when a line of the block is not UTF-8: the whole check falls back to one thread. */
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
  /** The block being scanned, read into the same buffer every time (its lines are copied out once, in `batches`). */
  private blockBuffer: Buffer = Buffer.alloc(0);

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
    let buffer = this.readBlock(readFrom, end - readFrom);
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

  /**
   * The lines found, one batch per partition, each line in file order; the
   * bytes from the first line to the last are copied once, into memory that
   * every partition's batch shares. They are checked to be UTF-8 here, once:
   * all but the lines too long to read, which were checked as they were found.
   */
  private batches(block: number, buffer: Buffer): LineBatch[] {
    const partitions = this.partitions;
    const lineCounts = new Int32Array(partitions);
    const owners = this.owners;
    for (let line = 0; line < this.count; line++) {
      // A line too long to read goes, as a number only, to the partition of the block.
      const owner = owners[line] === TOO_LONG ? (owners[line] = ~(block % partitions)) : owners[line]!;
      lineCounts[owner < 0 ? ~owner : owner]++;
    }
    const bytes = this.sharedLines(buffer);
    const first = this.count > 0 ? this.starts[0]! : 0;
    const readable = this.readable && this.linesAreUtf8(bytes, first);
    const result: LineBatch[] = [];
    for (let owner = 0; owner < partitions; owner++) {
      const count = lineCounts[owner]!;
      result.push({ block, lineCount: this.count, bytes, starts: new Int32Array(count), ends: new Int32Array(count), lines: new Int32Array(count), readable });
    }
    const counted = new Int32Array(partitions);
    for (let line = 0; line < this.count; line++) {
      const owner = owners[line]!;
      const index = owner < 0 ? ~owner : owner;
      const batch = result[index]!;
      const at = counted[index]!++;
      if (owner < 0) batch.lines[at] = ~line;
      else {
        batch.lines[at] = line;
        batch.starts[at] = this.starts[line]! - first;
        batch.ends[at] = this.ends[line]! - first;
      }
    }
    return result;
  }

  /** The bytes from the first line's start to the last's end, copied into a `SharedArrayBuffer`. */
  private sharedLines(buffer: Buffer): Uint8Array {
    if (this.count === 0) return new Uint8Array(new SharedArrayBuffer(0));
    const from = this.starts[0]!;
    const to = Math.max(from, Math.min(buffer.length, this.ends[this.count - 1]!));
    const bytes = new Uint8Array(new SharedArrayBuffer(to - from));
    bytes.set(buffer.subarray(from, to));
    return bytes;
  }

  /**
   * Whether the lines that are read (all but those too long) are UTF-8,
   * checked in runs of consecutive lines: the `\n` between two lines is
   * ASCII, so a run is UTF-8 exactly when each of its lines is.
   */
  private linesAreUtf8(bytes: Uint8Array, first: number): boolean {
    let runStart = -1;
    for (let line = 0; line <= this.count; line++) {
      const readLine = line < this.count && this.owners[line]! >= 0;
      if (readLine && runStart === -1) runStart = this.starts[line]! - first;
      if (readLine || runStart === -1) continue;
      if (!isUtf8(bytes.subarray(runStart, this.ends[line - 1]! - first))) return false;
      runStart = -1;
    }
    return true;
  }

  /** `read` into the buffer that every block is read into (grown when a block is larger). */
  private readBlock(position: number, length: number): Buffer {
    if (this.blockBuffer.length < length) this.blockBuffer = Buffer.allocUnsafe(length);
    return this.readInto(this.blockBuffer, position, length);
  }

  private read(position: number, length: number): Buffer {
    return this.readInto(Buffer.allocUnsafe(Math.max(0, length)), position, length);
  }

  private readInto(buffer: Buffer, position: number, length: number): Buffer {
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
