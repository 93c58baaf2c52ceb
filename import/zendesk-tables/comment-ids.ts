/** What is known of a comment read before: the line of its first row, and whether a row's values are that row's. */
export interface EarlierComment {
  line: number;
  same: boolean;
}

/**
 * The comments read so far, by id: the line of each one's first row and a
 * 32-bit hash of the values the import reads of it, so that a row a sync
 * wrote twice is told from the first (same values) or from a conflicting
 * copy (other values). About 80 bytes a comment (the id as a map key and an
 * index; the line and hash in typed arrays).
 */
export class CommentIds {
  private readonly indexOf = new Map<string | number, number>();
  private lines = new Uint32Array(1024);
  private hashes = new Uint32Array(1024);

  /** The comment's earlier row, if `id` was read before; otherwise remembers this row (its values' `hash`, of `hashValue`) as its first and gives undefined. */
  earlier(id: string, line: number, hash: number): EarlierComment | undefined {
    const key = keyOf(id);
    const index = this.indexOf.get(key);
    if (index !== undefined) return { line: this.lines[index]!, same: this.hashes[index] === hash };
    const next = this.indexOf.size;
    if (next === this.lines.length) this.grow();
    this.indexOf.set(key, next);
    this.lines[next] = line;
    this.hashes[next] = hash;
    return undefined;
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

/**
 * The map key of a comment id: the number, for ids of up to 15 digits (all
 * of Zendesk's), which is exact and cheaper to hash; a copy of any other, so
 * that the key does not keep alive the chunk of the file it was cut from.
 */
function keyOf(id: string): string | number {
  if (id.length <= 15 && /^\d+$/.test(id)) return Number(id);
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
