import { Uint32Column } from './columns.js';

/**
 * How far an id is looked for in the hash table before the overflow Map:
 * ids crafted so that their hashes collide would otherwise make every
 * look-up walk all of them (quadratic time).
 */
const MAX_PROBES = 32;

/**
 * Ticket ids, each kept once and numbered in order of first appearance. A
 * million ids in a Map of strings take about 80 MB; here they take about 25:
 * the characters in one growing arena (a byte a character while every id
 * is Latin-1, as ids nearly always are; UTF-16 code units from the first id
 * that is not), and an open-addressing hash
 * table of ticket numbers in a typed array. An id whose run of slots is
 * full (which random ids almost never meet) goes to a Map, whose string
 * hashing is seeded per process, so colliding ids cost no more than others.
 */
export class TicketIdTable {
  // Small at first, doubling as ids come (`makeRoom`): a portfolio keeps a table per client.
  private arena: Uint8Array | Uint16Array = new Uint8Array(1 << 10);
  private arenaLength = 0;
  /** Arena offset of each id; entry `size` is where the next id starts. */
  private readonly starts = new Uint32Column();
  private readonly hashes = new Uint32Column();
  /** Ticket number + 1 per slot; 0 is empty. */
  private slots = new Uint32Array(1 << 12);
  /** 32 minus log2 of the slots (see `firstSlot`). */
  private slotShift = 32 - 12;
  /** Ids whose MAX_PROBES slots were all taken when they were added (or rehashed). */
  private overflow = new Map<string, number>();
  size = 0;

  constructor() {
    this.starts.push(0);
  }

  /**
   * Gives back the memory only reading needs: the arena's spare room (up to
   * half of it), the hash table and the ids' hashes, rebuilt if an id is
   * looked up again.
   * Called once the log has been read.
   */
  compact(): void {
    if (this.arena.length > this.arenaLength) this.arena = this.arena.slice(0, Math.max(1, this.arenaLength));
    this.slots = new Uint32Array(0);
    this.overflow = new Map();
    this.hashes.clear();
  }

  /**
   * Makes the hash table again after `compact`: each id's hash worked out
   * anew from its text (4 bytes an id are not kept for the rare row that
   * comes after the log is read).
   */
  private reopen(): void {
    // A rare path (a row after the log was read): the id's text is made to be hashed as it was when added.
    for (let index = this.hashes.length; index < this.size; index++) this.hashes.push(hashOf(this.textOf(index)));
    this.rehash(Math.max(1 << 12, 2 ** Math.ceil(Math.log2(this.size * 2 + 2))));
  }

  /** The number of this id, adding it when it is new. */
  idOf(text: string): number {
    if (this.slots.length === 0) this.reopen();
    const hash = hashOf(text);
    const mask = this.slots.length - 1;
    // An id is in the overflow Map only if its run was full when it was added; runs never empty until a rehash.
    for (let probe = 0, slot = firstSlot(hash, this.slotShift); probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return this.add(text, hash, slot);
      if (this.hashes.get(entry - 1) === hash && this.equals(entry - 1, text)) return entry - 1;
    }
    return this.overflow.get(text) ?? this.add(text, hash, -1);
  }

  /**
   * `idOf` for an id given as ASCII bytes (`bytes[start, end)`, every byte
   * below 0x80) with `hash` from `hashOfAscii`: an ASCII byte is the id's
   * UTF-16 code unit, so the hash, the arena and the numbering are those of
   * `idOf` on the decoded text, without making the string.
   */
  idOfAscii(bytes: Uint8Array, start: number, end: number, hash: number): number {
    if (this.slots.length === 0) this.reopen();
    const mask = this.slots.length - 1;
    for (let probe = 0, slot = firstSlot(hash, this.slotShift); probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return this.addAscii(bytes, start, end, hash, slot);
      if (this.hashes.get(entry - 1) === hash && this.equalsBytes(entry - 1, bytes, start, end)) return entry - 1;
    }
    const text = latin1Text(bytes, start, end);
    return this.overflow.get(text) ?? this.addAscii(bytes, start, end, hash, -1);
  }

  /** Bytes of typed arrays held. */
  get byteLength(): number {
    return this.arena.byteLength + this.starts.byteLength + this.hashes.byteLength + this.slots.byteLength;
  }

  /** The id of ticket number `index`. */
  textOf(index: number): string {
    return idText(this.arena, this.starts.get(index), this.starts.get(index + 1));
  }

  /**
   * Orders two ids as `<` orders their texts (by UTF-16 code units), without
   * making the strings.
   */
  compare(a: number, b: number): number {
    if (a === b) return 0;
    return compareIdTexts(this.arena, this.starts.get(a), this.starts.get(a + 1), this.arena, this.starts.get(b), this.starts.get(b + 1));
  }

  /**
   * Every id as plain data, numbered as here, for a `--jobs` partition to
   * send with its report: views of this table's arena and offsets, not
   * copies (at 1,000,000 tickets a copy held 6 MB more on each thread at
   * the check's peak). Ids added later do not change what it names.
   * Handed over to another thread (transferred), they leave this table
   * unusable: a worker sends its report last.
   */
  part(): TicketIdsPart {
    return { size: this.size, arena: this.arena.subarray(0, this.arenaLength), starts: this.starts.chunksInUse() };
  }

