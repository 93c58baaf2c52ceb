import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EscalationList, isOwed, type EscalationVerdict } from '../../../runtime/evaluate/index.js';
import { formatInstant } from '../../../runtime/clock/index.js';
import type { EscalationRow } from '../../../runtime/evaluate/index.js';
import { JoinedTicketIds } from '../../../runtime/evaluate/joined-ticket-ids.js';
import { TicketIdTable } from '../../../runtime/log/ticket-ids.js';

const ZONES: Record<string, string> = { Resolution: 'America/New_York' };
const zoneOf = (verdict: EscalationVerdict): string => (verdict.metric === undefined ? 'Europe/Berlin' : ZONES[verdict.metric]!);
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The rows as the report made them before the compact list: objects, stably sorted, then formatted. */
function expectedRows(verdicts: EscalationVerdict[]): EscalationRow[] {
  const sorted = [...verdicts].sort((a, b) => a.due - b.due || compareText(a.ticket, b.ticket) || a.level - b.level);
  return sorted.map((verdict) => {
    const zone = zoneOf(verdict);
    return {
      ticket: verdict.ticket,
      level: verdict.level,
      who: verdict.who,
      ...(verdict.metric === undefined ? {} : { metric: verdict.metric }),
      due: formatInstant(verdict.due, zone),
      status: verdict.status,
      ...(verdict.escalatedAt === undefined ? {} : { escalatedAt: formatInstant(verdict.escalatedAt, zone) }),
      ...(verdict.lateMinutes === undefined ? {} : { lateMinutes: verdict.lateMinutes }),
    };
  });
}

const BASE = Date.UTC(2026, 2, 2, 14);
const verdictArb: fc.Arbitrary<EscalationVerdict> = fc
  .record({
    ticket: fc.constantFrom('T-1', 'T-2', 'T-10', 'T-9', 'ü-1', 'a', '日-3'),
    level: fc.integer({ min: 1, max: 3 }),
    at: fc.boolean(),
    // Few distinct instants, so ties on due are common.
    due: fc.integer({ min: 0, max: 5 }).map((step) => BASE + step * 1_800_500),
    status: fc.constantFrom('met', 'late', 'missed', 'pending' as const),
    escalatedAfter: fc.integer({ min: -3_600_000, max: 3_600_000 }),
  })
  .map(({ ticket, level, at, due, status, escalatedAfter }) => {
    const verdict: EscalationVerdict = { ticket, level, who: `Level ${level} person`, due, status };
    if (at) verdict.metric = 'Resolution';
    if (status === 'met' || status === 'late') verdict.escalatedAt = due + Math.abs(escalatedAfter) * (status === 'met' ? -1 : 1);
    if (status === 'late') verdict.lateMinutes = Math.abs(escalatedAfter) / 60_000;
    return verdict;
  });

