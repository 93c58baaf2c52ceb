import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Float64Column, Uint32Column } from '../../../runtime/log/columns.js';
import { TicketIdTable } from '../../../runtime/log/ticket-ids.js';

describe('Float64Column', () => {
  it('keeps every number exactly, NaN and the infinities included', () => {
    const column = new Float64Column();
    const values = [0, -0, 1.5, -1e300, Number.MIN_VALUE, NaN, Infinity, -Infinity, Date.UTC(2026, 2, 2, 9, 0, 0, 250)];
    for (const value of values) column.push(value);
    expect(column.length).toBe(values.length);
    expect(values.map((_, index) => column.get(index))).toEqual(values);
    expect(Object.is(column.get(1), -0)).toBe(true);
  });

  it('grows across chunk boundaries (65,536 entries) without losing values, and can be overwritten', () => {
    const column = new Float64Column();
    const count = 3 * 65_536 + 7;
    for (let index = 0; index < count; index++) column.push(index * 0.5);
    expect(column.length).toBe(count);
    for (const index of [0, 65_535, 65_536, 65_537, 2 * 65_536, count - 1]) expect(column.get(index)).toBe(index * 0.5);
    column.set(65_536, -3);
    expect(column.get(65_536)).toBe(-3);
    expect(column.get(65_535)).toBe(65_535 * 0.5);
  });
});

describe('Uint32Column', () => {
  it('keeps the full 32-bit range across chunks', () => {
    const column = new Uint32Column();
    for (let index = 0; index < 70_000; index++) column.push(index === 69_999 ? 0xffffffff : index);
    expect(column.get(65_536)).toBe(65_536);
    expect(column.get(69_999)).toBe(0xffffffff);
  });
});

describe('TicketIdTable.compare', () => {
  const ordered = (a: string, b: string): number => (a === b ? 0 : a < b ? -1 : 1);

  it('orders ids exactly as `<` orders their texts', () => {
    const ids = ['T-10', 'T-9', 'T-1', 'T-100', '', 'a', 'A', 'é', '😀', 'ticket 2', 'ticket 10', 'T-1 '];
    const table = new TicketIdTable();
    for (const id of ids) table.idOf(id);
    for (const [a, idA] of ids.entries()) for (const [b, idB] of ids.entries()) expect([idA, idB, table.compare(a, b)]).toEqual([idA, idB, ordered(idA, idB)]);
  });

  it('agrees with `<` on arbitrary ids (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 2, maxLength: 20 }), (ids) => {
        const table = new TicketIdTable();
        for (const id of ids) table.idOf(id);
        const got: number[] = [];
        const want: number[] = [];
        for (let a = 0; a < ids.length; a++) {
          for (let b = 0; b < ids.length; b++) {
            got.push(table.compare(a, b));
            want.push(ordered(ids[a]!, ids[b]!));
          }
        }
        expect(got).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });
});

describe('TicketIdTable.compact', () => {
  it('keeps every id, its number and its order, and still takes new ids afterwards', () => {
    const table = new TicketIdTable();
    const ids = Array.from({ length: 5000 }, (_, index) => (index % 2 === 0 ? `T-${index}` : `ticket ${index} ü😀`));
    for (const id of ids) table.idOf(id);
    table.compact();
    ids.forEach((id, index) => expect(table.textOf(index)).toBe(id));
    expect(table.compare(0, 1)).toBe(-1);
    ids.forEach((id, index) => expect(table.idOf(id)).toBe(index));
    expect(table.idOf('new one')).toBe(ids.length);
    expect(table.textOf(ids.length)).toBe('new one');
    table.compact();
    table.compact();
    expect(table.idOf('new one')).toBe(ids.length);
    expect(table.idOf('another')).toBe(ids.length + 1);
    expect(table.size).toBe(ids.length + 2);
  });

  it('works on an empty table', () => {
    const table = new TicketIdTable();
    table.compact();
    expect(table.size).toBe(0);
    expect(table.idOf('')).toBe(0);
    expect(table.textOf(0)).toBe('');
  });
});

describe('TicketIdTable arena', () => {
  it('keeps Latin-1 ids a byte a character, and every id exactly once the first wider one comes (past arena growth)', () => {
    const table = new TicketIdTable();
    // 70,000 ids of 5+ characters outgrow the first 65,536-character arena before the wide id arrives.
    const ids = [...Array.from({ length: 70_000 }, (_, index) => `T-${index}ÿ`), 'Ticket ☃', 'é-1', ...Array.from({ length: 100 }, (_, index) => `😀${index}`)];
    const numbers = ids.map((id) => table.idOf(id));
    expect(numbers).toEqual(ids.map((_, index) => index));
    expect(ids.map((_, index) => table.textOf(index))).toEqual(ids);
    expect(ids.map((id) => table.idOf(id))).toEqual(numbers);
    // 'T' (U+0054) before 'é' (U+00E9); 'é' (kept wide now) before '😀' (U+D83D).
    expect(table.compare(70_000, 70_001)).toBe(-1);
    expect(table.compare(70_001, 70_002)).toBe(-1);
    expect(table.size).toBe(ids.length);
  });
});
