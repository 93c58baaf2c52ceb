import { IdIndex } from './id-index.js';

/** What is known of a comment read before: the line of its first row, and whether a row's values are that row's. */
export interface EarlierComment {
  line: number;
  same: boolean;
}

/**
 * The comments read so far, by id: the line of each one's first row and a
 * 32-bit hash of the values the import reads of it, so that a row a sync
 * wrote twice is told from the first (same values) or from a conflicting
 * copy (other values).
 *
 * The ids are numbered in an `IdIndex` (a Zendesk id kept as a number, any
 * other as text), and each comment's line and hash kept in typed arrays
 * indexed by that number: 16 bytes a comment, and 4 a slot of a hash table
 * at most half full. At a million Zendesk ids that is 25 bytes a comment
 * (`byteLength`; the heap and array buffers grow by as much, against 53
 * bytes when the ids were numbers in a Map).
 */
export class CommentIds {
  private readonly ids = new IdIndex();
  private lines = new Uint32Array(1024);
  private hashes = new Uint32Array(1024);

  /** The comment's earlier row, if `id` was read before; otherwise remembers this row (its values' `hash`, of `hashValue`) as its first and gives undefined. */
  earlier(id: string, line: number, hash: number): EarlierComment | undefined {
    const found = this.ids.find(id);
    if (found >= 0) return { line: this.lines[found]!, same: this.hashes[found] === hash };
    const index = this.ids.add(id);
    if (index === this.lines.length) this.grow();
    this.lines[index] = line;
    this.hashes[index] = hash;
    return undefined;
  }

  /** Bytes of the typed arrays (the Maps of other and overflowing ids not counted). */
  get byteLength(): number {
    return this.ids.byteLength + this.lines.byteLength + this.hashes.byteLength;
  }

  /** Ids kept in a Map: not numbers kept as numbers, or whose run of slots was full. */
  get mapped(): number {
    return this.ids.mapped;
  }

  private grow(): void {
    const lines = new Uint32Array(this.lines.length * 2);
    lines.set(this.lines);
    const hashes = new Uint32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.lines = lines;
    this.hashes = hashes;
  }
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
