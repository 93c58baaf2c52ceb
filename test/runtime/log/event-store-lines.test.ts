import { describe, expect, it } from 'vitest';
import { EventStore } from '../../../runtime/log/event-store.js';
import { WideLines } from '../../../runtime/log/line-index.js';
import { emptyValidRow } from '../../../runtime/log/ticket-row.js';

/** Lines as a portfolio's client sees them: a fraction of the log's rows, so the lines skip. */
describe('EventStore lines', () => {
  it.each([
    ['consecutive lines', (seq: number) => seq + 2],
    ['lines that skip irregularly (one client of three)', (seq: number) => 2 + seq * 3 + (seq % 7)],
    ['regular, then irregular after 5000 rows', (seq: number) => (seq < 5000 ? seq + 2 : 5002 + (seq - 5000) * 2 + (seq % 3))],
    // One partition of `--jobs 2`: about every other line, as the ids' hashes fall.
    ['lines of one partition of two', (seq: number) => 2 + 2 * seq + ((seq * 2_654_435_761) >>> 31)],
    // A client with a row now and then: 256 events span more than 65,536 lines.
    ['lines far apart', (seq: number) => 2 + seq * 300 + (seq % 5)],
    ['lines far apart in bursts', (seq: number) => 2 + seq + Math.floor(seq / 100) * 70_000 + (seq % 3)],
    ['lines near the 32-bit limit', (seq: number) => 4_000_000_000 + seq * 3 + (seq % 2)],
    // Runs of consecutive lines: kept as runs while they average 8 events or more, else every line.
    ['lines in runs of 6 events', (seq: number) => 2 + seq + Math.floor(seq / 6) * 5],
    ['lines in runs of 10 events', (seq: number) => 2 + seq + Math.floor(seq / 10) * 5],
  ])('gives back the line of every event: %s', (_name, lineOf) => {
    const store = new EventStore([]);
    const row = emptyValidRow();
    for (let seq = 0; seq < 20_000; seq++) {
      row.ticket = `T${seq % 500}`;
      row.time = seq * 1000;
      store.add(row, lineOf(seq));
    }
    for (let seq = 0; seq < 20_000; seq++) expect(store.lineOf(seq)).toBe(lineOf(seq));
  });
});

describe('EventStore memory', () => {
  it('holds a partition of `--jobs 2` in 9 bytes an event once read (time 4, link 2, kind and value 2, line 1), and its tickets', () => {
    const store = new EventStore(['Email']);
    const row = emptyValidRow();
    const events = 16 * 65_536;
    for (let seq = 0; seq < events; seq++) {
      row.ticket = `T-${Math.floor(seq / 8)}`;
      row.kind = seq % 8 === 0 ? 0 : 1;
      row.time = 1_767_225_600_000 + seq * 1000;
      store.add(row, 2 + 2 * seq + ((seq * 2_654_435_761) >>> 31));
    }
    store.compact();
    // 9 bytes an event, about 3 more for its ticket's share (id, start, first event, order bit) and the chunks' spare room at this
    // size: 11.9 in all. Lines in 2 bytes made it 12.9; links in 4 as well, 14.9; kind and value in 4 and lines in 4, 18.9.
    expect(store.byteLength / events).toBeLessThan(12.4);
  });
});

describe('LineIndex memory', () => {
  /** `LineIndex.byteLength` an event of a store of `count` events on the lines `lineOf` gives. */
  function lineBytesPerEvent(count: number, lineOf: (seq: number) => number): number {
    const store = new EventStore([]);
    const row = emptyValidRow();
    for (let seq = 0; seq < count; seq++) {
      row.ticket = `T${seq % 500}`;
      row.time = seq * 1000;
      store.add(row, lineOf(seq));
    }
    const linesOnly = new EventStore([]);
    for (let seq = 0; seq < count; seq++) {
      row.ticket = `T${seq % 500}`;
      row.time = seq * 1000;
      linesOnly.add(row, seq + 2);
    }
    // The same store with lines that keep step (one run) is the baseline: what differs is the lines' memory.
    return (store.byteLength - linesOnly.byteLength) / count;
  }

  // Runs used to be kept in JavaScript arrays that the store's byteLength did not count (0 bytes here).
  it.each([
    ['runs of 10 events (8 bytes a run)', 10, 0.75, 1.65],
    ['runs of 6 events (every line: 1 byte each, and 4 for the first of 64)', 6, 0.9, 1.4],
  ])('counts the memory of lines that come in %s', (_name, run, least, most) => {
    // 16 chunks of 65,536 events, so that the chunks' spare room weighs little.
    const perEvent = lineBytesPerEvent(16 * 65_536, (seq) => 2 + seq + Math.floor(seq / run) * 5);
    expect(perEvent).toBeGreaterThan(least);
    expect(perEvent).toBeLessThan(most);
  });
});