describe('EscalationList', () => {
  it('is empty at first and lists nothing', () => {
    const list = new EscalationList(zoneOf);
    expect(list.length).toBe(0);
    expect(list.toRows()).toEqual([]);
  });

  it('gives the same rows, keys and order as sorting the verdicts did (property)', () => {
    fc.assert(
      fc.property(fc.array(verdictArb, { maxLength: 40 }), (verdicts) => {
        const list = new EscalationList(zoneOf);
        for (const verdict of verdicts) list.add(verdict);
        const rows = list.toRows();
        expect(JSON.stringify(rows)).toBe(JSON.stringify(expectedRows(verdicts)));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same order when every due is a whole second (sorted as numbers, then ties by comparison), dues a century apart too (property)', () => {
    // Whole seconds: the list sorts numeric keys (the test above, with dues of half seconds, takes the comparison sort).
    const wholeSeconds = fc.tuple(verdictArb, fc.integer({ min: 0, max: 5 }), fc.boolean()).map(([verdict, step, far]) => ({ ...verdict, due: BASE + step * 1_800_000 + (far ? 3_155_760_000_000 : 0) }));
    fc.assert(
      fc.property(fc.array(wholeSeconds, { maxLength: 60 }), fc.boolean(), (verdicts, allNear) => {
        const chosen = allNear ? verdicts.map((verdict) => ({ ...verdict, due: BASE + ((verdict.due - BASE) % 3_155_760_000_000) })) : verdicts;
        const list = new EscalationList(zoneOf);
        for (const verdict of chosen) list.add(verdict);
        expect(JSON.stringify(list.toRows())).toBe(JSON.stringify(expectedRows(chosen)));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same rows when it keeps ticket numbers from an id table instead of ids (property)', () => {
    fc.assert(
      fc.property(fc.array(verdictArb, { maxLength: 40 }), (verdicts) => {
        const table = new TicketIdTable();
        const ids = { ticketId: (n: number) => table.textOf(n), compareTicketIds: (a: number, b: number) => table.compare(a, b) };
        const list = new EscalationList(zoneOf, ids);
        for (const verdict of verdicts) list.add(verdict, table.idOf(verdict.ticket));
        expect(JSON.stringify(list.toRows())).toBe(JSON.stringify(expectedRows(verdicts)));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the first rows of a status as the report order has them, without sorting them all (property)', () => {
    const filters = [undefined, (status: string) => status === 'missed' || status === 'late', (status: string) => status === 'pending'];
    fc.assert(
      fc.property(fc.array(verdictArb, { maxLength: 60 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 2 }), (verdicts, count, which) => {
        const list = new EscalationList(zoneOf);
        for (const verdict of verdicts) list.add(verdict);
        const filter = filters[which];
        expect(JSON.stringify(list.firstRows(count, filter))).toBe(JSON.stringify([...list.rows(filter)].slice(0, count)));
      }),
      { numRuns: 300 },
    );
  });

  it('joins the rows of lists split by ticket, sent as plain data, into the rows of one list (property)', () => {
    // As --jobs splits them: every row of a ticket in one partition; lists that keep numbers (a partition's event store) or ids.
    fc.assert(
      fc.property(fc.array(verdictArb, { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 6 }), fc.boolean(), (verdicts, count, seed, byNumber) => {
        const partitionOf = (ticket: string): number => ([...ticket].reduce((sum, char) => sum + char.charCodeAt(0), seed) % count);
        const lists = Array.from({ length: count }, () => {
          const table = new TicketIdTable();
          const ids = { ticketId: (n: number) => table.textOf(n), compareTicketIds: (a: number, b: number) => table.compare(a, b), ticketIdsPart: () => table.part() };
          return { table, list: byNumber ? new EscalationList(zoneOf, ids) : new EscalationList(zoneOf) };
        });
        for (const verdict of verdicts) {
          const { table, list } = lists[partitionOf(verdict.ticket)]!;
          if (byNumber) list.add(verdict, table.idOf(verdict.ticket));
          else list.add(verdict);
        }
        const joined = new EscalationList(zoneOf, new JoinedTicketIds());
        for (const { list } of lists) joined.append(structuredClone(list.part()));
        expect(JSON.stringify(joined.toRows())).toBe(JSON.stringify(expectedRows(verdicts)));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps only the rows a report that lists the first N owed ones needs, and lists the same (property)', () => {
    // Dues in any order, or rising as tickets come oldest first (most rows are then turned away at once).
    fc.assert(
      fc.property(fc.array(verdictArb, { maxLength: 200 }), fc.integer({ min: 0, max: 12 }), fc.boolean(), fc.boolean(), (drawn, listed, rising, byNumber) => {
        const verdicts = rising ? [...drawn].sort((a, b) => a.due - b.due) : drawn;
        const table = new TicketIdTable();
        const ids = { ticketId: (n: number) => table.textOf(n), compareTicketIds: (a: number, b: number) => table.compare(a, b) };
        const every = new EscalationList(zoneOf);
        const kept = byNumber ? new EscalationList(zoneOf, ids, listed) : new EscalationList(zoneOf, undefined, listed);
        for (const verdict of verdicts) {
          every.add(verdict);
          if (byNumber) kept.add(verdict, table.idOf(verdict.ticket));
          else kept.add(verdict);
          expect(kept.length).toBeLessThan(Math.max(1, 2 * listed));
        }
        expect(JSON.stringify(kept.firstRows(listed, isOwed))).toBe(JSON.stringify(every.firstRows(listed, isOwed)));
      }),
      { numRuns: 500 },
    );
  });

  it('joins lists that keep only the listed rows into the listed rows of one list (property)', () => {
    fc.assert(
      fc.property(fc.array(verdictArb, { maxLength: 200 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 8 }), (verdicts, count, listed) => {
        const partitionOf = (ticket: string): number => [...ticket].reduce((sum, char) => sum + char.charCodeAt(0), 0) % count;
        const lists = Array.from({ length: count }, () => {
          const table = new TicketIdTable();
          const ids = { ticketId: (n: number) => table.textOf(n), compareTicketIds: (a: number, b: number) => table.compare(a, b), ticketIdsPart: () => table.part() };
          return { table, list: new EscalationList(zoneOf, ids, listed) };
        });
        for (const verdict of verdicts) {
          const { table, list } = lists[partitionOf(verdict.ticket)]!;
          list.add(verdict, table.idOf(verdict.ticket));
        }
        const joined = new EscalationList(zoneOf, new JoinedTicketIds(), listed);
        for (const { list } of lists) {
          const part = structuredClone(list.part());
          // The part names the tickets of its rows only, not every ticket of its partition.
          expect(part.ids.size).toBeLessThanOrEqual(part.length);
          joined.append(part);
        }
        const owed = expectedRows(verdicts).filter((row) => isOwed(row.status)).slice(0, listed);
        expect(JSON.stringify(joined.firstRows(listed, isOwed))).toBe(JSON.stringify(owed));
      }),
      { numRuns: 300 },
    );
  });

  it('joins parts of over 65,536 rows (several chunks of each column), their sparse values in place', () => {
    // Two partitions of 60,000 tickets, three levels each: 180,000 rows, about 90,000 a partition.
    const statuses = ['met', 'late', 'missed', 'pending'] as const;
    const verdicts: EscalationVerdict[] = [];
    for (let ticket = 0; ticket < 60_000; ticket++) {
      for (let level = 1; level <= 3; level++) {
        const row = verdicts.length;
        verdicts.push({
          ticket: `T-${ticket}`,
          level,
          who: `L${level}`,
          due: BASE + ((ticket * 7919) % 5000) * 1000,
          status: statuses[row % 4]!,
          ...(row % 7 === 0 ? { escalatedAt: BASE + row * 1000 } : {}),
          ...(row % 11 === 0 ? { lateMinutes: row % 60 } : {}),
        });
      }
    }
    const partitions = [0, 1].map(() => {
      const table = new TicketIdTable();
      const ids = { ticketId: (n: number) => table.textOf(n), compareTicketIds: (a: number, b: number) => table.compare(a, b), ticketIdsPart: () => table.part() };
      return { table, list: new EscalationList(zoneOf, ids) };
    });
    for (const verdict of verdicts) {
      const { table, list } = partitions[Number(verdict.ticket.slice(2)) % 2]!;
      list.add(verdict, table.idOf(verdict.ticket));
    }
    const joined = new EscalationList(zoneOf, new JoinedTicketIds());
    for (const { list } of partitions) {
      const part = list.part();
      expect(part.due.length).toBe(2);
      // The list's own chunks, handed over, not copied.
      expect(list.part().due[1]).toBe(part.due[1]);
      expect(list.part().escalatedAt.values[0]).toBe(part.escalatedAt.values[0]);
      expect(list.part().ids.arena.buffer).toBe(part.ids.arena.buffer);
      joined.append(structuredClone(part));
    }
    expect(joined.toRows()).toEqual(expectedRows(verdicts));
  });

  it('takes the rows of another list only when it joins their ticket ids', () => {
    const other = new EscalationList(zoneOf);
    other.add({ ticket: 'T-1', level: 1, who: 'A', due: BASE, status: 'missed' });
    expect(() => new EscalationList(zoneOf).append(other.part())).toThrow(/JoinedTicketIds/);
  });

  it('filters rows by status, keeping report order, and re-sorts after more are added', () => {
    const list = new EscalationList(zoneOf);
    list.add({ ticket: 'T-2', level: 1, who: 'A', due: BASE + 2000, status: 'missed' });
    list.add({ ticket: 'T-1', level: 1, who: 'A', due: BASE + 1000, status: 'met', escalatedAt: BASE });
    expect([...list.rows((status) => status === 'missed')].map((row) => row.ticket)).toEqual(['T-2']);
    list.add({ ticket: 'T-0', level: 2, who: 'B', due: BASE, status: 'late', escalatedAt: BASE + 60_000, lateMinutes: 1 });
    expect(list.toRows().map((row) => row.ticket)).toEqual(['T-0', 'T-1', 'T-2']);
    expect(list.toRows()[0]).toEqual({ ticket: 'T-0', level: 2, who: 'B', due: '2026-03-02T15:00:00+01:00', status: 'late', escalatedAt: '2026-03-02T15:01:00+01:00', lateMinutes: 1 });
  });

  it('needs a ticket number when it keeps numbers', () => {
    const table = new TicketIdTable();
    const list = new EscalationList(zoneOf, { ticketId: (n) => table.textOf(n), compareTicketIds: (a, b) => table.compare(a, b) });
    expect(() => list.add({ ticket: 'T-1', level: 1, who: 'A', due: BASE, status: 'missed' })).toThrow(/ticket number/);
  });

  it('holds more rows than one chunk (65,536) and keeps them all in order', () => {
    const list = new EscalationList(zoneOf);
    const count = 70_000;
    for (let index = count - 1; index >= 0; index--) list.add({ ticket: `T-${index}`, level: 1, who: 'A', due: BASE + index * 1000, status: 'missed' });
    const rows = [...list.rows()];
    expect(rows.length).toBe(count);
    expect(rows[0]!.ticket).toBe('T-0');
    expect(rows[count - 1]!.ticket).toBe(`T-${count - 1}`);
  });
});
