import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluationContext, evaluateTicket, ReportBuilder } from '../../../runtime/evaluate/index.js';
import { agreement, at, events, metric, minutes, type EventRow } from './fixtures.js';

describe('the breach list for the text report', () => {
  it('keeps the first N breaches by when the target was reached and counts them all', () => {
    const context = createEvaluationContext(agreement({ metrics: [metric('Response', 'firstResponse', { target: minutes(10), title: 'First response' })] }));
    const asOf = at('2026-11-20T12:00:00-05:00');
    const builder = new ReportBuilder(context, asOf, { maxListedBreaches: 2 });
    // Five tickets breached, created on successive days, added newest first.
    for (const day of [20, 19, 18, 17, 16]) {
      const rows: EventRow[] = [
        [`T${day}`, `2026-11-${day}T09:00:00-05:00`, 'created'],
        [`T${day}`, `2026-11-${day}T09:45:00-05:00`, 'reply', { author: 'agent' }],
      ];
      builder.addTicket(evaluateTicket(context, events(rows), asOf));
    }
    const breaches = builder.breaches();
    expect(breaches.total).toBe(5);
    expect(breaches.rows.map((row) => [row.ticket, row.title, row.targetMinutes, row.elapsedMinutes, row.overMinutes, row.due])).toEqual([
      ['T16', 'First response', 10, 45, 35, '2026-11-16T09:10:00-05:00'],
      ['T17', 'First response', 10, 45, 35, '2026-11-17T09:10:00-05:00'],
    ]);
  });

  it('lists the same first N as keeping every breach would, whatever the order tickets come in (property)', () => {
    const context = createEvaluationContext(agreement({ metrics: [metric('Response', 'firstResponse', { target: minutes(10) }), metric('Fix', 'resolution', { target: minutes(20) })] }));
    const asOf = at('2026-11-20T12:00:00-05:00');
    // Few distinct creation times, so many breaches tie on when they were due.
    const ticketArb = fc.record({ id: fc.constantFrom('A', 'B', 'C', 'T-1', 'T-10', 'T-9', 'x'), hour: fc.integer({ min: 9, max: 11 }), replyAfter: fc.constantFrom(5, 45) });
    fc.assert(
      fc.property(fc.uniqueArray(ticketArb, { selector: (ticket) => ticket.id, maxLength: 7 }), fc.integer({ min: 0, max: 4 }), (tickets, maxListed) => {
        const listed = new ReportBuilder(context, asOf, { maxListedBreaches: maxListed });
        const everything = new ReportBuilder(context, asOf, { maxListedBreaches: 1000 });
        for (const ticket of tickets) {
          const rows: EventRow[] = [
            [ticket.id, `2026-11-16T${String(ticket.hour).padStart(2, '0')}:00:00-05:00`, 'created'],
            [ticket.id, `2026-11-16T${String(ticket.hour).padStart(2, '0')}:${String(ticket.replyAfter).padStart(2, '0')}:00-05:00`, 'reply', { author: 'agent' }],
          ];
          const verdict = evaluateTicket(context, events(rows), asOf);
          listed.addTicket(verdict);
          everything.addTicket(verdict);
        }
        const all = everything.breaches();
        const kept = listed.breaches();
        expect(kept.total).toBe(all.total);
        expect(kept.rows).toEqual(all.rows.slice(0, maxListed));
      }),
      { numRuns: 300 },
    );
  });
});
