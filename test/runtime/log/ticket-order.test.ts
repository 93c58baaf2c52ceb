import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/seeded-random.mjs';
import { LogErrorList } from '../../../runtime/log/error-list.js';
import { EventStore } from '../../../runtime/log/event-store.js';
import { checkTicketOrder, NO_CREATED } from '../../../runtime/log/ticket-log.js';
import { emptyValidRow } from '../../../runtime/log/ticket-row.js';

/** One stored row: ticket id, time in seconds, kind index, line. */
type Row = [ticket: string, seconds: number, kind: number, line: number];

/** A store holding `rows`, with `compact` called before row `compactAt` (as a portfolio may add rows after it). */
function storeOf(rows: readonly Row[], compactAt = -1): EventStore {
  const store = new EventStore(['Email']);
  const row = emptyValidRow();
  rows.forEach(([ticket, seconds, kind, line], index) => {
    if (index === compactAt) store.compact();
    Object.assign(row, { ticket, time: seconds * 1000, kind, value: kind === 1 ? 'agent' : undefined, level: 0, channel: -1 });
    store.add(row, line);
  });
  return store;
}

/** What checking the order gives: the result, the errors, and which events were skipped. */
function checked(rows: readonly Row[], compactAt: number, walkAll: boolean) {
  const store = storeOf(rows, compactAt);
  const errors = new LogErrorList();
  const order = checkTicketOrder(store, 'log.ndjson', errors, walkAll);
  const kinds = Array.from({ length: store.eventCount }, (_, event) => store.kindOf(event));
  return { created: Array.from(order.createdEvents, (event) => (event === NO_CREATED ? Number.NaN : store.timeOf(event))), latest: order.latest, invalidRows: order.invalidRows, errors: errors.sorted(), kinds };
}

const CREATED = 0;
const REPLY = 1;
const CLOSED = 8;

describe('checkTicketOrder', () => {
  it.each<[string, Row[]]>([
    ['tickets in order', [['A', 10, CREATED, 1], ['B', 11, CREATED, 2], ['A', 12, REPLY, 3], ['A', 12, CLOSED, 4], ['B', 20, CLOSED, 5]]],
    ['a row at the instant of created, later in the file', [['A', 10, CREATED, 1], ['A', 10, REPLY, 2]]],
    ['a row before created in time', [['A', 10, CREATED, 1], ['A', 9, REPLY, 2], ['B', 30, CREATED, 3]]],
    ['a row before created in the file but after it in time', [['A', 12, REPLY, 1], ['A', 10, CREATED, 2]]],
    ['a row at the instant of created, earlier in the file', [['A', 10, REPLY, 1], ['A', 10, CREATED, 2]]],
    ['a row of another ticket going back in time between two rows', [['A', 10, CREATED, 1], ['B', 5, CREATED, 2], ['A', 7, REPLY, 3]]],
    ['a log grouped by ticket, a late row of the first', [['A', 10, CREATED, 1], ['A', 12, REPLY, 2], ['B', 5, CREATED, 3], ['B', 6, REPLY, 4], ['A', 11, CLOSED, 5], ['A', 9, CLOSED, 6]]],
    ['two created', [['A', 10, CREATED, 1], ['A', 5, CREATED, 2], ['A', 11, REPLY, 3]]],
    ['no created', [['A', 10, REPLY, 1], ['B', 11, CREATED, 2]]],
    ['the latest time on a ticket with a rejected row', [['A', 10, CREATED, 1], ['B', 50, REPLY, 2], ['A', 20, CLOSED, 3]]],
    ['the latest time rejected before created', [['A', 100, CREATED, 1], ['A', 90, REPLY, 2], ['B', 10, CREATED, 3]]],
  ])('finds what walking every ticket finds: %s', (_name, rows) => {
    const walked = checked(rows, -1, true);
    expect(checked(rows, -1, false)).toEqual(walked);
    expect(checked(rows, Math.floor(rows.length / 2), false)).toEqual(walked);
  });

  it('finds what walking every ticket finds on random logs, rows added after compact included', () => {
    const random = mulberry32(2013);
    let rejected = 0;
    for (let run = 0; run < 400; run++) {
      const rows: Row[] = [];
      const tickets = 1 + Math.floor(random() * 6);
      for (let line = 1; line <= 25; line++) {
        const kind = random() < 0.25 ? CREATED : random() < 0.5 ? REPLY : CLOSED;
        rows.push([`T${Math.floor(random() * tickets)}`, Math.floor(random() * 8), kind, line]);
      }
      const compactAt = random() < 0.2 ? Math.floor(random() * rows.length) : -1;
      const walked = checked(rows, compactAt, true);
      expect(checked(rows, compactAt, false)).toEqual(walked);
      rejected += walked.invalidRows;
    }
    expect(rejected).toBeGreaterThan(100);
  });

  it('gives an empty log no latest time', () => {
    expect(checked([], -1, false)).toEqual(checked([], -1, true));
    expect(checked([], -1, false).latest).toBe(-Infinity);
  });
});

describe('SLA4008 quotes the early event’s time', () => {
  // 2026-03-02T14:00:00Z, the reply; created an hour later.
  const rows: Row[] = [['A', 1772460000, REPLY, 1], ['A', 1772463600, CREATED, 2]];
  const messageOf = (times: Parameters<typeof checkTicketOrder>[4]): string => {
    const errors = new LogErrorList();
    checkTicketOrder(storeOf(rows), 'log.ndjson', errors, false, times);
    return errors.sorted()[0]!.message;
  };

  it('as the log wrote it, when the text can be read again', () => {
    expect(messageOf({ textsAt: (lines) => new Map([...lines].map((line) => [line, '2026-03-02T09:00:00-05:00'])), zone: 'UTC' })).toMatch(/^'2026-03-02T09:00:00-05:00' comes before/);
  });

  it('else in the report zone with its offset, to the second (rows not read from a file)', () => {
    expect(messageOf({ zone: 'America/New_York' })).toMatch(/^'2026-03-02T09:00:00-05:00' comes before/);
  });
});
