/**
 * Where a log's first line starts: after up to two UTF-8 byte-order marks,
 * as the one-thread reader drops them (the decoder's, then the line
 * splitter's).
 */
export function skipByteOrderMarks(buffer: Uint8Array): number {
  let at = 0;
  for (let mark = 0; mark < 2 && buffer[at] === 0xef && buffer[at + 1] === 0xbb && buffer[at + 2] === 0xbf; mark++) at += 3;
  return at;
}
