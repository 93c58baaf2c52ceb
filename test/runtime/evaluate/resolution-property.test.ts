import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar, isOpenAt } from '../../../runtime/clock/index.js';
import { createEvaluationContext, evaluateTicket } from '../../../runtime/evaluate/index.js';
import type { TicketEvent } from '../../../runtime/log/events.js';
import { agreement, at, BUSINESS_HOURS, hours, metric } from './fixtures.js';

const MINUTE = 60_000;
const START = at('2026-11-16T00:00:00-05:00');
const context = createEvaluationContext(agreement({ metrics: [metric('Fix', 'resolution', { target: hours(2), targets: { Critical: hours(4) } })] }));
const calendar = compileCalendar(BUSINESS_HOURS);

type Step = { gap: number; kind: 'pause' | 'unpause' | 'resolved' | 'closed' | 'reopened' | 'reply' };

function ticketEvents(createdMinute: number, critical: boolean, steps: Step[]): TicketEvent[] {
  let time = START + createdMinute * MINUTE;
  const log: TicketEvent[] = [{ ticket: 'T', time, event: 'created', severity: critical ? 'Critical' : 'Standard', line: 2, seq: 0 }];
  steps.forEach((step, index) => {
    time += step.gap * MINUTE;
    const base = { ticket: 'T', time, line: index + 3, seq: index + 1 };
    if (step.kind === 'pause') log.push({ ...base, event: 'status', status: 'Waiting on customer' });
    else if (step.kind === 'unpause') log.push({ ...base, event: 'status', status: 'Working' });
    else if (step.kind === 'reply') log.push({ ...base, event: 'reply', author: 'agent' });
    else log.push({ ...base, event: step.kind });
  });
  return log;
}

/** Minute by minute: open, unresolved and not paused. The oracle the evaluator must agree with. */
function bruteForce(log: TicketEvent[], asOf: number, target: number): { elapsed: number; resolved: boolean; crossing: number | null } {
  let resolved = false;
  let paused = false;
  let next = 0;
  let elapsed = 0;
  let crossing: number | null = null;
  const applyUpTo = (instant: number) => {
    while (next < log.length && log[next]!.time <= instant) {
      const event = log[next++]!;
      if (!resolved && (event.event === 'resolved' || event.event === 'closed')) resolved = true;
      else if (resolved && event.event === 'reopened') resolved = false;
      if (event.event === 'status') paused = event.status === 'Waiting on customer';
    }
  };
  for (let minute = log[0]!.time; minute < asOf; minute += MINUTE) {
    applyUpTo(minute);
    if (!resolved && !paused && isOpenAt(calendar, minute)) {
      elapsed += 1;
      if (elapsed === target && crossing === null) crossing = minute + MINUTE;
    }
  }
  applyUpTo(asOf);
  return { elapsed, resolved, crossing };
}

const step = fc.record({
  gap: fc.integer({ min: 0, max: 900 }),
  kind: fc.constantFrom<Step['kind']>('pause', 'unpause', 'resolved', 'closed', 'reopened', 'reply'),
});

describe('resolution agrees with a minute-by-minute simulation', () => {
  it('elapsed, status and a due instant already reached', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 * 1440 }), fc.boolean(), fc.array(step, { maxLength: 8 }), fc.integer({ min: 0, max: 900 }), (createdMinute, critical, steps, tail) => {
        const log = ticketEvents(createdMinute, critical, steps);
        const asOf = log[log.length - 1]!.time + tail * MINUTE;
        const verdict = evaluateTicket(context, log, asOf).metrics.Fix!;
        const target = critical ? 240 : 120;
        const oracle = bruteForce(log, asOf, target);
        expect(verdict.elapsedMinutes).toBe(oracle.elapsed);
        expect(verdict.targetMinutes).toBe(target);
        expect(verdict.status).toBe(oracle.elapsed > target ? 'breached' : oracle.resolved ? 'met' : 'pending');
        if (oracle.crossing !== null) expect(verdict.due).toBe(oracle.crossing);
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});
