import { TextDecoder } from 'node:util';
import { FNV_OFFSET, FNV_PRIME, hasPlainEnds, ownerOfHash, partitionOf } from './partition.js';

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 0x7b;
const SPACE = 0x20;
const TAB = 0x09;
const CARRIAGE_RETURN = 0x0d;
const LINE_FEED = 0x0a;
const BLANKS = /[ \t\r\n\ufeff]/;
/** The length of `{"ticket":"`, the start of nearly every row a helpdesk or `slac` writes. */
const LEADING_LENGTH = 11;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The partition that reads the NDJSON line `bytes[from..to)` (without its
 * line ending): its ticket's (see partition.ts), found by a byte scan for
 * the common `{"ticket":"ID",...` and by reading the line otherwise. A line
 * with no readable ticket (bad JSON, not UTF-8) is never a valid row, so
 * any partition may report it, as long as exactly one does: `fallback`.
 */
export function ownerOfLine(bytes: Uint8Array, from: number, to: number, partitions: number, fallback: number): number {
  const quick = leadingTicketOwner(bytes, from, to, partitions);
  if (quick !== -1) return quick;
  // A line that cannot hold a JSON object (a blank line, which every reader skips; text, a list) is no ticket's:
  // parsed, each threw in JSON.parse, and a log with a blank line between its rows took --jobs 2 twenty times as long as --jobs 1.
  if (!opensObject(bytes, from, to)) return fallback;
  let text: string;
  try {
    text = decoder.decode(bytes.subarray(from, to));
  } catch {
    return fallback; // not UTF-8: the check falls back to one thread, which says where
  }
  const ticket = ticketOfLine(text);
  return ticket === undefined ? fallback : partitionOf(ticket, partitions);
}

/** Whether the line's first byte after JSON's blanks (space, tab, CR, LF) is `{`: no other line parses to an object. */
function opensObject(bytes: Uint8Array, from: number, to: number): boolean {
  let at = from;
  while (at < to && (bytes[at] === SPACE || bytes[at] === TAB || bytes[at] === CARRIAGE_RETURN || bytes[at] === LINE_FEED)) at++;
  return at < to && bytes[at] === OPEN_BRACE;
}

/**
 * The partition of a line `{"ticket":"ID"...` whose id has no escape and
 * plain ASCII at either end (`hasPlainEnds`): then its bytes are the UTF-8 of the id
 * `validateTicketRow` reads from a valid row (were the line no valid row,
 * any partition would do), and the partition is `partitionOfBytes` of them,
 * hashed here as they are crossed (every line of a log is scanned: one pass
 * instead of two). -1 for any other line.
 */
export function leadingTicketOwner(bytes: Uint8Array, from: number, to: number, partitions: number): number {
  if (to - from <= LEADING_LENGTH || !startsWithLeading(bytes, from)) return -1;
  const start = from + LEADING_LENGTH;
  let hash = FNV_OFFSET;
  for (let at = start; at < to; at++) {
    const byte = bytes[at]!;
    if (byte === QUOTE) return at > start && hasPlainEnds(bytes, start, at - 1) ? ownerOfHash(hash, partitions) : -1;
    if (byte === BACKSLASH) return -1;
    hash = Math.imul(hash ^ byte, FNV_PRIME);
  }
  return -1;
}

/**
 * Whether `bytes` spell `{"ticket":"` at `from`: compared with constants,
 * which is three times quicker than a loop over the prefix's bytes (this
 * runs for every line of a log).
 */
function startsWithLeading(bytes: Uint8Array, from: number): boolean {
  return (
    bytes[from] === 0x7b && // {
    bytes[from + 1] === 0x22 && // "
    bytes[from + 2] === 0x74 && // t
    bytes[from + 3] === 0x69 && // i
    bytes[from + 4] === 0x63 && // c
    bytes[from + 5] === 0x6b && // k
    bytes[from + 6] === 0x65 && // e
    bytes[from + 7] === 0x74 && // t
    bytes[from + 8] === 0x22 && // "
    bytes[from + 9] === 0x3a && // :
    bytes[from + 10] === 0x22 // "
  );
}

/** The `ticket` of an NDJSON line as JSON.parse reads it, or undefined. */
function ticketOfLine(text: string): unknown {
  const quick = quickTicket(text);
  if (quick !== undefined) return quick;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'ticket' in value ? (value as { ticket: unknown }).ticket : undefined;
}

/**
 * The `ticket` of a flat one-line JSON object, read without parsing the
 * row; undefined (the caller parses the line) for anything less plain: an
 * escape, a nested value, a second `ticket` key, a value that is not a
 * string or a number. Either way the value is the one JSON.parse gives.
 */
export function quickTicket(text: string): string | number | undefined {
  if (text.indexOf('\\') !== -1 || text.indexOf('[') !== -1) return undefined;
  const open = text.indexOf('{');
  if (open === -1 || text.indexOf('{', open + 1) !== -1) return undefined;
  for (let at = 0; at < open; at++) if (!BLANKS.test(text[at]!)) return undefined;
  const key = text.indexOf('"ticket"', open);
  if (key === -1 || text.indexOf('"ticket"', key + 8) !== -1) return undefined;
  // Without escapes, quotes pair up: an even count before the key makes it a token, not text inside a string.
  let quotes = 0;
  for (let at = text.indexOf('"', open); at !== -1 && at < key; at = text.indexOf('"', at + 1)) quotes++;
  if (quotes % 2 !== 0) return undefined;
  let at = key + 8;
  while (at < text.length && BLANKS.test(text[at]!)) at++;
  if (text[at] !== ':') return undefined;
  at++;
  while (at < text.length && BLANKS.test(text[at]!)) at++;
  if (text.charCodeAt(at) === QUOTE) {
    const close = text.indexOf('"', at + 1);
    return close === -1 ? undefined : text.slice(at + 1, close);
  }
  const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?(?=[\s,}])/.exec(text.slice(at, at + 40));
  return number ? Number(number[0]) : undefined;
}
