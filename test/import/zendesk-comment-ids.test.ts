import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CommentIds, type EarlierComment } from '../../import/zendesk-tables/comment-ids.js';
import { hashOfNumericId } from '../../import/zendesk-tables/id-index.js';
import { mulberry32 } from '../../scripts/seeded-random.mjs';

/**
 * The comment ids of the zendesk-tables import (comment-ids.ts), which tell
 * a comment row a sync wrote twice: the same answers as a Map of the ids'
 * texts, for ids of every shape and for ids crafted to collide in its hash
 * table, and how much memory a comment costs. Measured in bytes held, never
 * in wall time.
 */

/** What `CommentIds` should answer: a Map of each id's text to its first row's line and hash. */
class ReferenceIds {
  private readonly first = new Map<string, { line: number; hash: number }>();

  earlier(id: string, line: number, hash: number): EarlierComment | undefined {
    const known = this.first.get(id);
    if (known !== undefined) return { line: known.line, same: known.hash === hash };
    this.first.set(id, { line, hash });
    return undefined;
  }
}

/** Feeds the same rows (id, hash; lines counted from 2) to a `CommentIds` and to the reference; gives the `CommentIds`. */
function expectSameAnswers(rows: [string, number][], comments = new CommentIds()): CommentIds {
  const reference = new ReferenceIds();
  rows.forEach(([id, hash], at) => {
    const line = at + 2;
    const expected = reference.earlier(id, line, hash);
    const actual = comments.earlier(id, line, hash);
    if (actual?.line !== expected?.line || actual?.same !== expected?.same) expect({ id, line, hash, actual }).toEqual({ id, line, hash, actual: expected });
  });
  return comments;
}

/** Ids of every shape the table tells apart: numbers of 1 to 15 digits, leading zeros, 16 digits and more, and text. */
function idPool(random: () => number, count: number): string[] {
  const digits = (length: number): string => Array.from({ length }, () => String(Math.floor(random() * 10))).join('');
  const numberOf = (length: number): string => String(1 + Math.floor(random() * 9)) + digits(length - 1);
  const shapes: (() => string)[] = [
    () => numberOf(1 + Math.floor(random() * 15)),
    () => numberOf(13),
    () => String(Math.floor(random() * 100)),
    () => numberOf(15),
    () => numberOf(16 + Math.floor(random() * 5)),
    () => `0${numberOf(1 + Math.floor(random() * 14))}`,
    () => '0'.repeat(1 + Math.floor(random() * 3)),
    () => `c-${digits(3)}`,
    () => `${numberOf(3)}a`,
    () => `-${numberOf(2)}`,
    () => `${numberOf(2)}.0`,
    () => `${numberOf(1)}e${digits(1)}`,
    () => `٣${digits(2)}`,
    () => `${digits(2)} `,
    () => `😀${digits(1)}`,
  ];
  const ids = new Set<string>(['0', '7', '007', '999999999999999', '1000000000000000', '9007199254740992', '9007199254740993', '4294967295', '4294967296']);
  while (ids.size < count) ids.add(shapes[Math.floor(random() * shapes.length)]!());
  return [...ids];
}

describe('CommentIds answers as a Map of the ids as text', () => {
  it('over random sequences of ids of every shape, repeated with the same and other hashes', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = mulberry32(seed);
      const pool = idPool(random, 500 + seed * 1000);
      // Repeats drawn from the pool, most of them with a hash of three: a copy with the same values, or other values.
      const rows: [string, number][] = Array.from({ length: pool.length * 3 }, () => [pool[Math.floor(random() * pool.length)]!, Math.floor(random() * 3)]);
      expectSameAnswers(rows);
    }
  });

  it('an id with leading zeros is not its number: 7 and 007 are two comments', () => {
    const comments = new CommentIds();
    expect(comments.earlier('7', 2, 1)).toBeUndefined();
    expect(comments.earlier('007', 3, 2)).toBeUndefined();
    expect(comments.earlier('07', 4, 3)).toBeUndefined();
    expect(comments.earlier('0', 5, 4)).toBeUndefined();
    expect(comments.earlier('00', 6, 5)).toBeUndefined();
    expect(comments.earlier('007', 7, 2)).toEqual({ line: 3, same: true });
    expect(comments.earlier('7', 8, 2)).toEqual({ line: 2, same: false });
    expect(comments.earlier('0', 9, 4)).toEqual({ line: 5, same: true });
  });

  it('numbers of 16 digits and more are told apart by their text, beyond what a double holds exactly', () => {
    const comments = new CommentIds();
    expect(comments.earlier('9007199254740992', 2, 1)).toBeUndefined();
    expect(comments.earlier('9007199254740993', 3, 1)).toBeUndefined();
    expect(comments.earlier('999999999999999', 4, 1)).toBeUndefined();
    expect(comments.earlier('9007199254740993', 5, 1)).toEqual({ line: 3, same: true });
    expect(comments.earlier('999999999999999', 6, 2)).toEqual({ line: 4, same: false });
    // 15 digits are kept as numbers, 16 as text.
    expect(comments.mapped).toBe(2);
  });
});

