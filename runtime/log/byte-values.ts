/**
 * What each distinct value of one column means, looked up by its UTF-8
 * bytes: a log repeats a handful of severities, channels, statuses and
 * authors millions of times, so each is decoded and checked once, when first
 * seen, and a row only compares bytes (docs/performance.md).
 */

/** More distinct values than this are not remembered: the row then takes the general path. */
const MAX_ENTRIES = 1024;
const SLOTS = 2048;

export class ByteValueTable<T> {
  /** Entry + 1 per slot, 0 when empty; open addressing on the bytes' hash. */
  private readonly slots = new Int32Array(SLOTS);
  private readonly hashes: number[] = [];
  private readonly keys: Buffer[] = [];
  private readonly meanings: (T | undefined)[] = [];

  /** `meaningOf(text)`: the value's meaning, or undefined when the row must take the general path. */
  constructor(private readonly meaningOf: (text: string) => T | undefined) {}

  /** The meaning of the value spelled by `bytes[start, end)` (valid UTF-8), or undefined. */
  lookUp(bytes: Buffer, start: number, end: number): T | undefined {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    return this.lookUpHashed(bytes, start, end, hash >>> 0);
  }

  /**
   * `lookUp` for a caller that hashed the bytes as it read them: `hash` is
   * their FNV-1a hash (`hashOfAscii`'s, on any bytes), as `lookUp` makes it.
   */
  lookUpHashed(bytes: Buffer, start: number, end: number, hash: number): T | undefined {
    for (let slot = hash & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) return this.add(bytes, start, end, hash, slot);
      if (this.hashes[entry] === hash && sameBytes(this.keys[entry]!, bytes, start, end)) return this.meanings[entry];
    }
  }

  private add(bytes: Buffer, start: number, end: number, hash: number, slot: number): T | undefined {
    const meaning = this.meaningOf(bytes.toString('utf8', start, end));
    if (this.keys.length >= MAX_ENTRIES) return meaning;
    this.slots[slot] = this.keys.length + 1;
    this.hashes.push(hash);
    this.keys.push(Buffer.from(bytes.subarray(start, end)));
    this.meanings.push(meaning);
    return meaning;
  }
}

function sameBytes(key: Buffer, bytes: Buffer, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) if (key[i] !== bytes[start + i]) return false;
  return true;
}
