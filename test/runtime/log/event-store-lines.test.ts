import { describe, expect, it } from 'vitest';
import { EventStore } from '../../../runtime/log/event-store.js';
import { emptyValidRow } from '../../../runtime/log/ticket-row.js';

/** Lines as a portfolio's client sees them: a fraction of the log's rows, so the lines skip. */
describe('EventStore lines', () => {
  it.each([
    ['consecutive lines', (seq: number) => seq + 2],
    ['lines that skip irregularly (one client of three)', (seq: number) => 2 + seq * 3 + (seq % 7)],
    ['regular, then irregular after 5000 rows', (seq: number) => (seq < 5000 ? seq + 2 : 5002 + (seq - 5000) * 2 + (seq % 3))],
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
