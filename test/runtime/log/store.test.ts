import { describe, expect, it } from 'vitest';
import { InstantColumn } from '../../../runtime/log/columns.js';
import { TicketIdTable } from '../../../runtime/log/ticket-ids.js';
import { EventStore } from '../../../runtime/log/event-store.js';
import { emptyValidRow } from '../../../runtime/log/ticket-row.js';
import { TICKET_EVENT_KINDS } from '../../../runtime/log/events.js';
import { eventKindIndex } from '../../../runtime/log/log-vocabulary.js';

describe('TicketIdTable', () => {
  it('numbers ids in order of first appearance and gives them back', () => {
    const table = new TicketIdTable();
    const ids = Array.from({ length: 20_000 }, (_, index) => (index % 3 === 0 ? `T-${index}` : index % 3 === 1 ? `ticket ${index} ü€😀` : String(index * 7919)));
    ids.forEach((id, index) => expect(table.idOf(id)).toBe(index));
    ids.forEach((id, index) => expect(table.idOf(id)).toBe(index));
    expect(table.size).toBe(ids.length);
    ids.forEach((id, index) => expect(table.textOf(index)).toBe(id));
  });

  it('tells apart ids that differ in length or one character, and keeps the empty id', () => {
    const table = new TicketIdTable();
    expect(['A', 'AA', 'B', '', 'A '].map((id) => table.idOf(id))).toEqual([0, 1, 2, 3, 4]);
    expect(table.textOf(3)).toBe('');
    const long = 'x'.repeat(10_000);
    expect(table.textOf(table.idOf(long))).toBe(long);
  });
});

describe('InstantColumn', () => {
  it('keeps whole seconds compactly and everything else exactly', () => {
    const column = new InstantColumn();
    const instants = [Date.UTC(2026, 2, 2, 9), Date.UTC(2026, 2, 2, 9, 0, 0, 250), Date.UTC(1969, 11, 31), 0, Date.UTC(2200, 0, 1), 1.5];
    for (const instant of instants) column.push(instant);
    expect(instants.map((_, index) => column.get(index))).toEqual(instants);
  });
});

describe('EventStore', () => {
  it('gives back what it stored, per ticket in file order, with lines', () => {
    const store = new EventStore(['Email', 'Chat']);
    const row = emptyValidRow();
    const add = (ticket: string, time: number, kind: number, value: string | undefined, level: number, channel: number, line: number): void => {
      Object.assign(row, { ticket, time, kind, value, level, channel });
      store.add(row, line);
    };
    add('A', 1000, 0, 'Critical', 0, 1, 2);
    add('B', 2000, 0, 'Standard', 0, -1, 3);
    add('A', 3000, 5, undefined, 3, -1, 7);
    add('A', 4000, 1, 'system', 0, 0, 8);
    expect(store.ticketCount).toBe(2);
    expect(store.eventsOf(0)).toEqual([0, 2, 3]);
    expect(store.eventsOf(0).map((event) => store.toTicketEvent(event, 'A'))).toEqual([
      { ticket: 'A', time: 1000, event: 'created', severity: 'Critical', channel: 'Chat', line: 2, seq: 0 },
      { ticket: 'A', time: 3000, event: 'escalated', level: 3, line: 7, seq: 2 },
      { ticket: 'A', time: 4000, event: 'reply', author: 'system', channel: 'Email', line: 8, seq: 3 },
    ]);
    expect(store.toTicketEvent(1, 'B')).toEqual({ ticket: 'B', time: 2000, event: 'created', severity: 'Standard', line: 3, seq: 1 });
  });

  it('gives every event the same fields in the same order, absent ones undefined, whatever its kind', () => {
    // One shape keeps the evaluator's property reads monomorphic (event-store.ts, `toTicketEvent`).
    const store = new EventStore(['Email']);
    const row = emptyValidRow();
    TICKET_EVENT_KINDS.forEach((_, index) => {
      for (const [channel, value] of [[-1, undefined], [0, 'Critical']] as const) {
        Object.assign(row, { ticket: `T-${index}`, time: 1000 * (index + 1), kind: index, value, level: 2, channel });
        store.add(row, store.eventCount + 1);
      }
    });
    const shapes = new Set(Array.from({ length: store.eventCount }, (_, event) => Object.keys(store.toTicketEvent(event, 'T')).join(',')));
    expect([...shapes]).toEqual(['ticket,time,event,severity,channel,status,author,level,line,seq']);
  });

  it('still links rows added after compact (which drops the last-event column) to their tickets', () => {
    const store = new EventStore([]);
    const row = emptyValidRow();
    const add = (ticket: string, time: number, line: number): void => {
      Object.assign(row, { ticket, time, kind: 0, value: undefined, level: 0, channel: -1 });
      store.add(row, line);
    };
    add('A', 1000, 1);
    add('B', 2000, 2);
    add('A', 3000, 3);
    store.compact();
    add('A', 4000, 4);
    add('C', 5000, 5);
    add('B', 6000, 6);
    add('A', 7000, 7);
    expect([0, 1, 2].map((ticket) => store.eventsOf(ticket))).toEqual([[0, 2, 3, 6], [1, 5], [4]]);
  });
});

describe('eventKindIndex', () => {
  it('knows the nine events and nothing else', () => {
    TICKET_EVENT_KINDS.forEach((kind, index) => expect(eventKindIndex(kind)).toBe(index));
    for (const text of ['', 'Created', 'replys', 'statue', 'closes', 'severitx', 'estimatx', 'resolves', 'reopenes', 'escalatex', 'rescolved', 'r', 'reply ']) {
      expect(eventKindIndex(text)).toBe(-1);
    }
  });
});
