import { TextDecoder } from 'node:util';
import { partitionOf, partitionOfBytes } from './partition.js';

const QUOTE = 34;
const BACKSLASH = 92;
const BLANKS = /[ \t\r\n\ufeff]/;
/** `{"ticket":"`, the start of nearly every row a helpdesk or `slac` writes. */
const LEADING = Buffer.from('{"ticket":"', 'latin1');

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The partition that reads the NDJSON line `bytes[from..to)` (without its
 * line ending): its ticket's (see partition.ts), found by a byte scan for
 * the common `{"ticket":"ID",...` and by reading the line otherwise. A line
 * with no readable ticket (bad JSON, not UTF-8) is never a valid row, so
 * any partition may report it, as long as exactly one does: `fallback`.
 */
export function ownerOfLine(bytes: Uint8Array, from: number, to: number, partitions: number, fallback: number): number {
  const quick = leadingTicketEnd(bytes, from, to);
  if (quick !== -1) return partitionOfBytes(bytes, from + LEADING.length, quick, partitions);
  let text: string;
  try {
    text = decoder.decode(bytes.subarray(from, to));
  } catch {
    return fallback; // not UTF-8: the check falls back to one thread, which says where
  }
  const ticket = ticketOfLine(text);
  return ticket === undefined ? fallback : partitionOf(ticket, partitions);
}

/**
 * Where the id of a line `{"ticket":"ID"...` ends (its closing quote), when
 * the id has no escape and no blank at either end: then its bytes are the
 * UTF-8 of the id `validateTicketRow` reads from a valid row (were the line
 * no valid row, any partition would do). -1 for any other line.
 */
function leadingTicketEnd(bytes: Uint8Array, from: number, to: number): number {
  if (to - from <= LEADING.length) return -1;
  for (let index = 0; index < LEADING.length; index++) if (bytes[from + index] !== LEADING[index]) return -1;
  const start = from + LEADING.length;
  for (let at = start; at < to; at++) {
    const byte = bytes[at]!;
    if (byte === BACKSLASH) return -1;
    if (byte === QUOTE) return at > start && bytes[start]! > 32 && bytes[at - 1]! > 32 ? at : -1;
  }
  return -1;
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
