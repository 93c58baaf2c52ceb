/** What is known of a comment read before: the line of its first row, and whether a row's values are that row's. */
export interface EarlierComment {
  line: number;
  same: boolean;
}

/**
 * How far an id is looked for in the hash table before the overflow Map:
 * ids crafted so that their hashes collide (the hash is fixed, and ids come
 * from a file) would otherwise make every look-up walk all of them
 * (quadratic time).
 */
const MAX_PROBES = 32;

/** The most comments with numeric ids per slot of the hash table before it doubles. */
const MAX_LOAD = 0.5;

/**
 * The comments read so far, by id: the line of each one's first row and a
 * 32-bit hash of the values the import reads of it, so that a row a sync
 * wrote twice is told from the first (same values) or from a conflicting
 * copy (other values).
 *
 * An id as Zendesk writes it, a decimal number of up to 15 digits without
 * leading zeros (exact as a double), is kept as that number, with the
 * comment's line and hash, in typed arrays indexed by the comment's number
 * in order of first appearance, and found through an open-addressing hash
 * table of those numbers (linear probing): 16 bytes a comment, and 4 a
 * slot of a table at most half full. At a million Zendesk ids that is 25
 * bytes a comment (`byteLength`; the heap and array buffers grow by as
 * much, against 53 bytes when the ids were numbers in a Map). Any other id
 * (`007`, `c-12`, 16 digits and more) is kept as text in a Map, as is a
 * numeric id whose run of MAX_PROBES slots is full (a few in a million random
 * ids; every crafted one past the first 32): a Map's string hashing is
 * seeded per process, so ids crafted to collide cost no more than others.
 * Ids are told apart as text: `007` and `7` are two comments.
 */
export class CommentIds {
  /** Each comment's id as a number, or -1 when it is kept in `others`. */
  private keys = new Float64Array(1024);
  private lines = new Uint32Array(1024);
  private hashes = new Uint32Array(1024);
  /** Comments read, numbered from 0. */
  private count = 0;
  /** Comments whose id is a number, in `slots` or in `overflow`. */
  private numeric = 0;
  /** Comment number + 1 per slot; 0 is empty. */
  private slots = new Uint32Array(2048);
  /** Numeric ids (by their text) whose MAX_PROBES slots were all taken when they were added (or rehashed). */
  private overflow = new Map<string, number>();
  /** Ids that are not numbers kept as numbers, by their text. */
  private readonly others = new Map<string, number>();

  /** The comment's earlier row, if `id` was read before; otherwise remembers this row (its values' `hash`, of `hashValue`) as its first and gives undefined. */
  earlier(id: string, line: number, hash: number): EarlierComment | undefined {
    const key = numericKey(id);
    if (key < 0) {
      const index = this.others.get(id);
      if (index !== undefined) return this.found(index, hash);
      this.others.set(copyOf(id), this.add(-1, line, hash));
      return undefined;
    }
    const mask = this.slots.length - 1;
    // An id is in the overflow Map only if its run was full when it was added; runs never empty until a rehash.
    for (let probe = 0, slot = hashOfNumericId(key) & mask; probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) {
        this.slots[slot] = this.add(key, line, hash) + 1;
        if (++this.numeric > this.slots.length * MAX_LOAD) this.rehash();
        return undefined;
      }
      if (this.keys[entry - 1] === key) return this.found(entry - 1, hash);
    }
    const index = this.overflow.get(id);
    if (index !== undefined) return this.found(index, hash);
    // The number's text is the id (no leading zeros), and a copy of it.
    this.overflow.set(String(key), this.add(key, line, hash));
    if (++this.numeric > this.slots.length * MAX_LOAD) this.rehash();
    return undefined;
  }

  /** Bytes of the typed arrays (the Maps of other and overflowing ids not counted). */
  get byteLength(): number {
    return this.keys.byteLength + this.lines.byteLength + this.hashes.byteLength + this.slots.byteLength;
  }

  /** Ids kept in a Map: not numbers kept as numbers, or whose run of slots was full. */
  get mapped(): number {
    return this.others.size + this.overflow.size;
  }

  private found(index: number, hash: number): EarlierComment {
    return { line: this.lines[index]!, same: this.hashes[index] === hash };
  }

  /** Records a new comment; gives its number. */
  private add(key: number, line: number, hash: number): number {
    const index = this.count++;
    if (index === this.lines.length) this.grow();
    this.keys[index] = key;
    this.lines[index] = line;
    this.hashes[index] = hash;
    return index;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const lines = new Uint32Array(this.lines.length * 2);
    lines.set(this.lines);
    const hashes = new Uint32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.keys = keys;
    this.lines = lines;
    this.hashes = hashes;
  }

  /** Doubles the hash table, placing the numeric ids again in order of first appearance. */
  private rehash(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const overflow = new Map<string, number>();
    const mask = slots.length - 1;
    for (let index = 0; index < this.count; index++) {
      const key = this.keys[index]!;
      if (key < 0) continue;
      let slot = hashOfNumericId(key) & mask;
      let probe = 0;
      while (slots[slot] !== 0 && probe < MAX_PROBES) {
        slot = (slot + 1) & mask;
        probe++;
      }
      if (probe === MAX_PROBES) overflow.set(String(key), index);
      else slots[slot] = index + 1;
    }
    this.slots = slots;
    this.overflow = overflow;
  }
}

/**
 * The number of an id that is a decimal number of 1 to 15 digits without
 * leading zeros (`0` itself is one), exact as a double; -1 for any other id.
 * An id with leading zeros is not its number: as text, `007` is not `7`.
 */
function numericKey(id: string): number {
  const length = id.length;
  if (length === 0 || length > 15) return -1;
  let value = id.charCodeAt(0) - 48;
  if (value < 0 || value > 9 || (value === 0 && length > 1)) return -1;
  for (let at = 1; at < length; at++) {
    const digit = id.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The 32-bit hash of a numeric id (an integer below 2^53): its two 32-bit
 * halves folded, then murmur3's finalizer, so that the low bits (the slot)
 * depend on every digit.
 */
export function hashOfNumericId(key: number): number {
  const low = key >>> 0;
  const high = (key - low) / 0x100000000;
  let hash = low ^ Math.imul(high, 0x9e3779b1);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** A copy of an id, so that a Map key does not keep alive the chunk of the file it was cut from. */
function copyOf(id: string): string {
  return Array.from(id).join('');
}

/** The start of a hash of values, to pass to `hashValue` with each in turn. */
export const HASH_START = 0x811c9dc5;

/**
 * `hash` followed by a value, FNV-1a over its UTF-16 code units (a number
 * as its text): 32 bits, enough to tell a comment's copies apart. A
 * separator after each value keeps `ab`,`c` apart from `a`,`bc`.
 */
export function hashValue(hash: number, value: string | number | boolean): number {
  const text = typeof value === 'string' ? value : String(value);
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return Math.imul(hash ^ 0xffff, 0x01000193) >>> 0;
}
