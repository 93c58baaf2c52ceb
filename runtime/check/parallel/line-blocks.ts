import { utf16Length, type ByteLineHandler } from '../../log/byte-line-splitter.js';
import { MAX_LINE_LENGTH } from '../../log/line-splitter.js';
import { LINE_FIELDS, type LineBatch } from './block-scan.js';

const CARRIAGE_RETURN = 13;

/** Where a partition's lines go: the NDJSON or CSV reader of runtime/log/log-rows.ts (`ndjsonNumberedLines`, `csvNumberedLines`). */
export interface LineSink {
  line: ByteLineHandler;
  longLine(line: number): void;
  /** (CSV) Told once, of the first line whose quoted field runs on to the next: the log is then checked on one thread. */
  recordOverLines?(line: number): void;
  /** Told once, when a block is found not UTF-8: the log is then checked on one thread, which says where. */
  notUtf8?(): void;
}

/**
 * One partition's side of the block scan: batches arrive from every
 * scanner in any order, and are read strictly in block order, so that the
 * reader behind sees this partition's lines in file order, each with its
 * line number in the whole file (the lines of the blocks before, counted
 * from their batches, plus its number within its block). Each line is
 * then what the one-thread `ByteLineSplitter` hands on: without its `\r\n`
 * or `\n`, and reported as too long past `MAX_LINE_LENGTH` UTF-16 code units.
 */
export class LineBlocks {
  private readonly waiting = new Map<number, LineBatch>();
  private next = 0;
  private linesBefore = 0;
  /** False once a line is not UTF-8 or (CSV) a record runs on past its line: the check is then redone on one thread. */
  readable = true;
  private toldRecordOverLines = false;
  private toldNotUtf8 = false;

  constructor(
    private readonly blockCount: number,
    private readonly sink: LineSink,
    /** This partition: it reads the lines it owns and skips the others'. */
    private readonly partition: number,
    /**
     * Told after each block read, with the blocks read so far: one batch
     * may let several waiting blocks be read, and a progress bar told only
     * after all of them would skip their steps. Not told once the log is
     * found unreadable (not UTF-8, a CSV record over lines).
     */
    private readonly onBlockRead?: (blocksRead: number) => void,
  ) {}

  /** Blocks read so far. */
  get blocksRead(): number {
    return this.next;
  }

  get done(): boolean {
    return this.next >= this.blockCount;
  }

  /** Takes one batch; reads every batch that is now next in block order. */
  take(batch: LineBatch): void {
    this.waiting.set(batch.block, batch);
    for (let ready = this.waiting.get(this.next); ready !== undefined; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.read(ready);
      this.linesBefore += ready.lineCount;
      this.next++;
      // A log found unreadable here is read again on one thread, from the top: a bar drawn on would reach 100% first.
      if (this.readable) this.onBlockRead?.(this.next);
    }
  }

  private read(batch: LineBatch): void {
    // The scanner checked the block's lines to be UTF-8, as the one-thread reader decodes every byte before splitting lines.
    if (!batch.readable) this.readable = false;
    if (batch.recordOverLinesAt >= 0) {
      if (!this.toldRecordOverLines) this.sink.recordOverLines?.(this.linesBefore + 1 + batch.recordOverLinesAt);
      this.toldRecordOverLines = true;
    } else if (!batch.readable && !this.toldNotUtf8) {
      // Not readable, and no record over lines: a line that is not UTF-8.
      this.toldNotUtf8 = true;
      this.sink.notUtf8?.();
    }
    if (!this.readable) return;
    const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
    const base = this.linesBefore + 1;
    const { lines } = batch;
    const own = this.partition;
    for (let at = 0, index = 0; at < lines.length; at += LINE_FIELDS, index++) {
      const owner = lines[at + 2]!;
      if (owner !== own) {
        if (owner === ~own) this.sink.longLine(base + index);
        continue;
      }
      const start = lines[at]!;
      const newlineAt = lines[at + 1]!;
      const end = newlineAt > start && bytes[newlineAt - 1] === CARRIAGE_RETURN ? newlineAt - 1 : newlineAt;
      // Bytes are never fewer than code units, so only a line of many bytes needs counting.
      if (end - start > MAX_LINE_LENGTH && utf16Length(bytes, start, end) > MAX_LINE_LENGTH) this.sink.longLine(base + index);
      else this.sink.line(bytes, start, end, base + index);
    }
  }
}