describe('comment ids crafted to collide', () => {
  /**
   * Numeric ids whose 32-bit hash is the same, so that they land in one
   * slot whatever the table's size: the hash folds an id's halves as
   * `low ^ high * 0x9e3779b1` before mixing, so for each high half one low
   * half gives the same folded value.
   */
  function collidingIds(count: number): string[] {
    const folded = 0x2468ace0;
    return Array.from({ length: count }, (_, at) => {
      const high = at + 1;
      const low = (folded ^ Math.imul(high, 0x9e3779b1)) >>> 0;
      return String(high * 0x100000000 + low);
    });
  }

  it('the crafted ids do collide, and are numeric ids of up to 15 digits (the test would prove nothing otherwise)', () => {
    const ids = collidingIds(3000);
    expect(new Set(ids).size).toBe(3000);
    expect(new Set(ids.map((id) => hashOfNumericId(Number(id)))).size).toBe(1);
    for (const id of ids) expect(id).toMatch(/^[1-9]\d{9,14}$/);
  });

  it('3,000 colliding ids: the first 32 fill their run of slots, the others go to the Map, and every one is found again', () => {
    const ids = collidingIds(3000);
    const comments = expectSameAnswers([...ids.map((id): [string, number] => [id, 1]), ...ids.map((id, at): [string, number] => [id, at % 2])]);
    expect(comments.mapped).toBe(3000 - 32);
  });

  it('colliding ids among random ones, repeated after the table has grown: the same answers as the reference', () => {
    const random = mulberry32(7);
    const colliding = collidingIds(2000);
    const others = zendeskIds(6000, 8);
    const pool = [...colliding, ...others, ...idPool(random, 500)];
    const rows: [string, number][] = [];
    for (let at = 0; at < 30_000; at++) rows.push([pool[Math.floor(random() * pool.length)]!, Math.floor(random() * 2)]);
    const comments = expectSameAnswers(rows);
    expect(comments.mapped).toBeGreaterThan(1000);
  });
});

/** `count` distinct ids as Zendesk writes them: 13-digit numbers, in rising order with gaps, as comments are numbered. */
function zendeskIds(count: number, seed: number): string[] {
  const random = mulberry32(seed);
  const ids: string[] = [];
  for (let id = 1_300_000_000_000; ids.length < count; id += 1 + Math.floor(random() * 5000)) ids.push(String(id));
  return ids;
}

describe('memory of a comment', () => {
  const count = 1_000_000;

  it('a million numeric ids take at most 26 bytes each in typed arrays, and almost none goes to a Map', () => {
    const comments = new CommentIds();
    zendeskIds(count, 1).forEach((id, line) => comments.earlier(id, line + 2, line));
    expect(comments.byteLength / count).toBeLessThanOrEqual(26);
    // A few ids in a million find their run of slots full (6 of these); a Map costs them about 80 bytes.
    expect(comments.mapped).toBeLessThanOrEqual(100);
  });

  it('a million numeric ids add at most 32 bytes each to the heap and the array buffers, after a full collection', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const ids = zendeskIds(count, 2);
    const held = (): number => {
      gc();
      const usage = process.memoryUsage();
      return usage.heapUsed + usage.arrayBuffers;
    };
    const before = held();
    const comments = new CommentIds();
    ids.forEach((id, line) => comments.earlier(id, line + 2, line));
    const perComment = (held() - before) / count;
    // Still there, and held until here.
    expect(comments.earlier(ids[count - 1]!, 0, count - 1)).toEqual({ line: count + 1, same: true });
    expect(perComment).toBeLessThanOrEqual(32);
  });
});
