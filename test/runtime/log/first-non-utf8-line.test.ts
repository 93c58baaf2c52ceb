import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { firstNonUtf8Line } from '../../../runtime/log/read-file.js';

/**
 * `firstNonUtf8Line` reads a log in chunks (it read the whole file, which
 * fails past 2 GiB): whatever the chunk size, and wherever a chunk cuts a
 * character or a line, it names the line that decoding each line whole
 * names.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-non-utf8-line-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The line a decoder finds, decoding each line by itself: what the chunked reader must find. */
function lineByWholeLines(bytes: Buffer): number {
  const lines = [];
  for (let start = 0; ; ) {
    const newline = bytes.indexOf(0x0a, start);
    lines.push(bytes.subarray(start, newline === -1 ? bytes.length : newline));
    if (newline === -1) break;
    start = newline + 1;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const bad = lines.findIndex((line) => {
    try {
      decoder.decode(line);
      return false;
    } catch {
      return true;
    }
  });
  return bad === -1 ? lines.length : bad + 1;
}

const hex = (text: string): Buffer => Buffer.from(text.replaceAll(' ', ''), 'hex');
const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');

const CASES: [string, Buffer, number][] = [
  ['a Latin-1 byte on line 1', ascii('caf\xe9\n'), 1],
  ['a Latin-1 byte on line 3', ascii('a\nb\nc\xe9d\ne\n'), 3],
  ['a lone continuation byte', Buffer.concat([ascii('ok\n'), hex('80'), ascii('\n')]), 2],
  ['a character cut short at the end of the file', Buffer.concat([ascii('ok\nok\n'), hex('e282')]), 3],
  ['a character cut short by a line end', Buffer.concat([ascii('ok\n'), hex('e282'), ascii('\nok\n')]), 2],
  ['an overlong encoding', Buffer.concat([ascii('x\ny\n'), hex('c0 af')]), 3],
  ['a surrogate', Buffer.concat([ascii('x\n'), hex('eda080'), ascii('\n')]), 2],
  ['past U+10FFFF', Buffer.concat([ascii('x\n'), hex('f4908080')]), 2],
  ['E0 80, bad from its second byte', Buffer.concat([ascii('abc\nabc\nabc'), hex('e080'), ascii('\n')]), 3],
  ['four-byte characters before the bad byte', Buffer.concat([Buffer.from('😀😀\n😀é\n', 'utf8'), hex('ff')]), 3],
  ['CRLF lines', ascii('a\r\nb\r\n\xff\r\n'), 3],
  ['a long line of good characters, then a bad one', Buffer.concat([Buffer.from('€'.repeat(5000) + '\n' + '😀'.repeat(3000), 'utf8'), hex('ff')]), 2],
  ['a bad byte after many lines', Buffer.concat([ascii('ab\n'.repeat(3000)), hex('fe')]), 3001],
];

describe('firstNonUtf8Line', () => {
  it.each(CASES)('%s', (name, bytes, line) => {
    const path = join(folder, `${CASES.findIndex(([each]) => each === name)}.log`);
    writeFileSync(path, bytes);
    expect(lineByWholeLines(bytes)).toBe(line);
    for (const chunkSize of [1, 2, 3, 4, 5, 7, 64, 1000, 1 << 20]) expect({ chunkSize, line: firstNonUtf8Line(path, chunkSize) }).toEqual({ chunkSize, line });
  });
});
