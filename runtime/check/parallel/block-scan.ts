import { isUtf8 } from 'node:buffer';
import { readSync } from 'node:fs';
import { MAX_LINE_LENGTH } from '../../log/line-splitter.js';
import { skipByteOrderMarks } from './byte-order-marks.js';
import { CsvLineOwners, RECORD_RUNS_ON, type CsvSplit } from './csv-split.js';
import { ownerOfLine } from './line-owner.js';

const NEWLINE = 10;

/**
 * A line of more bytes than this (its ending aside) has more than
 * `MAX_LINE_LENGTH` UTF-16 code units (a code unit takes at most 3 bytes):
 * it is reported as too long without being sent.
 */
export const MAX_LINE_BYTES = 3 * (MAX_LINE_LENGTH + 1);

/**
 * Bytes read past a block's end with it, so that the rest of its last line
 * (which the block reads, not the next) is found without a second read and
 * a longer copy of the block: any line of a usual log is shorter.
 */
const OVERRUN = 1 << 16;

/**
 * One block's lines, as every partition takes them: the block's bytes and a
 * table of its lines, both in `SharedArrayBuffer`s, so that one batch is
 * sent to every partition without a copy (each reads only its own lines).
 */
export interface LineBatch {
  block: number;
  /** Lines that start in the block, all partitions': the next block's first line number follows. */
  lineCount: number;
  /** The block's bytes (a `SharedArrayBuffer`, reused for a later block once every partition has read this one). */
  bytes: Uint8Array;
  /**
   * Three numbers per line, in file order: where it starts and ends
   * (without its `\n`) in `bytes`, and its owner: the partition that reads
   * it, or `~partition` for a line too long to read (which has no bytes
   * here: that partition reports it by number). Its number within the
   * block is its place in the table.
   */
  lines: Int32Array;
  /**
   * False when a line of the block is not UTF-8, or (CSV) opens a quoted
   * field that runs on to the next line: the whole check falls back to one
   * thread.
   */
  readable: boolean;
  /** (CSV) The place in `lines` of the block's first line whose quoted field runs on to the next line; -1: none. */
  recordOverLinesAt: number;
}

/** Numbers per line in `LineBatch.lines`. */
export const LINE_FIELDS = 3;

/**
 * Where one block's lines are handed to every partition: memory that is
 * shared and reused, not allocated, for each block (a fresh
 * `SharedArrayBuffer` is zeroed and page-faulted in every time).
 */
class BlockSlot {
  bytes: Uint8Array;
  lines: Int32Array;
  /** The block last scanned into the slot. */
  block = -1;

  constructor(byteLength: number) {
    this.bytes = new Uint8Array(new SharedArrayBuffer(byteLength));
    this.lines = new Int32Array(new SharedArrayBuffer(LINE_FIELDS * 4 * (1 << 14)));
  }

  /** `block` copied into the slot's bytes (into new ones when it does not fit: a last line longer than `OVERRUN`). */
  share(block: Buffer): Uint8Array {
    const bytes = block.length > this.bytes.length ? new Uint8Array(new SharedArrayBuffer(block.length)) : this.bytes.subarray(0, block.length);
    bytes.set(block);
    return bytes;
  }

  /** Makes room for at least `count` more numbers in `lines`, keeping the first `used`. */
  growLines(used: number, count: number): void {
    if (used + count <= this.lines.length) return;
    const bigger = new Int32Array(new SharedArrayBuffer(4 * Math.max(used + count, this.lines.length * 2)));
    bigger.set(this.lines.subarray(0, used));
    this.lines = bigger;
  }
}

/**
 * Cuts a log file into blocks of `blockBytes` and its lines into the
 * partitions that read them. A line belongs to the block where it starts
 * (byte 0, or the byte after a `\n`), so each line is in exactly one block
 * however the blocks fall; a block may hold no line start at all (inside a
 * very long line). The leading byte-order marks are dropped as the one-thread
 * reader drops them (the decoder's, then the line splitter's).
 *
 * A batch's memory is the scanner's to reuse once every partition has
 * read its block: the caller says which blocks those are at each scan
 * (a scanner's batches in flight take as much memory as it has blocks
 * unread: block-exchange.ts bounds how far scanning runs ahead of reading).
 */
export class BlockScanner {
  readonly blockCount: number;
  /** False once a line too long to send is found not to be UTF-8, or a CSV record to run on past its line. */
  private readable = true;
  /** A CSV log's rule for the partition of a line; NDJSON's is line-owner.ts's. */
  private readonly csvOwners: CsvLineOwners | undefined;
  /** Where the block being scanned was read from, in the log. */
  private readFrom = 0;
  /** The block's first line whose quoted field runs on (its place among the block's lines), or -1. */
  private recordOverLinesAt = -1;
  /** Where the first line starts, after the byte-order marks. */
  private readonly textStart: number;
  private readonly slots: BlockSlot[] = [];
  /** The slot being filled and how many numbers of its `lines` are used. */
  private slot!: BlockSlot;
  private used = 0;
  private blockBuffer: Buffer = Buffer.alloc(0);

