import { describe, expect, it, vi } from 'vitest';
import { sortByCreation } from '../../../runtime/check/creation-order.js';
import { mulberry32 } from '../../../scripts/seeded-random.mjs';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

/** The order a comparator sort gives: creation, then place (the ticket's own number when none). */
function expectedOrder(tickets: readonly number[], createdAt: (ticket: number) => number, place: (ticket: number) => number = (ticket) => ticket): number[] {
  return [...tickets].sort((a, b) => createdAt(a) - createdAt(b) || place(a) - place(b));
}

/** Tickets 0..count-1 in a seeded shuffle, with creation times from `timeOf(random)`. */
function shuffled(count: number, seed: number, timeOf: (random: () => number) => number): { tickets: number[]; times: number[] } {
  const random = mulberry32(seed);
  const times = Array.from({ length: count }, () => timeOf(random));
  const tickets = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [tickets[index], tickets[other]] = [tickets[other]!, tickets[index]!];
  }
  return { tickets, times };
}

const CASES: [string, (random: () => number) => number][] = [
  ['whole seconds over a year, many ties', (random) => START + Math.floor(random() * 365 * 24) * 3_600_000],
  ['milliseconds over a day', (random) => START + Math.floor(random() * DAY)],
  ['milliseconds over 300 years (too wide for exact keys: the comparator sort)', (random) => START + Math.floor((random() - 0.5) * 300 * 365 * DAY)],
  ['before 1970 and after, whole seconds', (random) => Math.floor((random() - 0.5) * 200 * 365 * 86_400) * 1000],
  ['all at one instant', () => START],
  ['fractions of a millisecond (no exact keys)', (random) => START + random() * DAY],
];

describe('sortByCreation', () => {
  it.each(CASES)('orders as the comparator does: %s', (_name, timeOf) => {
    for (const count of [0, 1, 2, 3, 100, 5_000]) {
      const { tickets, times } = shuffled(count, count + 7, timeOf);
      const createdAt = (ticket: number): number => times[ticket]!;
      expect([...sortByCreation(Uint32Array.from(tickets), createdAt)]).toEqual(expectedOrder(tickets, createdAt));
    }
  });

  it('orders ties by the place given, not by ticket number', () => {
    const { tickets, times } = shuffled(2_000, 3, (random) => START + Math.floor(random() * 10) * 1000);
    const places = shuffled(2_000, 4, () => 0).tickets;
    const createdAt = (ticket: number): number => times[ticket]!;
    const place = (ticket: number): number => places[ticket]!;
    expect([...sortByCreation(Uint32Array.from(tickets), createdAt, place)]).toEqual(expectedOrder(tickets, createdAt, place));
  });

  // The point of the numeric keys: 10,000,000 tickets sorted with a comparator took 76 MB more of the JavaScript heap.
  it('sorts whole seconds without a comparator', () => {
    const sort = vi.spyOn(Uint32Array.prototype, 'sort');
    const { tickets, times } = shuffled(1_000, 1, (random) => START + Math.floor(random() * 1000) * 1000);
    sortByCreation(Uint32Array.from(tickets), (ticket) => times[ticket]!);
    expect(sort).not.toHaveBeenCalled();
    sort.mockRestore();
  });
});
