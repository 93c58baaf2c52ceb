import { Uint32Column } from './columns.js';

/** Events a block of `WideLines` holds: its first line is kept whole, the others as 16-bit offsets from it. */
const BLOCK_BITS = 8;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK_SIZE - 1;
const CHUNK_BITS = 16;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;

/**
 * seq -> line, storing only the places where the distance between them
 * changes. When that distance changes often, every line is stored instead
 * (`WideLines`, about 2 bytes an event), and no search: the rows of one
 * client of a portfolio are a fraction of the log's, and so are those of
 * one partition of `slac check --jobs N`, so their lines skip.
 */
export class LineIndex {
  private readonly seqs: number[] = [];
  private readonly deltas: number[] = [];
  private dense: WideLines | undefined;

  add(seq: number, line: number): void {
    if (this.dense) {
      this.dense.push(line);
      return;
    }
    const delta = line - seq;
    if (this.deltas.length === 0 || this.deltas[this.deltas.length - 1] !== delta) {
      if (this.seqs.length >= 1024 && this.seqs.length * 4 > seq) {
        this.makeDense(seq);
        this.dense!.push(line);
        return;
      }
      this.seqs.push(seq);
      this.deltas.push(delta);
    }
  }

  /** Bytes of typed arrays held: none until every line is stored. */
  get byteLength(): number {
    return this.dense?.byteLength ?? 0;
  }

  lineOf(seq: number): number {
    if (this.dense) return this.dense.get(seq);
    let low = 0;
    let high = this.seqs.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.seqs[middle]! <= seq) low = middle;
      else high = middle - 1;
    }
    return seq + (this.deltas[low] ?? 0);
  }

  private makeDense(count: number): void {
    const dense = new WideLines();
    for (let seq = 0; seq < count; seq++) dense.push(this.lineOf(seq));
    this.dense = dense;
    this.seqs.length = 0;
    this.deltas.length = 0;
  }
}

/**
 * Every event's line, in blocks of 256 events: the block's first line in 4
 * bytes, each line as its distance from that one in 2 (an event's lines
 * rise with it, and 256 events of a partition or a client span far fewer
 * than 65,536 lines). A block whose lines spread wider keeps them whole.
 * 2 bytes an event instead of 4: 15 MB of a 1,000,000-ticket `--jobs 2`
 * check.
 */
export class WideLines {
  private readonly firstLines = new Uint32Column();
  private readonly offsets: Uint16Array[] = [];
  /** Per block, its lines whole when they spread too wide for offsets; undefined for the others. */
  private readonly wholeBlocks: (Uint32Array | undefined)[] = [];
  length = 0;

  push(line: number): void {
    const seq = this.length++;
    const block = seq >>> BLOCK_BITS;
    if ((seq & BLOCK_MASK) === 0) {
      this.firstLines.push(line);
      this.wholeBlocks.push(undefined);
    }
    if ((seq & CHUNK_MASK) === 0) this.offsets.push(new Uint16Array(CHUNK_SIZE));
    const whole = this.wholeBlocks[block];
    if (whole !== undefined) {
      whole[seq & BLOCK_MASK] = line;
      return;
    }
    const offset = line - this.firstLines.get(block);
    if (offset >= 0 && offset <= 0xffff) this.offsets[seq >>> CHUNK_BITS]![seq & CHUNK_MASK] = offset;
    else this.makeWhole(block, seq, line);
  }

  /** Bytes of typed arrays held (the blocks' list aside). */
  get byteLength(): number {
    let bytes = this.firstLines.byteLength + this.offsets.length * CHUNK_SIZE * 2;
    for (const whole of this.wholeBlocks) bytes += whole?.byteLength ?? 0;
    return bytes;
  }

  get(seq: number): number {
    const block = seq >>> BLOCK_BITS;
    const whole = this.wholeBlocks[block];
    if (whole !== undefined) return whole[seq & BLOCK_MASK]!;
    return this.firstLines.get(block) + this.offsets[seq >>> CHUNK_BITS]![seq & CHUNK_MASK]!;
  }

  /** Moves the block's lines so far, and `line` at `seq`, to a block of whole lines. */
  private makeWhole(block: number, seq: number, line: number): void {
    const whole = new Uint32Array(BLOCK_SIZE);
    for (let at = block << BLOCK_BITS; at < seq; at++) whole[at & BLOCK_MASK] = this.get(at);
    whole[seq & BLOCK_MASK] = line;
    this.wholeBlocks[block] = whole;
  }
}
