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
  private times = new Float64Array(1 << 16);
  /** Per row, VALUES numbers of `texts` (0: none): event, severity, channel, status, author. */
  private values = new Int32Array(VALUES << 16);
  /** Per row, the next row of its ticket, or NONE. */
  private next = new Int32Array(1 << 16);
  /** The first free slot (the free slots are chained through `next`), and the slots never used from `used` on. */
  private free = NONE;
  private used = 0;
  private readonly texts: (string | undefined)[] = [undefined];
  private readonly numbers = new Map<string, number>();

  /** Adds a row after `chain.last`; updates `chain`. */
  add(chain: RowChain, time: number, event: string, severity: string | undefined, channel: string | undefined, status: string | undefined, author: string | undefined): void {
    const row = this.slot();
    this.times[row] = time;
    const at = row * VALUES;
    this.values[at] = this.number(event);
    this.values[at + 1] = this.number(severity);
    this.values[at + 2] = this.number(channel);
    this.values[at + 3] = this.number(status);
    this.values[at + 4] = this.number(author);
    this.next[row] = NONE;
    if (chain.last === NONE) chain.first = row;
    else this.next[chain.last] = row;
    chain.last = row;
    chain.count++;
  }

  /** Calls `each` with the chain's rows in order, then frees them. */
  take(chain: RowChain, each: (time: number, event: string, severity: string | undefined, channel: string | undefined, status: string | undefined, author: string | undefined) => void): void {
    const { texts } = this;
    for (let row = chain.first; row !== NONE; row = this.next[row]!) {
      const at = row * VALUES;
      const values = this.values;
      each(this.times[row]!, texts[values[at]!]!, texts[values[at + 1]!], texts[values[at + 2]!], texts[values[at + 3]!], texts[values[at + 4]!]);
    }
    this.drop(chain);
  }

  /** Frees the chain's rows unwritten. */
  drop(chain: RowChain): void {
    if (chain.last !== NONE) {
      this.next[chain.last] = this.free;
      this.free = chain.first;
    }
    chain.first = chain.last = NONE;
    chain.count = 0;
  }

  private slot(): number {
    if (this.free !== NONE) {
      const row = this.free;
      this.free = this.next[row]!;
      return row;
    }
    if (this.used === this.times.length) this.grow();
    return this.used++;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size);
    times.set(this.times);
    this.times = times;
    const values = new Int32Array(size * VALUES);
    values.set(this.values);
    this.values = values;
    const next = new Int32Array(size);
    next.set(this.next);
    this.next = next;
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
const VALUES = 5;