  private equals(index: number, text: string): boolean {
    const start = this.starts.get(index);
    if (this.starts.get(index + 1) - start !== text.length) return false;
    for (let i = 0; i < text.length; i++) if (this.arena[start + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  private equalsBytes(index: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.starts.get(index);
    if (this.starts.get(index + 1) - from !== end - start) return false;
    for (let i = start; i < end; i++) if (this.arena[from + i - start] !== bytes[i]) return false;
    return true;
  }

  private add(text: string, hash: number, slot: number): number {
    this.makeRoom(text.length, this.arena instanceof Uint8Array && !isLatin1(text));
    for (let i = 0; i < text.length; i++) this.arena[this.arenaLength + i] = text.charCodeAt(i);
    return this.added(text.length, hash, slot, text);
  }

  /** `add` from ASCII bytes: the text is made only for the overflow Map. */
  private addAscii(bytes: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    this.makeRoom(end - start, false);
    const arena = this.arena;
    for (let i = start, at = this.arenaLength; i < end; i++, at++) arena[at] = bytes[i]!;
    return this.added(end - start, hash, slot, slot < 0 ? latin1Text(bytes, start, end) : undefined);
  }

  /** Room for `length` more characters; `wide`: widens the arena to UTF-16 code units. */
  private makeRoom(length: number, wide: boolean): void {
    if (!wide && this.arenaLength + length <= this.arena.length) return;
    const size = Math.max(this.arena.length * (this.arenaLength + length > this.arena.length ? 2 : 1), this.arenaLength + length);
    const grown = wide || this.arena instanceof Uint16Array ? new Uint16Array(size) : new Uint8Array(size);
    grown.set(this.arena.subarray(0, this.arenaLength));
    this.arena = grown;
  }

  /** Records the id just copied into the arena (`length` characters) in slot `slot`, or in the overflow Map as `text`. */
  private added(length: number, hash: number, slot: number, text: string | undefined): number {
    const index = this.size++;
    this.arenaLength += length;
    this.starts.push(this.arenaLength);
    this.hashes.push(hash);
    if (slot < 0) this.overflow.set(text!, index);
    else this.slots[slot] = index + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return index;
  }

  private rehash(size = this.slots.length * 2): void {
    const slots = new Uint32Array(size);
    const overflow = new Map<string, number>();
    const mask = slots.length - 1;
    const shift = 32 - Math.log2(size);
    for (let index = 0; index < this.size; index++) {
      let slot = firstSlot(this.hashes.get(index), shift);
      let probe = 0;
      while (slots[slot] !== 0 && probe < MAX_PROBES) {
        slot = (slot + 1) & mask;
        probe++;
      }
      if (probe === MAX_PROBES) overflow.set(this.textOf(index), index);
      else slots[slot] = index + 1;
    }
    this.slots = slots;
    this.slotShift = shift;
    this.overflow = overflow;
  }
}

/**
 * Ticket ids as plain data, for another thread: id number `n` (below
 * `size`) is the code units `arena[start(n), start(n + 1))` (bytes while
 * every id is Latin-1), where `start(n)` is `chunkValue(starts, n)`.
 */
export interface TicketIdsPart {
  size: number;
  arena: Uint8Array | Uint16Array;
  /** The offsets' column, chunk by chunk (`Uint32Column.chunksInUse`). */
  starts: Uint32Array[];
}

/** The text of the code units `arena[start, end)`. */
export function idText(arena: Uint8Array | Uint16Array, start: number, end: number): string {
  let text = '';
  // Short ids (the usual case) a character at a time: quicker than spreading a subarray.
  if (end - start <= 12) {
    for (let at = start; at < end; at++) text += String.fromCharCode(arena[at]!);
    return text;
  }
  for (let at = start; at < end; at += 4096) text += String.fromCharCode.apply(null, arena.subarray(at, Math.min(end, at + 4096)) as unknown as number[]);
  return text;
}

/** Orders two ids, each the code units of an arena between two offsets, as `<` orders their texts. */
export function compareIdTexts(arenaA: Uint8Array | Uint16Array, startA: number, endA: number, arenaB: Uint8Array | Uint16Array, startB: number, endB: number): number {
  const lengthA = endA - startA;
  const lengthB = endB - startB;
  const common = Math.min(lengthA, lengthB);
  for (let i = 0; i < common; i++) {
    const difference = arenaA[startA + i]! - arenaB[startB + i]!;
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return lengthA === lengthB ? 0 : lengthA < lengthB ? -1 : 1;
}

/**
 * Where an id's run of slots starts in a table of 2^(32 - shift) slots:
 * the top bits of its hash times 2^32 / golden ratio (Fibonacci hashing),
 * not its low bits. `slac check --jobs N` gives each thread the ids whose
 * hash is one value modulo N, so at N = 2^k the k lowest bits of a
 * thread's hashes are the same. Slotted by its low bits, a table of one of
 * 16 partitions' ids took 4.86 probes an insertion on average, and 1.61,
 * 2.01 and 2.90 of one of 2, 4 and 8; 1.45-1.48 slotted so, as all the ids
 * in one table do (a simulation of the ids T-1 to T-1000000).
 */
export function firstSlot(hash: number, shift: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> shift;
}

/** Whether every character of the text fits in a byte. */
function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/** The text of bytes that are all ASCII (only made for a new id). */
function latin1Text(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let at = start; at < end; at++) text += String.fromCharCode(bytes[at]!);
  return text;
}

/** `hashOf` of the text of ASCII bytes, from the bytes. */
export function hashOfAscii(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    hash ^= bytes[i]!;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** FNV-1a over UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
