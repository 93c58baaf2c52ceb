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
