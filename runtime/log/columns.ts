/**
 * Append-only numeric columns in fixed-size chunks. Growing never copies
 * what is already stored once a column holds a whole chunk, so the peak
 * memory of a large log stays close to what its events need (a doubling
 * array would briefly need 1.5x). The first chunk starts small and doubles
 * up to the chunk size: a portfolio keeps a store per client, and a whole
 * first chunk for each column made a store of 5 tickets 1.9 MB.
 */
const CHUNK_BITS = 16;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;
/** The first chunk's first size, in values. */
const FIRST_CHUNK_SIZE = 256;

abstract class ChunkedColumn<T extends Uint16Array | Uint32Array | Float64Array> {
  protected readonly chunks: T[] = [];
  length = 0;
  /** Values the chunks can hold: `push` grows them when `length` reaches it. */
  private capacity = 0;

  protected abstract newChunk(size: number): T;

  push(value: number): void {
    if (this.length === this.capacity) this.grow();
    this.chunks[this.length >>> CHUNK_BITS]![this.length & CHUNK_MASK] = value;
    this.length++;
  }

  get(index: number): number {
    return this.chunks[index >>> CHUNK_BITS]![index & CHUNK_MASK]!;
  }

  set(index: number, value: number): void {
    this.chunks[index >>> CHUNK_BITS]![index & CHUNK_MASK] = value;
  }

  /** Bytes of the chunks held. */
  get byteLength(): number {
    let bytes = 0;
    for (const chunk of this.chunks) bytes += chunk.byteLength;
    return bytes;
  }

  /**
   * The chunks that hold values [0, length): the column's own, not copies,
   * for handing a column over whole (a `--jobs` partition's escalation
   * rows); read them with `chunkValue`. They stay valid until the column
   * is changed.
   */
  chunksInUse(): T[] {
    return this.chunks.slice(0, Math.ceil(this.length / CHUNK_SIZE));
  }

  /** Empties the column, keeping its first chunk to fill again. */
  clear(): void {
    this.length = 0;
    this.chunks.length = Math.min(this.chunks.length, 1);
    this.capacity = this.chunks[0]?.length ?? 0;
  }

  /** Doubles the first chunk while it is smaller than a chunk, else adds a chunk. */
  private grow(): void {
    const first = this.chunks[0];
    if (first === undefined || first.length < CHUNK_SIZE) {
      const grown = this.newChunk(first === undefined ? FIRST_CHUNK_SIZE : Math.min(first.length * 2, CHUNK_SIZE));
      if (first !== undefined) grown.set(first);
      this.chunks[0] = grown;
      this.capacity = grown.length;
      return;
    }
    this.chunks.push(this.newChunk(CHUNK_SIZE));
    this.capacity += CHUNK_SIZE;
  }
}

/** Value `index` of a column's `chunksInUse`. */
export function chunkValue(chunks: readonly ArrayLike<number>[], index: number): number {
  return chunks[index >>> CHUNK_BITS]![index & CHUNK_MASK]!;
}

export class Uint32Column extends ChunkedColumn<Uint32Array> {
  protected newChunk(size: number): Uint32Array {
    return new Uint32Array(size);
  }
}

/**
 * Whole numbers of 32 bits in 2 bytes each while every one fits in 16:
 * the first that does not widens the column to 4 bytes a number, once, a
 * chunk at a time. The event store packs each event's kind, channel and
 * value here: 16 bits hold them while a log has at most 63 distinct
 * severities, statuses and authors together, as logs do (2 bytes an event,
 * 15 MB of a 1,000,000-ticket log, saved).
 */
export class NarrowUint32Column extends ChunkedColumn<Uint16Array | Uint32Array> {
  private wide = false;

  protected newChunk(size: number): Uint16Array | Uint32Array {
    return this.wide ? new Uint32Array(size) : new Uint16Array(size);
  }

  override push(value: number): void {
    if (value > 0xffff && !this.wide) this.widen();
    super.push(value);
  }

  override set(index: number, value: number): void {
    if (value > 0xffff && !this.wide) this.widen();
    super.set(index, value);
  }

  /** Bytes a number takes now: 2, or 4 once widened. */
  get bytesPerValue(): number {
    return this.wide ? 4 : 2;
  }

  private widen(): void {
    this.wide = true;
    for (let index = 0; index < this.chunks.length; index++) {
      const chunk = new Uint32Array(this.chunks[index]!.length);
      chunk.set(this.chunks[index]!);
      this.chunks[index] = chunk;
    }
  }
}

/** Any number, NaN and the infinities included, exactly. */
export class Float64Column extends ChunkedColumn<Float64Array> {
  protected newChunk(size: number): Float64Array {
    return new Float64Array(size);
  }
}

/**
 * Interns strings: each distinct value is kept once and named by a small
 * number. Values are copied when first seen, so that a short string sliced
 * from a large chunk of the file does not keep the whole chunk alive.
 */
export class StringPool {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      const copy = detachString(value);
      this.values.push(copy);
      this.ids.set(copy, id);
    }
    return id;
  }

  get size(): number {
    return this.values.length;
  }
}

/** A flat copy of a string that shares no memory with the text it came from. */
export function detachString(value: string): string {
  // V8 slices strings of 13+ characters as views into their parent.
  return value.length < 13 ? value : Buffer.from(value, 'utf8').toString('utf8');
}

const EXCEPTION = 0xffffffff;

/**
 * Instants in 4 bytes: whole seconds since 1970 (good until 2106). An instant
 * with milliseconds, or outside that range, is kept exactly on the side;
 * logs rarely have them.
 */
export class InstantColumn {
  private readonly seconds = new Uint32Column();
  private readonly exact = new Map<number, number>();

  get length(): number {
    return this.seconds.length;
  }

  push(instant: number): void {
    const seconds = instant / 1000;
    if (Number.isInteger(seconds) && seconds >= 0 && seconds < EXCEPTION) this.seconds.push(seconds);
    else {
      this.exact.set(this.seconds.length, instant);
      this.seconds.push(EXCEPTION);
    }
  }

  /** Bytes of the seconds held (the rare exact instants aside). */
  get byteLength(): number {
    return this.seconds.byteLength;
  }

  get(index: number): number {
    const seconds = this.seconds.get(index);
    return seconds === EXCEPTION ? this.exact.get(index)! : seconds * 1000;
  }
}
