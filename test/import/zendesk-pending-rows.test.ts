import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NONE, PendingRows, type RowChain } from '../../import/zendesk/pending-rows.js';

const chain = (): RowChain => ({ first: NONE, last: NONE, count: 0 });
const taken = (rows: PendingRows, of: RowChain): unknown[][] => {
  const out: unknown[][] = [];
  rows.take(of, (...row) => out.push(row));
  return out;
};

describe('PendingRows: the open tickets rows of a Zendesk import', () => {
  it('gives back each chain its own rows, in order, with absent values undefined', () => {
    const rows = new PendingRows();
    const a = chain();
    const b = chain();
    rows.add(a, 1000, 'created', 'high', 'web', undefined, undefined);
    rows.add(b, 2000, 'created', undefined, undefined, undefined, undefined);
    rows.add(a, 3000, 'reply', undefined, undefined, undefined, 'agent');
    expect(a.count).toBe(2);
    expect(taken(rows, a)).toEqual([
      [1000, 'created', 'high', 'web', undefined, undefined],
      [3000, 'reply', undefined, undefined, undefined, 'agent'],
    ]);
    expect(a).toEqual({ first: NONE, last: NONE, count: 0 });
    expect(taken(rows, b)).toEqual([[2000, 'created', undefined, undefined, undefined, undefined]]);
  });

  it('reuses the chunks of dropped rows without mixing them into other chains', () => {
    const rows = new PendingRows();
    const deleted = chain();
    for (let i = 0; i < 9; i++) rows.add(deleted, i, 'status', undefined, undefined, 'open', undefined);
    rows.drop(deleted);
    const kept = chain();
    for (let i = 0; i < 9; i++) rows.add(kept, 10 + i, 'status', undefined, undefined, 'pending', undefined);
    // Eight rows to a chunk: the dropped chain's chunks 0 and 1 are both free again, taken in that order.
    expect([kept.first, kept.last]).toEqual([0, 1]);
    expect(taken(rows, kept).map((row) => row[0])).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18]);
  });

  it('gives back every chain its rows in order, whatever the interleaving of adds, takes and drops', () => {
    const step = fc.record({ ticket: fc.integer({ min: 0, max: 5 }), action: fc.constantFrom('add', 'add', 'add', 'take', 'drop') });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 400 }), (steps) => {
        const rows = new PendingRows();
        const chains = Array.from({ length: 6 }, chain);
        // The model: each ticket's rows as a plain array.
        const model: number[][] = chains.map(() => []);
        steps.forEach(({ ticket, action }, time) => {
          if (action === 'add') {
            rows.add(chains[ticket]!, time, 'reply', undefined, undefined, undefined, time % 2 === 0 ? 'agent' : 'customer');
            model[ticket]!.push(time);
          } else if (action === 'take') {
            expect(taken(rows, chains[ticket]!)).toEqual(model[ticket]!.map((at) => [at, 'reply', undefined, undefined, undefined, at % 2 === 0 ? 'agent' : 'customer']));
            model[ticket] = [];
          } else {
            rows.drop(chains[ticket]!);
            model[ticket] = [];
          }
          expect(chains[ticket]!.count).toBe(model[ticket]!.length);
        });
        chains.forEach((each, ticket) => expect(taken(rows, each).map((row) => row[0])).toEqual(model[ticket]));
      }),
      { numRuns: 200 },
    );
  });

  it('grows past its first 8192 chunks (65,536 rows) keeping the rows held', () => {
    const rows = new PendingRows();
    const long = chain();
    const count = (1 << 16) + 5;
    for (let i = 0; i < count; i++) rows.add(long, i * 1000, i % 2 === 0 ? 'status' : 'reply', undefined, undefined, undefined, undefined);
    const out = taken(rows, long);
    expect(out).toHaveLength(count);
    expect(out[count - 1]).toEqual([(count - 1) * 1000, 'status', undefined, undefined, undefined, undefined]);
  });
});
