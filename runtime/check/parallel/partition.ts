import { trimmedText } from '../../log/trimmed-text.js';

/**
 * Which worker owns a ticket: a stable hash of the ticket id, as the row
 * validator reads it, modulo the number of workers. Every row of a ticket
 * goes to its owner, so the ticket is checked and evaluated in one place.
 * The hash is taken over the id's UTF-8 bytes, so that a worker scanning
 * raw log bytes (see line-owner.ts) finds the same owner without decoding.
 */
export function partitionOf(ticket: unknown, partitions: number): number {
  const key = ticketKey(ticket);
  if (key === undefined) return 0; // an invalid row: any owner reports it alike
  let ascii = true;
  for (let index = 0; index < key.length && ascii; index++) ascii = key.charCodeAt(index) < 0x80;
  if (!ascii) {
    const bytes = Buffer.from(key, 'utf8');
    return partitionOfBytes(bytes, 0, bytes.length, partitions);
  }
  let hash = FNV_OFFSET;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), FNV_PRIME);
  return ownerOfHash(hash, partitions);
}

/** The partition of an id whose FNV-1a hash is `hash`. */
export function ownerOfHash(hash: number, partitions: number): number {
  return (hash >>> 0) % partitions;
}

/** FNV-1a's 32-bit constants (line-owner.ts hashes ids as it scans them). */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** `partitionOf` for an id given as its UTF-8 bytes `bytes[from..to)` (FNV-1a: the same on every machine and run). */
export function partitionOfBytes(bytes: Uint8Array, from: number, to: number, partitions: number): number {
  let hash = FNV_OFFSET;
  for (let index = from; index < to; index++) hash = Math.imul(hash ^ bytes[index]!, FNV_PRIME);
  return ownerOfHash(hash, partitions);
}

/**
 * The ticket id as `validateTicketRow` makes it (a finite number as text; a
 * string trimmed only when it starts or ends with a blank), so that two rows
 * of one ticket always hash alike.
 */
function ticketKey(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  return trimmedText(value);
}

/**
 * Whether an id's raw UTF-8 bytes `bytes[first..last]` are the id the
 * validator reads: neither end is a blank that `trimmedText` takes off, an
 * ASCII one or a Unicode one (U+00A0, U+3000, U+FEFF, ...). Otherwise the id
 * is decoded and trimmed first (`partitionOf`).
 */
export function hasPlainEnds(bytes: Uint8Array, first: number, last: number): boolean {
  let lead = last;
  // The last character's first byte: continuation bytes are 10xxxxxx, and a character has at most 4 bytes.
  while (lead > first && lead > last - 3 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  return !isBlankAt(bytes, first) && !isBlankAt(bytes, lead);
}

/** Whether the character whose UTF-8 starts at `at` is one `String.trim` takes off. */
function isBlankAt(bytes: Uint8Array, at: number): boolean {
  const byte = bytes[at]!;
  if (byte < 0x80) return byte <= 32;
  // Every Unicode blank is 2 or 3 bytes: 0xC2 0xA0, or 0xE1-0xEF and two more.
  if (byte === 0xc2) return bytes[at + 1] === 0xa0;
  if (byte < 0xe1 || byte > 0xef) return false;
  return UNICODE_BLANKS.has(((byte & 0x0f) << 12) | ((bytes[at + 1]! & 0x3f) << 6) | (bytes[at + 2]! & 0x3f));
}

/** The blanks of three UTF-8 bytes that `String.trim` takes off (ECMAScript's WhiteSpace and LineTerminator). */
const UNICODE_BLANKS = new Set([0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);
