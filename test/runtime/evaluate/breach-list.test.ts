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
});