  constructor(
    private readonly fd: number,
    private readonly size: number,
    private readonly blockBytes: number,
    private readonly partitions: number,
    csv?: CsvSplit,
  ) {
    this.csvOwners = csv && new CsvLineOwners(csv, partitions);
    this.blockCount = Math.ceil(size / blockBytes);
    this.textStart = skipByteOrderMarks(this.read(0, Math.min(size, 6)));
  }

  /**
   * The block's lines, for every partition (an empty batch too: it says how
   * many lines the block has). Every partition has read the blocks before
   * `readBefore`: their memory is reused.
   */
  scan(block: number, readBefore: number): LineBatch {
    const start = block * this.blockBytes;
    const end = Math.min(this.size, start + this.blockBytes);
    const readFrom = block === 0 ? 0 : start - 1;
    this.readFrom = readFrom;
    this.csvOwners?.beginBlock();
    this.takeSlot(block, readBefore);
    // Read with the bytes after the block: the rest of its last line is nearly always among them.
    let buffer = this.readBlock(readFrom, Math.min(this.size, end + OVERRUN) - readFrom);
    const fallback = block % this.partitions;
    this.used = 0;
    this.readable = true;
    this.recordOverLinesAt = -1;
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
      if (rest === undefined) this.push(at, at, ~fallback);
      else {
        if (rest.length > 0) buffer = Buffer.concat([buffer, rest]);
        this.addLine(buffer, at, buffer.length, fallback);
      }
      break;
    }
    const lines = this.slot.lines.subarray(0, this.used);
    const readable = this.readable && this.linesAreUtf8(buffer, lines);
    const bytesUsed = this.used === 0 ? 0 : Math.max(lines[this.used - LINE_FIELDS]!, lines[this.used - LINE_FIELDS + 1]!);
    const recordOverLinesAt = this.recordOverLinesAt;
    return { block, lineCount: this.used / LINE_FIELDS, bytes: this.slot.share(buffer.subarray(0, bytesUsed)), lines, readable, recordOverLinesAt };
  }

  /** A slot whose block every partition has read, or a new one. */
  private takeSlot(block: number, readBefore: number): void {
    let slot = this.slots.find((used) => used.block < readBefore);
    if (slot === undefined) this.slots.push((slot = new BlockSlot(Math.min(this.size, this.blockBytes + 1 + OVERRUN))));
    slot.block = block;
    this.slot = slot;
  }

  private addLine(buffer: Buffer, from: number, to: number, fallback: number): void {
    if (to - from <= MAX_LINE_BYTES) return this.push(from, to, this.ownerOf(buffer, from, to, fallback));
    // The one-thread reader decodes every byte, even of a line too long to read.
    if (!isUtf8(buffer.subarray(from, to))) this.readable = false;
    this.push(from, to, ~fallback);
  }

  private ownerOf(buffer: Buffer, from: number, to: number, fallback: number): number {
    if (this.csvOwners === undefined) return ownerOfLine(buffer, from, to, this.partitions, fallback);
    const owner = this.csvOwners.ownerOf(buffer, from, to, this.readFrom + from, fallback);
    if (owner !== RECORD_RUNS_ON) return owner;
    // The log's lines are not its records: the check is done again on one thread.
    this.readable = false;
    if (this.recordOverLinesAt === -1) this.recordOverLinesAt = this.used / LINE_FIELDS;
    return fallback;
  }

  private push(from: number, to: number, owner: number): void {
    const slot = this.slot;
    if (this.used + LINE_FIELDS > slot.lines.length) slot.growLines(this.used, LINE_FIELDS);
    const lines = slot.lines;
    lines[this.used] = from;
    lines[this.used + 1] = to;
    lines[this.used + 2] = owner;
    this.used += LINE_FIELDS;
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
   * Whether the lines that are read (all but those too long, checked as
   * they were found) are UTF-8, checked in runs of consecutive lines: the
   * `\n` between two lines is ASCII, so a run is UTF-8 exactly when each of
   * its lines is.
   */
  private linesAreUtf8(bytes: Uint8Array, lines: Int32Array): boolean {
    let runStart = -1;
    for (let at = 0; at <= lines.length; at += LINE_FIELDS) {
      const readLine = at < lines.length && lines[at + 2]! >= 0;
      if (readLine && runStart === -1) runStart = lines[at]!;
      if (readLine || runStart === -1) continue;
      if (!isUtf8(bytes.subarray(runStart, lines[at - LINE_FIELDS + 1]!))) return false;
      runStart = -1;
    }
    return true;
  }

  /**
   * `read` into the one buffer every block is read into, an ordinary one:
   * `indexOf` and byte reads on a `SharedArrayBuffer` are several times
   * slower (they miss Node's and V8's fast paths), so a block is scanned
   * here and its lines copied to the slot once.
   */
  private readBlock(position: number, length: number): Buffer {
    if (this.blockBuffer.length < length) this.blockBuffer = Buffer.allocUnsafeSlow(length);
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

/**
 * Where the last character of `bytes` starts (a byte that is no UTF-8
 * continuation byte, among the last four); the whole length when there is
 * none, which is not UTF-8 anyway.
 */
function lastCharacterStart(bytes: Buffer): number {
  for (let at = bytes.length - 1; at >= Math.max(0, bytes.length - 4); at--) if ((bytes[at]! & 0xc0) !== 0x80) return at;
  return bytes.length;
}
