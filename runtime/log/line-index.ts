import { Uint32Column } from './columns.js';

/** Events a block of `WideLines` holds: its first line is kept whole, the others as offsets from it. */
const BLOCK_BITS = 6;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK_SIZE - 1;
const CHUNK_BITS = 16;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;
/** The offset that stands for "this line is kept whole": the largest a chunk's width holds. */
const NARROW_WHOLE = 0xff;
const WIDE_WHOLE = 0xffff;

/** Once the runs average fewer events than this, every line is stored instead. */
const EVENTS_A_RUN_AT_LEAST = 8;
/** The largest distance between an event and its line that a run keeps. */
const MAX_DELTA = 0xffff_ffff;

/**
 * seq -> line, storing only the places where the distance between them
 * changes: 8 bytes a run (where it starts, and the distance), in typed
 * arrays that `byteLength` counts. When that distance changes often (the
 * runs average fewer than 8 events), every line is stored instead
 * (`WideLines`, 1 to 2 bytes an event), and no search: the rows of one
 * client of a portfolio are a fraction of the log's, and so are those of
 * one partition of `slac check --jobs N`, so their lines skip. Until
 * 2026-12-02 the runs were kept in JavaScript arrays, uncounted, while
 * they averaged 4 events or more: a partition whose lines came in runs of
 * 6.4 events (an experiment's partition by the top bit of the ids' hashes)
 * held 580,000 runs in two arrays of 4.6 MB each at mid-read.
 */
export class LineIndex {
  private seqs = new Uint32Array(16);
  private deltas = new Uint32Array(16);
  private runs = 0;
  private dense: WideLines | undefined;

  add(seq: number, line: number): void {
    if (this.dense) {
      this.dense.push(line);
      return;
    }
    const delta = line - seq;
    const runs = this.runs;
    if (runs > 0 && this.deltas[runs - 1] === delta) return;
    if ((runs >= 1024 && runs * EVENTS_A_RUN_AT_LEAST > seq) || delta < 0 || delta > MAX_DELTA) {
      this.makeDense(seq);
      this.dense!.push(line);
      return;
    }
    if (runs === this.seqs.length) this.grow();
    this.seqs[runs] = seq;
    this.deltas[runs] = delta;
    this.runs = runs + 1;
  }

  /** Bytes of typed arrays held: the runs', or every line's once they are all stored. */
  get byteLength(): number {
    return this.dense?.byteLength ?? this.seqs.byteLength + this.deltas.byteLength;
  }

  lineOf(seq: number): number {
    if (this.dense) return this.dense.get(seq);
    let low = 0;
    let high = this.runs - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.seqs[middle]! <= seq) low = middle;
      else high = middle - 1;
    }
    return seq + (this.runs === 0 ? 0 : this.deltas[low]!);
  }

  private grow(): void {
    const seqs = new Uint32Array(this.seqs.length * 2);
    const deltas = new Uint32Array(this.deltas.length * 2);
    seqs.set(this.seqs);
    deltas.set(this.deltas);
    this.seqs = seqs;
    this.deltas = deltas;
  }

  private makeDense(count: number): void {
    const dense = new WideLines();
    for (let seq = 0; seq < count; seq++) dense.push(this.lineOf(seq));
    this.dense = dense;
    this.seqs = new Uint32Array(0);
    this.deltas = new Uint32Array(0);
    this.runs = 0;
  }
}

/**
 * Every event's line, in blocks of 64 events: the block's first line in 4
 * bytes, each line as its distance from that one in 1 byte, in chunks of
 * 65,536 events. An event's lines rise with it, and 64 events of one
 * partition of `--jobs 2` span about 128 lines: 1 byte a line (about 1.06
 * with the first lines), 7 MB of a 1,000,000-ticket `--jobs 2` check
 * against 2 bytes (and 22 MB against 4). A chunk widens to 2 bytes a line,
 * once, at the first distance over 254 (a partition of three or more, a
 * client of a portfolio); a line more than 65,534 from its block's first
 * (or before it) is kept whole in a block of whole lines beside, its
 * offset in the chunk set to the chunk's mark (the block's other lines
 * stay offsets).
 */
export class WideLines {
  private readonly firstLines = new Uint32Column();
  private readonly chunks: (Uint8Array | Uint16Array)[] = [];
  /** Blocks with lines kept whole, by block: `[seq & BLOCK_MASK]` for the events whose offset is their chunk's mark. */
  private readonly wholeBlocks = new Map<number, Uint32Array>();
  /** The first line of the block being filled. */
  private blockFirst = 0;
  length = 0;

  push(line: number): void {
    const seq = this.length++;
    if ((seq & BLOCK_MASK) === 0) {
      this.firstLines.push(line);
      this.blockFirst = line;
    }
    if ((seq & CHUNK_MASK) === 0) this.chunks.push(new Uint8Array(CHUNK_SIZE));
    const offset = line - this.blockFirst;
    let chunk = this.chunks[seq >>> CHUNK_BITS]!;
    if (offset >= 0 && offset < WIDE_WHOLE) {
      if (offset >= NARROW_WHOLE && chunk instanceof Uint8Array) chunk = this.widen(seq >>> CHUNK_BITS);
      chunk[seq & CHUNK_MASK] = offset;
      return;
    }
    const block = seq >>> BLOCK_BITS;
    let whole = this.wholeBlocks.get(block);
    if (whole === undefined) this.wholeBlocks.set(block, (whole = new Uint32Array(BLOCK_SIZE)));
    whole[seq & BLOCK_MASK] = line;
    chunk[seq & CHUNK_MASK] = chunk instanceof Uint8Array ? NARROW_WHOLE : WIDE_WHOLE;
  }

  /** Bytes of typed arrays held (the lists aside). */
  get byteLength(): number {
    let bytes = this.firstLines.byteLength;
    for (const chunk of this.chunks) bytes += chunk.byteLength;
    return bytes + this.wholeBlocks.size * BLOCK_SIZE * 4;
  }

  get(seq: number): number {
    const chunk = this.chunks[seq >>> CHUNK_BITS]!;
    const offset = chunk[seq & CHUNK_MASK]!;
    // 255 is an offset like any other in a wide chunk: only its chunk's own mark means "whole".
    if (offset === WIDE_WHOLE || (offset === NARROW_WHOLE && chunk instanceof Uint8Array)) return this.wholeBlocks.get(seq >>> BLOCK_BITS)![seq & BLOCK_MASK]!;
    return this.firstLines.get(seq >>> BLOCK_BITS) + offset;
  }

  /** Makes a chunk of 1-byte offsets one of 2 bytes, its marks of whole lines with it. */
  private widen(index: number): Uint16Array {
    const narrow = this.chunks[index]!;
    const wide = new Uint16Array(CHUNK_SIZE);
    for (let at = 0; at < CHUNK_SIZE; at++) {
      const offset = narrow[at]!;
      wide[at] = offset === NARROW_WHOLE ? WIDE_WHOLE : offset;
    }
    this.chunks[index] = wide;
    return wide;
  }
}
