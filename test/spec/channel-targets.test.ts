/**
 * SEMANTICS.md 1.1 "Channel targets": a ticket's channel is the first
 * non-empty `channel` among its events (through `matches`); the most specific
 * target wins: severity and channel, then channel, then severity, then plain.
 *
 * ```
 * metric FirstResponse {
 *   measures first response clock Utc
 *   target 60 minutes
 *   target P1 30 minutes
 *   target via Email 20 minutes
 *   target P1 via Email 10 minutes
 *   target P2 via Phone 5 minutes
 * }
 * metric Fix { measures resolution clock BusinessHours target P1 4 hours target via Email 1 business days }
 * escalation { level 1 "Lead" at 50% of FirstResponse }
 * ```
 */
import { describe, expect, it } from 'vitest';
import { businessDays, checkRows, hhmm, metric, minutes, model, ticketOf, type Row } from './model-check.js';

const AGREEMENT = model(
  [
    metric('FirstResponse', 'firstResponse', {
      target: minutes(60),
      targets: { P1: minutes(30) },
      via: [
        { channel: 'Email', duration: minutes(20) },
        { severity: 'P1', channel: 'Email', duration: minutes(10) },
        { severity: 'P2', channel: 'Phone', duration: minutes(5) },
      ],
    }),
    metric('Fix', 'resolution', { clock: 'BusinessHours', targets: { P1: minutes(240) }, via: [{ channel: 'Email', duration: businessDays(1) }] }),
  ],
  { escalation: { levels: [{ level: 1, who: 'Lead', trigger: { kind: 'at', percent: 50, metric: 'FirstResponse' } }] } },
);

interface Case {
  name: string;
  created: Record<string, string>;
  /** Cells of the agent reply at 10:15. */
  reply?: Record<string, string>;
  channel?: string;
  target: number;
  status: string;
  due: string;
}

// Created 10:00, an agent reply at 10:15: elapsed 15 minutes each time.
const CASES: Case[] = [
  { name: 'no channel, default severity: the plain target', created: {}, target: 60, status: 'met', due: '11:00' },
  { name: 'no channel, P1: the severity target', created: { severity: 'P1' }, target: 30, status: 'met', due: '10:30' },
  { name: 'a channel target beats the plain one (P3 via Email)', created: { channel: 'Email' }, channel: 'Email', target: 20, status: 'met', due: '10:20' },
  { name: 'a severity+channel target beats the channel target (P1 via Email: 10, not 20 or 30)', created: { severity: 'P1', channel: 'Email' }, channel: 'Email', target: 10, status: 'breached', due: '10:10' },
  { name: 'a channel-only target beats a severity target (P2 via Email: 20, not P2 plain 60)', created: { severity: 'P2', channel: 'Email' }, channel: 'Email', target: 20, status: 'met', due: '10:20' },
  { name: 'a channel with no target of its own falls back to the severity (P1 via Portal: 30)', created: { severity: 'P1', channel: 'Portal' }, channel: 'Portal', target: 30, status: 'met', due: '10:30' },
  { name: 'a severity+channel target applies to that severity only (P3 via Phone: 60)', created: { channel: 'Phone' }, channel: 'Phone', target: 60, status: 'met', due: '11:00' },
  { name: 'severity and channel: P2 via Phone 5 minutes', created: { severity: 'P2', channel: 'Phone' }, channel: 'Phone', target: 5, status: 'breached', due: '10:05' },
  { name: 'the channel may come on a later row (the reply): Email', created: {}, reply: { channel: 'Email' }, channel: 'Email', target: 20, status: 'met', due: '10:20' },
  { name: 'the first channel given counts (Phone on created, Email later): Phone', created: { severity: 'P2', channel: 'Phone' }, reply: { channel: 'Email' }, channel: 'Phone', target: 5, status: 'breached', due: '10:05' },
  { name: 'the channel through matches: "mail" is Email', created: { channel: 'mail' }, channel: 'Email', target: 20, status: 'met', due: '10:20' },
];

describe('channel targets: the most specific wins', () => {
  it.each(CASES)('$name', ({ created, reply, channel, target, status, due }) => {
    const rows: Row[] = [['T', '10:00', 'created', created], ['T', '10:15', 'reply', { author: 'agent', ...reply }]];
    const ticket = ticketOf(checkRows(AGREEMENT, rows), 'T');
    expect(ticket.channel).toBe(channel);
    const verdict = ticket.metrics.FirstResponse;
    expect(verdict).toMatchObject({ status, elapsedMinutes: 15, targetMinutes: target });
    expect(hhmm(verdict.due)).toBe(due);
  });
});

describe('channel targets elsewhere', () => {
  it('a metric with no target for the severity and channel does not apply (Fix: P3 via Portal)', () => {
    const ticket = ticketOf(checkRows(AGREEMENT, [['T', '10:00', 'created', { channel: 'Portal' }], ['T', '10:15', 'resolved']]), 'T');
    expect(ticket.metrics.Fix).toBeUndefined();
  });

  it('business days through a channel target: Wed 2026-11-25 10:00 NY, 1 business day via Email is due Fri 27th 18:00 (480 + 600 = 1080 minutes)', () => {
    const rows: Row[] = [['T', '2026-11-25T10:00:00-05:00', 'created', { channel: 'Email' }], ['T', '2026-11-27T09:00:00-05:00', 'resolved']];
    const verdict = ticketOf(checkRows(AGREEMENT, rows), 'T').metrics.Fix;
    // Elapsed: Wed 10:00-18:00 (480), Thanksgiving closed, Fri 08:00-09:00 (60) = 540.
    expect(verdict).toMatchObject({ status: 'met', elapsedMinutes: 540, targetMinutes: 1080, due: '2026-11-27T18:00:00-05:00' });
  });

  it('escalations at P% use the channel target: P1 via Email (10 minutes), level 1 due at 5 minutes', () => {
    const rows: Row[] = [['T', '10:00', 'created', { severity: 'P1', channel: 'Email' }]];
    const report = checkRows(AGREEMENT, rows, '10:20');
    expect(report.escalations.map((row: { level: number; due: string; status: string }) => [row.level, hhmm(row.due), row.status])).toEqual([[1, '10:05', 'missed']]);
  });

  it('a severity change re-targets by severity and channel: P3 via Email (20) becomes P1 via Email (10)', () => {
    const rows: Row[] = [['T', '10:00', 'created', { channel: 'Email' }], ['T', '10:05', 'severity', { severity: 'urgent' }], ['T', '10:15', 'reply', { author: 'agent' }]];
    const ticket = ticketOf(checkRows(AGREEMENT, rows), 'T');
    expect(ticket.severity).toBe('P1');
    expect(ticket.metrics.FirstResponse).toMatchObject({ status: 'breached', targetMinutes: 10 });
  });
});
