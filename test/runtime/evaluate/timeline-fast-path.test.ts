import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { targetFor } from '../../../language/model/model.js';
import { createEvaluationContext, evaluateTicket } from '../../../runtime/evaluate/index.js';
import { metricRuns } from '../../../runtime/evaluate/metric-runs.js';
import { buildTimeline, eventsInTimelineOrder, isTimelineOrder } from '../../../runtime/evaluate/timeline.js';
import type { TicketEvent } from '../../../runtime/log/events.js';
import { agreement, at, hours, metric } from './fixtures.js';

/**
 * The evaluator's shortcuts against its general way: a ticket whose events
 * are already in timeline order is its own timeline, and a metric with no
 * target for any severity the ticket had is left out before its runs are
 * worked out.
 */

const MINUTE = 60_000;
const START = at('2026-11-16T07:00:00-05:00');
const context = createEvaluationContext(
  agreement({
    metrics: [
      metric('Respond', 'firstResponse', { target: hours(1) }),
      metric('Fix', 'resolution', { targets: { Critical: hours(4) } }),
      metric('Updates', 'updateInterval', { targets: { Critical: hours(2) } }),
      metric('Replies', 'nextReply', { targets: { Standard: hours(3) } }),
    ],
  }),
);

type Step = Pick<TicketEvent, 'event' | 'author' | 'status' | 'severity' | 'level'>;
const step = fc.constantFrom<Step>(
  { event: 'reply', author: 'agent' },
  { event: 'reply', author: 'customer' },
  { event: 'reply', author: 'system' },
  { event: 'status', status: 'Waiting on customer' },
  { event: 'status', status: ' waiting ON customer ' },
  { event: 'status', status: 'Working' },
  { event: 'severity', severity: 'Critical' },
  { event: 'severity', severity: 'Standard' },
  { event: 'resolved' },
  { event: 'closed' },
  { event: 'reopened' },
  { event: 'estimate' },
  { event: 'escalated', level: 2 },
  { event: 'created', severity: 'Critical' },
);

/** A ticket's events in file order: `created` first, then steps at times that may go back (minutes from the start). */
const ticket = fc
  .tuple(fc.constantFrom<string | undefined>('Critical', 'Standard', undefined), fc.array(fc.tuple(step, fc.integer({ min: -30, max: 600 })), { maxLength: 10 }))
  .map(([severity, steps]) => {
    let minute = 0;
    const events: TicketEvent[] = [{ ticket: 'T', time: START, event: 'created', ...(severity ? { severity } : {}), line: 2, seq: 0 }];
    steps.forEach(([each, gap], index) => {
      minute = Math.max(0, minute + gap);
      events.push({ ticket: 'T', time: START + minute * MINUTE, ...each, line: index + 3, seq: index + 1 });
    });
    return events;
  });
const asOfMinute = fc.integer({ min: 0, max: 4000 });

describe('a ticket whose events are in timeline order', () => {
  it('is its own timeline, by the general way too (property)', () => {
    fc.assert(
      fc.property(ticket, asOfMinute, (events, minute) => {
        const asOf = START + minute * MINUTE;
        if (isTimelineOrder(events, asOf)) expect(eventsInTimelineOrder(events, asOf)).toEqual(events);
        // Reversed, the events take the general way (unless there is just one); the timeline is the same.
        expect(buildTimeline(context, [...events].reverse(), asOf)).toEqual(buildTimeline(context, events, asOf));
      }),
      { numRuns: 3000, seed: 13 },
    );
  });

  it.each([
    ['in order', [0, 5, 5, 9], 10, true],
    ['an event after as-of', [0, 5, 11], 10, false],
    ['out of order', [0, 5, 3], 10, false],
    ['created after as-of', [20], 10, false],
  ] as const)('%s', (_name, minutes, asOfAt, expected) => {
    const events: TicketEvent[] = minutes.map((minute, index) => ({ ticket: 'T', time: START + minute * MINUTE, event: index === 0 ? 'created' : 'reply', author: 'agent', line: index + 2, seq: index }));
    expect(isTimelineOrder(events, START + asOfAt * MINUTE)).toBe(expected);
  });

  it('is not in order when it does not start with created', () => {
    const events: TicketEvent[] = [
      { ticket: 'T', time: START, event: 'reply', author: 'agent', line: 2, seq: 0 },
      { ticket: 'T', time: START + MINUTE, event: 'created', line: 3, seq: 1 },
    ];
    expect(isTimelineOrder(events, START + 10 * MINUTE)).toBe(false);
    expect(buildTimeline(context, events, START + 10 * MINUTE).events).toEqual([events[1]]);
  });
});

describe('a metric with no target for any severity of the ticket', () => {
  it('is listed exactly when it has runs and a target at its severity (property)', () => {
    fc.assert(
      fc.property(ticket, asOfMinute, (events, minute) => {
        const asOf = START + minute * MINUTE;
        const verdict = evaluateTicket(context, events, asOf);
        const timeline = buildTimeline(context, events, asOf);
        for (const each of context.ticketMetrics) {
          if (each.measures === 'uptime') continue;
          const runs = metricRuns(each.measures, timeline);
          const expected = runs.spans.length > 0 && targetFor(each, timeline.severityAfter[runs.severityIndex]!, timeline.channel) !== undefined;
          expect(each.name in verdict.metrics).toBe(expected);
        }
      }),
      { numRuns: 3000, seed: 13 },
    );
  });
});
