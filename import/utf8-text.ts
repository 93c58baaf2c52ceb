import { isUtf8 } from 'node:buffer';
import { ImportFileError } from './import-source.js';

/**
 * Refuses bytes that are not UTF-8, naming the file, the line and the first
 * bad byte: decoded as they were, the bad bytes became U+FFFD silently, and
 * two ids that differ only there (`SUP-\xff`, `SUP-\xfe`) one ticket.
 * `firstLine` and `offset` place the bytes in their file.
 */
export function refuseInvalidUtf8(bytes: Uint8Array, shown: string, firstLine = 1, offset = 0): void {
  if (isUtf8(bytes)) return;
  const bad = firstInvalidUtf8(bytes);
  let line = firstLine;
  for (let at = bytes.indexOf(0x0a); at >= 0 && at < bad; at = bytes.indexOf(0x0a, at + 1)) line++;
  const byte = bytes[bad]!.toString(16).padStart(2, '0');
  throw new ImportFileError(`${shown}:${line}: not UTF-8 text: the byte at offset ${offset + bad} (0x${byte}) is not part of a UTF-8 character; save the export as UTF-8`);
}

/** The index of the first byte that does not begin a well-formed UTF-8 character (RFC 3629), or the length. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at]!;
    if (lead < 0x80) {
      at++;
      continue;
    }
    const following = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (following === 0) return at;
    // The second byte's range excludes overlong forms, surrogates and code points beyond U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let index = 1; index <= following; index++) {
      const byte = bytes[at + index];
      if (byte === undefined || byte < (index === 1 ? low : 0x80) || byte > (index === 1 ? high : 0xbf)) return at;
    }
    at += following + 1;
  }
  return at;
}

/**
 * Follows a file decoded in chunks, so that a chunk the decoder refuses can
 * be placed: the line and offset of its first bad byte, as
 * `refuseInvalidUtf8` names them for a file read whole. A CSV table said only
 * "not UTF-8 text", which left a warehouse table of millions of lines to be
 * searched by hand. Holds the bytes of a character a chunk ends inside, as
 * the decoder does, since the bad byte may be one that follows them.
 */
export class Utf8Place {
  private bytesBefore = 0;
  private linesBefore = 1;
  private held: Uint8Array = new Uint8Array(0);

  /** A chunk the decoder took. */
  passed(chunk: Uint8Array): void {
    const bytes = joined(this.held, chunk);
    this.bytesBefore += chunk.length;
    this.linesBefore += newlines(chunk, chunk.length);
    // A copy: a Buffer's slice is a view of the chunk, which the stream may reuse.
    this.held = Uint8Array.from(bytes.subarray(unfinishedCharacter(bytes)));
  }

  /** Where the first bad byte is, in the chunk the decoder refused (none: the file ended inside a character). */
  refused(chunk: Uint8Array = new Uint8Array(0)): { line: number; offset: number; byte: string } {
    const bytes = joined(this.held, chunk);
    const bad = Math.min(firstInvalidUtf8(bytes), Math.max(bytes.length - 1, 0));
    return {
      line: this.linesBefore + newlines(bytes, bad),
      offset: this.bytesBefore - this.held.length + bad,
      byte: (bytes[bad] ?? 0).toString(16).padStart(2, '0'),
    };
  }
}

function joined(held: Uint8Array, chunk: Uint8Array): Uint8Array {
  if (held.length === 0) return chunk;
  const bytes = new Uint8Array(held.length + chunk.length);
  bytes.set(held);
  bytes.set(chunk, held.length);
  return bytes;
}

function newlines(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0 && at < end; at = bytes.indexOf(0x0a, at + 1)) count++;
  return count;
}

/** Where a character the bytes end inside begins (its lead byte, at most 3 bytes back), or their length. */
function unfinishedCharacter(bytes: Uint8Array): number {
  for (let at = bytes.length - 1; at >= Math.max(0, bytes.length - 3); at--) {
    const byte = bytes[at]!;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte < 0xc0) return bytes.length;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return bytes.length - at < length ? at : bytes.length;
  }
  return bytes.length;
}
