import { describe, expect, it } from 'vitest';
import { createEvaluationContext, evaluateTicket, metricVerdictsByIndex } from '../../../runtime/evaluate/index.js';
import { agreement, at, events, hours, metric, minutes } from './fixtures.js';

/** The report's tallies read metric verdicts by index: the list must be what the verdict's record gives, metric by metric. */
const context = createEvaluationContext(
  agreement({
    metrics: [
      metric('Respond', 'firstResponse', { target: minutes(20) }),
      metric('Fix', 'resolution', { targets: { Critical: hours(1) } }),
      metric('Updates', 'updateInterval', { target: hours(2) }),
    ],
  }),
);
const asOf = at('2026-11-16T12:00:00-05:00');
const critical = evaluateTicket(context, events([['A', '2026-11-16T09:00:00-05:00', 'created', { severity: 'Critical' }], ['A', '2026-11-16T09:10:00-05:00', 'reply', { author: 'agent' }]]), asOf);
const standard = evaluateTicket(context, events([['B', '2026-11-16T09:00:00-05:00', 'created', { severity: 'Standard' }]]), asOf);

describe('metric verdicts by index', () => {
  it.each([
    ['the ticket evaluated last (the list its evaluation left)', standard, [true, false, true]],
    ['an earlier ticket (made from its record)', critical, [true, true, true]],
  ] as const)('%s', (_name, verdict, present) => {
    const list = metricVerdictsByIndex(context, verdict);
    expect(list).toEqual(context.ticketMetrics.map((each) => verdict.metrics[each.name]));
    expect(list.map((each) => each !== undefined)).toEqual(present);
  });
});
