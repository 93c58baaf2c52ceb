import { detachString } from '../../runtime/log/columns.js';

/**
 * How far an id is looked for in the hash table before the overflow Map:
 * ids crafted so that their hashes collide (the hash is fixed, and ids come
 * from a file) would otherwise make every look-up walk all of them
 * (quadratic time).
 */
const MAX_PROBES = 32;

/** The most numeric ids per slot of the hash table before it doubles. */
const MAX_LOAD = 0.5;

/**
 * Ids (of comments, of tickets) numbered from 0 in order of first
 * appearance, so that what is kept of each can sit in typed arrays indexed
 * by that number.
 *
 * An id as Zendesk writes it, a decimal number of up to 15 digits without
 * leading zeros (exact as a double), is kept as that number in a typed
 * array, and found through an open-addressing hash table of those numbers
 * (linear probing): 8 bytes an id, and 4 a slot of a table at most half
 * full, against some 50 bytes as a string key of a Map. Any other id (`007`,
 * `c-12`, 16 digits and more) is kept as text in a Map, as is a numeric id
 * whose run of MAX_PROBES slots is full (a few in a million random ids;
 * every crafted one past the first 32): a Map's string hashing is seeded per
 * process, so ids crafted to collide cost no more than others. Ids are told
 * apart as text: `007` and `7` are two ids.
 */
export class IdIndex {
  /** Each id as a number; for an id kept as text, -1 - its place in `texts`. */
  private keys = new Float64Array(1024);
  /** Ids numbered so far. */
  private count = 0;
  /** Ids that are numbers, in `slots` or in `overflow`. */
  private numeric = 0;
  /** Id number + 1 per slot; 0 is empty. */
  private slots = new Uint32Array(2048);
  /** Numeric ids (by their text) whose MAX_PROBES slots were all taken when they were added (or rehashed). */
  private overflow = new Map<string, number>();
  /** Ids that are not numbers kept as numbers, by their text. */
  private readonly others = new Map<string, number>();
  /** The texts of those ids, to give an id back from its number. */
  private readonly texts: string[] = [];

  /** Ids numbered so far. */
  get size(): number {
    return this.count;
  }

  /** The number of `id`, or -1 when it was never added. */
  find(id: string): number {
    const key = numericKey(id);
    if (key < 0) return this.others.get(id) ?? -1;
    const mask = this.slots.length - 1;
    // An id is in the overflow Map only if its run was full when it was added; runs never empty until a rehash.
    for (let probe = 0, slot = hashOfNumericId(key) & mask; probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      if (this.keys[entry - 1] === key) return entry - 1;
    }
    return this.overflow.get(id) ?? -1;
  }

  /** Numbers `id`, which must not have been added before; gives its number. */
  add(id: string): number {
    const key = numericKey(id);
    if (key < 0) {
      // A copy, so that a Map key does not keep alive the chunk of the file it was cut from.
      const copy = detachString(id);
      const index = this.append(-1 - this.texts.length);
      this.texts.push(copy);
      this.others.set(copy, index);
      return index;
    }
    const index = this.append(key);
    if (!this.place(this.slots, key, index)) this.overflow.set(String(key), index);
    if (++this.numeric > this.slots.length * MAX_LOAD) this.rehash();
    return index;
  }

  /** The id numbered `index`, as it was written. */
  idAt(index: number): string {
    const key = this.keys[index]!;
    // The number's text is the id: it had no leading zeros.
    return key >= 0 ? String(key) : this.texts[-1 - key]!;
  }

  /** Bytes of the typed arrays (the Maps of other and overflowing ids not counted). */
  get byteLength(): number {
    return this.keys.byteLength + this.slots.byteLength;
  }

  /** Ids kept in a Map: not numbers kept as numbers, or whose run of slots was full. */
  get mapped(): number {
    return this.others.size + this.overflow.size;
  }

  private append(key: number): number {
    const index = this.count++;
    if (index === this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    this.keys[index] = key;
    return index;
  }

  /** Puts id number `index` in the first free slot of its run; false when the run is full. */
  private place(slots: Uint32Array, key: number, index: number): boolean {
    const mask = slots.length - 1;
    for (let probe = 0, slot = hashOfNumericId(key) & mask; probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
      if (slots[slot] === 0) {
        slots[slot] = index + 1;
        return true;
      }
    }
    return false;
  }

  /** Doubles the hash table, placing the numeric ids again in order of first appearance. */
  private rehash(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const overflow = new Map<string, number>();
    for (let index = 0; index < this.count; index++) {
      const key = this.keys[index]!;
      if (key < 0) continue;
      if (!this.place(slots, key, index)) overflow.set(String(key), index);
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
