import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escalationItemText, ticketItemText } from '../../../runtime/report/json-text.js';
import type { TicketVerdictJson } from '../../../runtime/report/index.js';
import type { EscalationRow } from '../../../runtime/evaluate/index.js';

/** What the report wrote before: the item stringified two lists deep. */
const nested = (value: unknown): string => JSON.stringify([[value]], null, 2).slice(10, -6);

const text = fc.string({ unit: 'binary', maxLength: 8 });
const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, 0.1 + 0.2, 1e21, 1e-7));
const metricArb = fc.record(
  { status: fc.constantFrom('met', 'breached', 'pending' as const), elapsedMinutes: number, targetMinutes: number, due: fc.option(text, { nil: null }), stoppedAt: text },
  { requiredKeys: ['status', 'elapsedMinutes', 'targetMinutes', 'due'] },
);
const ticketArb: fc.Arbitrary<TicketVerdictJson> = fc
  .record(
    { id: text, severity: text, channel: text, created: text, metrics: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }).filter((key) => !/^\d+$/.test(key)), metricArb, { maxKeys: 4 }) },
    { requiredKeys: ['id', 'severity', 'created', 'metrics'] },
  )
  .map((ticket) => ticket as TicketVerdictJson);
const escalationArb: fc.Arbitrary<EscalationRow> = fc.record(
  { ticket: text, level: fc.integer({ min: 0, max: 9 }), who: text, metric: text, due: text, status: fc.constantFrom('met', 'late', 'missed', 'pending' as const), escalatedAt: text, lateMinutes: number },
  { requiredKeys: ['ticket', 'level', 'who', 'due', 'status'] },
);

describe('report item text', () => {
  it('writes a ticket exactly as JSON.stringify nested two lists deep (property)', () => {
    fc.assert(fc.property(ticketArb, (ticket) => {
      expect(ticketItemText(ticket)).toBe(nested(ticket));
    }), { numRuns: 1000 });
  });

  it('writes an escalation row exactly as JSON.stringify nested two lists deep (property)', () => {
    fc.assert(fc.property(escalationArb, (row) => {
      expect(escalationItemText(row)).toBe(nested(row));
    }), { numRuns: 1000 });
  });

  it('handles a ticket without metrics, a null due, quotes and control characters', () => {
    const ticket: TicketVerdictJson = { id: 'T-"1"\n', severity: 'Critical', created: '2026-03-02T09:00:00-05:00', metrics: {} };
    expect(ticketItemText(ticket)).toBe(nested(ticket));
    // Keys in the order toTicketJson builds them.
    const paused: TicketVerdictJson = { id: ticket.id, severity: ticket.severity, channel: 'Chat', created: ticket.created, metrics: { Resolution: { status: 'pending', elapsedMinutes: 0, targetMinutes: 120, due: null } } };
    expect(ticketItemText(paused)).toBe(nested(paused));
  });
});
