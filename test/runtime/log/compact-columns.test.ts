import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Float64Column, NarrowUint32Column, Uint32Column } from '../../../runtime/log/columns.js';
import { EventStore } from '../../../runtime/log/event-store.js';
import { emptyValidRow } from '../../../runtime/log/ticket-row.js';
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

describe('NarrowUint32Column', () => {
  it('keeps 2 bytes a number while each fits in 16 bits, then widens once, every number kept (across chunks)', () => {
    const column = new NarrowUint32Column();
    const value = (index: number): number => (index * 7919) % 65_536;
    for (let index = 0; index < 150_000; index++) column.push(value(index));
    expect([column.bytesPerValue, column.byteLength]).toEqual([2, 3 * 65_536 * 2]);
    column.set(10, 0xffff);
    expect(column.bytesPerValue).toBe(2);
    column.push(0x10000);
    column.set(20, 0xffffffff);
    expect([column.bytesPerValue, column.byteLength]).toEqual([4, 3 * 65_536 * 4]);
    for (let index = 0; index < 150_000; index++) {
      const want = index === 10 ? 0xffff : index === 20 ? 0xffffffff : value(index);
      if (column.get(index) !== want) expect([index, column.get(index)]).toEqual([index, want]);
    }
    expect([column.get(150_000), column.length]).toEqual([0x10000, 150_001]);
  });

  it('widens on a `set` too', () => {
    const column = new NarrowUint32Column();
    column.push(1);
    column.set(0, 70_000);
    expect([column.get(0), column.bytesPerValue]).toEqual([70_000, 4]);
  });
});

// A portfolio keeps an event store per client: a whole first chunk (65,536
// values) for each column made 1.1 MB a client, whatever its tickets.
describe('a column holding few values', () => {
  it.each([
    ['Float64Column', () => new Float64Column(), 8],
    ['Uint32Column', () => new Uint32Column(), 4],
    ['NarrowUint32Column', () => new NarrowUint32Column(), 2],
  ] as const)('%s: 10 values take a first chunk of 256, which doubles as it fills, up to a whole chunk', (_name, make, bytes) => {
    const column = make();
    expect(column.byteLength).toBe(0);
    for (let index = 0; index < 10; index++) column.push(index);
    expect(column.byteLength).toBe(256 * bytes);
    for (let index = 10; index < 257; index++) column.push(index);
    expect(column.byteLength).toBe(512 * bytes);
    for (let index = 257; index < 65_537; index++) column.push(index % 65_536);
    expect(column.byteLength).toBe(2 * 65_536 * bytes);
    for (const index of [0, 9, 255, 256, 511, 512, 65_535, 65_536]) expect(column.get(index)).toBe(index % 65_536);
  });

  it('NarrowUint32Column widens a first chunk still growing, and grows it on, every number kept', () => {
    const column = new NarrowUint32Column();
    for (let index = 0; index < 300; index++) column.push(index);
    column.push(70_000);
    expect([column.bytesPerValue, column.byteLength]).toEqual([4, 512 * 4]);
    for (let index = 301; index < 1_000; index++) column.push(index);
    expect(column.byteLength).toBe(1_024 * 4);
    expect([column.get(299), column.get(300), column.get(301), column.get(999)]).toEqual([299, 70_000, 301, 999]);
  });

  it('an event store of 5 tickets takes kilobytes, not a megabyte', () => {
    const store = new EventStore(['Email']);
    const row = emptyValidRow();
    for (let seq = 0; seq < 20; seq++) {
      row.ticket = `T-${seq % 5}`;
      row.kind = seq < 5 ? 0 : 2;
      row.channel = 0;
      row.value = seq < 5 ? 'P1' : 'open';
      row.time = 1_767_225_600_000 + seq * 1000;
      store.add(row, seq + 2);
    }
    expect(store.byteLength).toBeLessThan(64 * 1024);
  });
});

describe('EventStore with more than 63 distinct values', () => {
  it('gives back every event as it was added, before and after the 64th value widens its packing', () => {
    const store = new EventStore(['Email', 'Chat']);
    const row = emptyValidRow();
    const statusOf = (seq: number): string => `status ${seq < 100_000 ? seq % 40 : seq % 300}`;
    for (let seq = 0; seq < 120_000; seq++) {
      row.ticket = `T-${seq % 1000}`;
      row.kind = seq < 1000 ? 0 : 2; // created, then status (TICKET_EVENT_KINDS)
      row.channel = seq % 3 - 1;
      row.value = seq < 1000 ? 'P1' : statusOf(seq);
      row.time = 1_767_225_600_000 + seq * 1000;
      store.add(row, seq + 2);
    }
    for (let seq = 0; seq < 120_000; seq += 997) {
      const event = store.toTicketEvent(seq, `T-${seq % 1000}`);
      const want = seq < 1000 ? { event: 'created', severity: 'P1' } : { event: 'status', status: statusOf(seq) };
      expect(event).toMatchObject({ ...want, time: 1_767_225_600_000 + seq * 1000, line: seq + 2, channel: [undefined, 'Email', 'Chat'][seq % 3] });
    }
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
