import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/seeded-random.mjs';
import { ByteLineSplitter, utf16Length } from '../../../runtime/log/byte-line-splitter.js';
import { LineSplitter } from '../../../runtime/log/line-splitter.js';

type Seen = ['line', string, number] | ['long', number];

/** What the text path sees: the bytes decoded in the same chunks (the decoder drops one BOM), then LineSplitter. */
function throughText(bytes: Buffer, cuts: readonly number[], maxLength: number): Seen[] {
  const seen: Seen[] = [];
  const splitter = new LineSplitter(
    (text, line) => seen.push(['line', text, line]),
    (line) => seen.push(['long', line]),
    maxLength,
  );
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    splitter.push(decoder.decode(bytes.subarray(from, cut), { stream: true }));
    from = cut;
  }
  splitter.push(decoder.decode());
  splitter.end();
  return seen;
}

function throughBytes(bytes: Buffer, cuts: readonly number[], maxLength: number): Seen[] {
  const seen: Seen[] = [];
  const splitter = new ByteLineSplitter(
    (chunk, start, end, line) => seen.push(['line', chunk.toString('utf8', start, end), line]),
    (line) => seen.push(['long', line]),
    maxLength,
  );
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    splitter.push(bytes.subarray(from, cut));
    from = cut;
  }
  splitter.end();
  return seen;
}

const PIECES = ['a', 'b', 'xyz', '{"t":1}', '\n', '\n', '\r\n', '\r', ' ', 'é', '€', '😀', '\ufeff', ''];

function randomText(random: () => number): string {
  let text = random() < 0.2 ? '\ufeff' : '';
  if (random() < 0.1) text += '\ufeff';
  const count = Math.floor(random() * 40);
  for (let i = 0; i < count; i++) {
    const piece = PIECES[Math.floor(random() * PIECES.length)]!;
    text += random() < 0.05 ? piece.repeat(1 + Math.floor(random() * 12)) : piece;
  }
  return text;
}

function randomCuts(random: () => number, length: number): number[] {
  const cuts: number[] = [];
  // The decoder gives '' for a first chunk inside a character, and LineSplitter then keeps a second mark:
  // a quirk of tiny first chunks that the file reader never makes (its first chunk is 64 KiB).
  for (let at = 5; at < length; ) {
    at += 1 + Math.floor(random() * 9);
    if (at < length) cuts.push(at);
  }
  return cuts;
}

describe('ByteLineSplitter', () => {
  it.each([
    ['LF and CRLF endings, a last line without one', 'a\r\nb\nc', [1, 2, 3]],
    ['blank lines and a lone CR kept inside a line', '\n\r\n x\ry \n', [3]],
    ['one byte-order mark dropped', '\ufeff{"a":1}\n', [1, 2]],
    ['two byte-order marks dropped, not three', '\ufeff\ufeff\ufeffa', [4]],
    ['a mark after the start kept', 'a\n\ufeffb', []],
    ['a mark cut between the first chunks', '\ufeff\ufeffab\nc', [1, 2, 4, 5]],
    ['a file shorter than two marks', '\ufeffa', [1, 2]],
    ['characters cut between chunks', 'é€😀\n😀', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
    ['a CR and LF in different chunks', 'ab\r\ncd', [3]],
  ])('gives the lines LineSplitter gives: %s', (_name, text, cuts) => {
    const bytes = Buffer.from(text as string, 'utf8');
    expect(throughBytes(bytes, cuts as number[], 1 << 20)).toEqual(throughText(bytes, [], 1 << 20));
  });

  it.each([
    ['a line exactly at the limit, and one over it', 'abcd\nabcde\nab', [], 4],
    ['the limit counted in code units, not bytes', 'éééé\n😀😀\n😀😀😀\n', [2, 5], 4],
    ['a long line cut into many chunks', `${'x'.repeat(30)}\nok\n`, [3, 6, 9, 12, 15, 18, 21, 24, 27], 4],
    ['a long line ending in CR', 'abcd\r\nabcde\r\n', [5], 4],
    ['a long last line without an ending', 'ok\nabcdefgh', [4, 5], 4],
  ])('reports the same lines as too long: %s', (_name, text, cuts, maxLength) => {
    const bytes = Buffer.from(text as string, 'utf8');
    expect(throughBytes(bytes, cuts as number[], maxLength as number)).toEqual(throughText(bytes, cuts as number[], maxLength as number));
  });

  it('agrees with LineSplitter on random texts cut into random chunks', () => {
    const random = mulberry32(20261130);
    let lines = 0;
    for (let run = 0; run < 3000; run++) {
      const bytes = Buffer.from(randomText(random), 'utf8');
      const cuts = randomCuts(random, bytes.length);
      const maxLength = 1 + Math.floor(random() * 12);
      const expected = throughText(bytes, cuts, maxLength);
      expect(throughBytes(bytes, cuts, maxLength)).toEqual(expected);
      lines += expected.length;
    }
    expect(lines).toBeGreaterThan(10_000);
  });

  it('counts UTF-16 code units of UTF-8 bytes', () => {
    for (const text of ['', 'abc', 'é€', '😀x', '\ufeff']) {
      const bytes = Buffer.from(text, 'utf8');
      expect(utf16Length(bytes, 0, bytes.length)).toBe(text.length);
    }
  });
});
