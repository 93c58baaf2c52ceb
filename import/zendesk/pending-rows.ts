/**
 * The rows of the open tickets, waiting to be written when their ticket
 * closes (or dropped when it is deleted), held in typed arrays shared by all
 * tickets rather than in arrays and strings of each: an export can leave a
 * great many tickets open, and numbers in typed arrays are nothing the
 * garbage collector copies or walks. A ticket's rows are a chain through
 * `next`, from its `first` to its `last`; the slots of written or dropped
 * rows are reused. Texts (events, priorities, channels, statuses, authors)
 * are held once each, by number.
 */
export class PendingRows {
  /**
   * The rows, one record of RECORD bytes each: its time (a float64 at word
   * 0 of `times`), then in `ints` the VALUES numbers of `texts` (0: none)
   * of event, severity, channel, status and author, and the next row of its
   * ticket (or NONE). One record per row, not an array per field: a
   * ticket's rows are scattered over the slots, and each is then one cache
   * line to fetch when the ticket is written, not three.
   */
  private records = new ArrayBuffer(RECORD << 16);
  private times = new Float64Array(this.records);
  private ints = new Int32Array(this.records);
  /** Rows the records have room for. */
  private capacity = 1 << 16;
  /** The first free slot (the free slots are chained through their next), and the slots never used from `used` on. */
  private free = NONE;
  private used = 0;
  private readonly texts: (string | undefined)[] = [undefined];
  private readonly numbers = new Map<string, number>();

  /** Adds a row after `chain.last`; updates `chain`. */
  add(chain: RowChain, time: number, event: string, severity: string | undefined, channel: string | undefined, status: string | undefined, author: string | undefined): void {
    const row = this.slot();
    this.times[row * TIME_STRIDE] = time;
    const at = row * INT_STRIDE;
    const ints = this.ints;
    ints[at + EVENT] = this.number(event);
    ints[at + EVENT + 1] = this.number(severity);
    ints[at + EVENT + 2] = this.number(channel);
    ints[at + EVENT + 3] = this.number(status);
    ints[at + EVENT + 4] = this.number(author);
    ints[at + NEXT] = NONE;
    if (chain.last === NONE) chain.first = row;
    else ints[chain.last * INT_STRIDE + NEXT] = row;
    chain.last = row;
    chain.count++;
  }

  /** Calls `each` with the chain's rows in order, then frees them. */
  take(chain: RowChain, each: (time: number, event: string, severity: string | undefined, channel: string | undefined, status: string | undefined, author: string | undefined) => void): void {
    const { texts, ints, times } = this;
    for (let row = chain.first; row !== NONE; row = ints[row * INT_STRIDE + NEXT]!) {
      const at = row * INT_STRIDE + EVENT;
      each(times[row * TIME_STRIDE]!, texts[ints[at]!]!, texts[ints[at + 1]!], texts[ints[at + 2]!], texts[ints[at + 3]!], texts[ints[at + 4]!]);
    }
    this.drop(chain);
  }

  /** Frees the chain's rows unwritten. */
  drop(chain: RowChain): void {
    if (chain.last !== NONE) {
      this.ints[chain.last * INT_STRIDE + NEXT] = this.free;
      this.free = chain.first;
    }
    chain.first = chain.last = NONE;
    chain.count = 0;
  }

  private slot(): number {
    if (this.free !== NONE) {
      const row = this.free;
      this.free = this.ints[row * INT_STRIDE + NEXT]!;
      return row;
    }
    if (this.used === this.capacity) this.grow();
    return this.used++;
  }

  private grow(): void {
    this.capacity *= 2;
    const records = new ArrayBuffer(RECORD * this.capacity);
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

/** A ticket's rows in `PendingRows`: the first and last (NONE when it has none) and how many. */
export interface RowChain {
  first: number;
  last: number;
  count: number;
}

export const NONE = -1;
/** Bytes of a row's record: its time (8), five text numbers and its next row (4 each). */
const RECORD = 32;
const TIME_STRIDE = RECORD / 8;
const INT_STRIDE = RECORD / 4;
/** Where in a record's ints the text numbers start (after the time's two), and where its next row is. */
const EVENT = 2;
const NEXT = 7;