describe('EventStore links', () => {
  /** A store of `count` events, each of the ticket `ticketOf` names, and what each ticket's events are in file order. */
  function storeOf(count: number, ticketOf: (seq: number) => string): { store: EventStore; expected: Map<string, number[]> } {
    const store = new EventStore([]);
    const row = emptyValidRow();
    const expected = new Map<string, number[]>();
    for (let seq = 0; seq < count; seq++) {
      row.ticket = ticketOf(seq);
      row.time = seq * 1000;
      store.add(row, seq + 2);
      expected.set(row.ticket, [...(expected.get(row.ticket) ?? []), seq]);
    }
    store.compact();
    return { store, expected };
  }

  // Links of 16 bits while every one fits, and of 32 from the first that does not.
  it.each([
    ['grouped by ticket', (seq: number) => `T${Math.floor(seq / 7)}`],
    ['interleaved, near one another', (seq: number) => `T${seq % 300}`],
    ['a ticket with an event 70,000 events after its last', (seq: number) => (seq === 0 || seq === 70_001 ? 'far' : `T${Math.floor(seq / 5)}`)],
    ['every ticket with events far apart', (seq: number) => `T${seq % 70_000}`],
  ])("walks every ticket's events in file order: %s", (_name, ticketOf) => {
    const { store, expected } = storeOf(150_000, ticketOf);
    expect(store.ticketCount).toBe(expected.size);
    for (let ticket = 0; ticket < store.ticketCount; ticket++) {
      const events = store.eventsOf(ticket);
      if (JSON.stringify(events) !== JSON.stringify(expected.get(store.ticketId(ticket)))) expect(events).toEqual(expected.get(store.ticketId(ticket)));
    }
  });

  it('takes 2 bytes a link until one spans more than 65,535 events, then 4', () => {
    const count = 150_000;
    const grouped = (seq: number): string => `T${Math.floor(seq / 5)}`;
    const near = storeOf(count, grouped).store;
    // The same log but for its last event, which goes to the first ticket: one link spans the whole log.
    const far = storeOf(count, (seq) => (seq === count - 1 ? grouped(0) : grouped(seq))).store;
    const chunks = Math.ceil(count / 65_536);
    expect(far.byteLength - near.byteLength).toBe(chunks * 65_536 * 2);
  });
});

describe('WideLines', () => {
  it.each([
    ['rising by one or two', (seq: number) => 1 + seq * 2 - (seq % 2)],
    ['a jump past 65,535 inside a block', (seq: number) => (seq < 300 ? seq : seq + 100_000)],
    ['lines that go back (rows added after the log was read)', (seq: number) => (seq % 256 === 10 ? 5 : 1000 + seq)],
    ['the largest line numbers', (seq: number) => 0xffffffff - 4 * 65_536 + seq],
    // Offsets of 255 in a chunk of 2 bytes are offsets, not marks of a whole line (its mark there is 65,535).
    ['offsets of exactly 254, 255 and 256 from a block\'s first', (seq: number) => (seq >>> 6) * 100_000 + [0, 254, 255, 256][seq % 4]! + (seq % 64)],
    ['a chunk that widens after holding a whole line', (seq: number) => (seq === 70 ? 200_000_000 : seq === 1000 ? 1000 * 3 + 300 : seq * 3)],
  ])('gives back every line: %s', (_name, lineOf) => {
    const lines = new WideLines();
    const count = 3 * 65_536 + 300;
    for (let seq = 0; seq < count; seq++) lines.push(lineOf(seq));
    for (let seq = 0; seq < count; seq++) if (lines.get(seq) !== lineOf(seq)) expect([seq, lines.get(seq)]).toEqual([seq, lineOf(seq)]);
    expect(lines.length).toBe(count);
  });

  it('takes 1 byte a line and 4 for each block of 64 while a block spans at most 254 lines (one partition of two)', () => {
    const lines = new WideLines();
    const count = 20 * 65_536;
    for (let seq = 0; seq < count; seq++) lines.push(2 + 2 * seq + ((seq * 2_654_435_761) >>> 31));
    // 1 + 4 / 64, and the first lines' column grows by 65,536 lines (4,194,304 events) at a time: 1.2 at this size; 2.2 with
    // 2-byte offsets.
    expect(lines.byteLength / count).toBeLessThan(1.25);
  });

  it('widens a chunk to 2 bytes a line at the first distance over 254, and keeps the other chunks narrow', () => {
    const lines = new WideLines();
    const chunk = 65_536;
    // Every other line, but one line in five in the second chunk (a partition of five there): 64 events span about 320 lines.
    let line = 2;
    for (let seq = 0; seq < 4 * chunk; seq++) lines.push((line += seq >= chunk && seq < 2 * chunk ? 5 : 2));
    // Three chunks of 1 byte a line, one of 2, and the first lines' column: one entry of 4 bytes for each block of 64
    // lines, 4,096, in a first chunk that grows to fit them (it was a whole chunk of 65,536 entries).
    expect(lines.byteLength).toBe(3 * chunk + 2 * chunk + 4 * ((4 * chunk) / 64));
  });
});
