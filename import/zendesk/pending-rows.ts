/**
 * The rows of the open tickets, waiting to be written when their ticket
 * closes (or dropped when it is deleted), held in typed arrays shared by all
 * tickets rather than in arrays and strings of each: an export can leave a
 * great many tickets open, and numbers in typed arrays are nothing the
 * garbage collector copies or walks. A ticket's rows fill chunks of
 * CHUNK_ROWS consecutive records, chained from its `first` chunk to its
 * `last`: writing a ticket reads its rows in one sweep per chunk rather than
 * one scattered record per row. The chunks of written or dropped tickets
 * are reused. Texts (events, priorities, channels, statuses, authors)
 * are held once each, by number.
 */
export class PendingRows {
  /**
   * The rows, one record of RECORD bytes each: its time (a float64 at word
   * 0 of `times`), then in `ints` the VALUES numbers of `texts` (0: none)
   * of event, severity, channel, status and author; the last int of a
   * chunk's first record is the ticket's next chunk (or NONE). One record
   * per row, not an array per field: a ticket's rows are then side by side
   * in its chunks.
   */
  private records = new ArrayBuffer(CHUNK_BYTES << 13);
  private times = new Float64Array(this.records);
  private ints = new Int32Array(this.records);
  /** Chunks the records have room for. */
  private capacity = 1 << 13;
  /** The first free chunk (the free chunks are chained through their next), and the chunks never used from `used` on. */
  private free = NONE;
  private used = 0;
  private readonly texts: (string | undefined)[] = [undefined];
  private readonly numbers = new Map<string, number>();

  /** Adds a row after the chain's last; updates `chain`. */
  add(chain: RowChain, time: number, event: string, severity: string | undefined, channel: string | undefined, status: string | undefined, author: string | undefined): void {
    const place = chain.count % CHUNK_ROWS;
    if (place === 0) this.newChunk(chain);
    const row = chain.last * CHUNK_ROWS + place;
    this.times[row * TIME_STRIDE] = time;
    const at = row * INT_STRIDE;
    const ints = this.ints;
    ints[at + EVENT] = this.number(event);
    ints[at + EVENT + 1] = this.number(severity);
    ints[at + EVENT + 2] = this.number(channel);
    ints[at + EVENT + 3] = this.number(status);
    ints[at + EVENT + 4] = this.number(author);
    chain.count++;
  }

  /** Calls `each` with the chain's rows in order, then frees them. */
  take(chain: RowChain, each: (time: number, event: string, severity: string | undefined, channel: string | undefined, status: string | undefined, author: string | undefined) => void): void {
    const { texts, ints, times } = this;
    let left = chain.count;
    for (let chunk = chain.first; chunk !== NONE; chunk = ints[chunk * CHUNK_INTS + NEXT]!) {
      const end = chunk * CHUNK_ROWS + Math.min(left, CHUNK_ROWS);
      for (let row = chunk * CHUNK_ROWS; row < end; row++) {
        const at = row * INT_STRIDE + EVENT;
        each(times[row * TIME_STRIDE]!, texts[ints[at]!]!, texts[ints[at + 1]!], texts[ints[at + 2]!], texts[ints[at + 3]!], texts[ints[at + 4]!]);
      }
      left -= CHUNK_ROWS;
    }
    this.drop(chain);
  }

  /** Frees the chain's rows unwritten. */
  drop(chain: RowChain): void {
    if (chain.last !== NONE) {
      this.ints[chain.last * CHUNK_INTS + NEXT] = this.free;
      this.free = chain.first;
    }
    chain.first = chain.last = NONE;
    chain.count = 0;
  }

  /** Appends a free chunk to the chain. */
  private newChunk(chain: RowChain): void {
    const chunk = this.chunk();
    this.ints[chunk * CHUNK_INTS + NEXT] = NONE;
    if (chain.last === NONE) chain.first = chunk;
    else this.ints[chain.last * CHUNK_INTS + NEXT] = chunk;
    chain.last = chunk;
  }

  private chunk(): number {
    if (this.free !== NONE) {
      const chunk = this.free;
      this.free = this.ints[chunk * CHUNK_INTS + NEXT]!;
      return chunk;
    }
    if (this.used === this.capacity) this.grow();
    return this.used++;
  }

  private grow(): void {
    this.capacity *= 2;
    const records = new ArrayBuffer(CHUNK_BYTES * this.capacity);
    new Uint8Array(records).set(new Uint8Array(this.records));
    this.records = records;
    this.times = new Float64Array(records);
    this.ints = new Int32Array(records);
  }

  private number(text: string | undefined): number {
    if (text === undefined) return 0;
    let number = this.numbers.get(text);
    if (number === undefined) {
      number = this.texts.length;
      this.texts.push(text);
      this.numbers.set(text, number);
    }
    return number;
  }
}

/** A ticket's rows in `PendingRows`: its first and last chunks (NONE when it has none) and how many rows. */
export interface RowChain {
  first: number;
  last: number;
  count: number;
}

export const NONE = -1;
/** Bytes of a row's record: its time (8), five text numbers (4 each) and, in a chunk's first, the next chunk (4). */
const RECORD = 32;
/** Rows of a chunk: most tickets have fewer rows, so one chunk (256 bytes: four cache lines) holds all of them. */
const CHUNK_ROWS = 8;
const CHUNK_BYTES = RECORD * CHUNK_ROWS;
const CHUNK_INTS = CHUNK_BYTES / 4;
const TIME_STRIDE = RECORD / 8;
const INT_STRIDE = RECORD / 4;
/** Where in a record's ints the text numbers start (after the time's two), and where a chunk's next is. */
const EVENT = 2;
const NEXT = 7;
