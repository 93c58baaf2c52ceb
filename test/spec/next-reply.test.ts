/**
 * SEMANTICS.md 1.1 "Next reply": cycles from a customer reply (after the
 * first agent reply, while unresolved) to the next agent reply or
 * resolution; the longest cycle is the elapsed time. On the UTC clock open
 * around the clock, so minutes are wall minutes:
 *
 * ```
 * metric NextReply { measures next reply clock Utc target 60 minutes objective 50% monthly }
 * escalation { level 1 "Lead" at 50% of NextReply  level 2 "Head" at 100% of NextReply }
 * ```
 */
import { describe, expect, it } from 'vitest';
import { checkRows, hhmm, metric, minutes, model, ticketOf, type Row } from './model-check.js';

const AGREEMENT = model([metric('NextReply', 'nextReply', { target: minutes(60), objective: 50 })], {
  escalation: {
    levels: [
      { level: 1, who: 'Lead', trigger: { kind: 'at', percent: 50, metric: 'NextReply' } },
      { level: 2, who: 'Head', trigger: { kind: 'at', percent: 100, metric: 'NextReply' } },
    ],
  },
});

type Step = [string, string, Record<string, string | number>?];
const agent = { author: 'agent' };
const customer = { author: 'customer' };
const system = { author: 'system' };
const waiting = { status: 'Waiting on customer' };
const open = { status: 'Open' };

interface Case {
  name: string;
  steps: Step[];
  asOf?: string;
  /** Absent: the ticket is not counted for the metric. */
  expected?: { status: string; elapsed: number; due: string | null; stoppedAt?: string };
}

// Created 10:00 every time; the target is 60 minutes.
const CASES: Case[] = [
  {
    name: 'one cycle (10:30-11:00 = 30) answered, ticket unresolved: pending; due 10:30 + 60',
    steps: [['10:10', 'reply', agent], ['10:30', 'reply', customer], ['11:00', 'reply', agent]],
    expected: { status: 'pending', elapsed: 30, due: '11:30' },
  },
  {
    name: 'the same, then resolved: met, stopped at the resolution',
    steps: [['10:10', 'reply', agent], ['10:30', 'reply', customer], ['11:00', 'reply', agent], ['11:10', 'resolved']],
    expected: { status: 'met', elapsed: 30, due: '11:30', stoppedAt: '11:10' },
  },
  {
    name: 'the longest of two cycles (20, 50) counts; due of the longest (11:00 + 60)',
    steps: [['10:10', 'reply', agent], ['10:20', 'reply', customer], ['10:40', 'reply', agent], ['11:00', 'reply', customer], ['11:50', 'reply', agent], ['12:00', 'resolved']],
    expected: { status: 'met', elapsed: 50, due: '12:00', stoppedAt: '12:00' },
  },
  {
    name: 'one cycle over target (70) breaches though the next (10) is short; due 10:20 + 60',
    steps: [['10:10', 'reply', agent], ['10:20', 'reply', customer], ['11:30', 'reply', agent], ['11:40', 'reply', customer], ['11:50', 'reply', agent], ['12:00', 'resolved']],
    expected: { status: 'breached', elapsed: 70, due: '11:20', stoppedAt: '12:00' },
  },
  {
    name: 'exactly on target (10:20-11:20 = 60) is met',
    steps: [['10:10', 'reply', agent], ['10:20', 'reply', customer], ['11:20', 'reply', agent], ['11:30', 'resolved']],
    expected: { status: 'met', elapsed: 60, due: '11:20', stoppedAt: '11:30' },
  },
  {
    name: 'customer replies while a cycle runs do not restart it (10:20-11:10 = 50)',
    steps: [['10:10', 'reply', agent], ['10:20', 'reply', customer], ['10:50', 'reply', customer], ['11:10', 'reply', agent]],
    expected: { status: 'pending', elapsed: 50, due: '11:20' },
  },
  {
    name: 'a system reply does not stop a cycle (10:20-11:40 = 80)',
    steps: [['10:10', 'reply', agent], ['10:20', 'reply', customer], ['10:30', 'reply', system], ['11:40', 'reply', agent]],
    expected: { status: 'breached', elapsed: 80, due: '11:20' },
  },
  {
    name: 'a system reply does not start a cycle: not counted',
    steps: [['10:10', 'reply', agent], ['10:20', 'reply', system], ['10:30', 'reply', agent], ['10:40', 'resolved']],
  },
  {
    name: 'a system reply is not the first agent reply: the customer reply starts nothing',
    steps: [['10:10', 'reply', system], ['10:20', 'reply', customer], ['11:40', 'reply', agent], ['11:50', 'resolved']],
  },
  {
    name: 'customer replies before the first agent reply start nothing (first response measures them): not counted',
    steps: [['10:05', 'reply', customer], ['10:20', 'reply', agent], ['10:30', 'resolved']],
  },
  {
    name: 'no customer reply after the first agent reply: not counted',
    steps: [['10:10', 'reply', agent], ['10:20', 'resolved']],
  },
  {
    name: 'a resolution stops a running cycle (10:20-10:50 = 30): met',
    steps: [['10:10', 'reply', agent], ['10:20', 'reply', customer], ['10:50', 'resolved']],
    expected: { status: 'met', elapsed: 30, due: '11:20', stoppedAt: '10:50' },
  },
  {
    name: 'a closed after resolved changes nothing',
    steps: [['10:10', 'reply', agent], ['10:20', 'reply', customer], ['10:50', 'resolved'], ['11:30', 'closed']],
    expected: { status: 'met', elapsed: 30, due: '11:20', stoppedAt: '10:50' },
  },
  {
    name: 'a cycle running at as-of counts up to as-of (10:20-11:00 = 40): pending',
    steps: [['10:10', 'reply', agent], ['10:20', 'reply', customer]],
    asOf: '11:00',
    expected: { status: 'pending', elapsed: 40, due: '11:20' },
  },
  {
    name: 'a cycle running at as-of past its target (10:20-11:30 = 70): breached',
    steps: [['10:10', 'reply', agent], ['10:20', 'reply', customer]],
    asOf: '11:30',
    expected: { status: 'breached', elapsed: 70, due: '11:20' },
  },
  {
    name: 'a running cycle (10:50-11:10 = 20) decides the due instant over an earlier shorter one (10:20-10:30)',
    steps: [['10:10', 'reply', agent], ['10:20', 'reply', customer], ['10:30', 'reply', agent], ['10:50', 'reply', customer]],
    asOf: '11:10',
    expected: { status: 'pending', elapsed: 20, due: '11:50' },
  },
  {
    name: 'a customer reply while resolved starts nothing: not counted',
    steps: [['10:10', 'reply', agent], ['10:20', 'resolved'], ['10:30', 'reply', customer]],
    asOf: '12:00',
  },
  {
    name: 'reopened: unresolved again, so a customer reply starts a cycle (10:40-11:00 = 20); pending',
    steps: [['10:10', 'reply', agent], ['10:20', 'resolved'], ['10:30', 'reopened'], ['10:40', 'reply', customer], ['11:00', 'reply', agent]],
    expected: { status: 'pending', elapsed: 20, due: '11:40' },
  },
  {
    name: 'a pause inside a cycle: 10:20-10:30 and 11:00-11:20 = 30; due 10:20 + 10 + pause + 50 = 11:50',
    steps: [['10:10', 'reply', agent], ['10:20', 'reply', customer], ['10:30', 'status', waiting], ['11:00', 'status', open], ['11:20', 'reply', agent]],
    expected: { status: 'pending', elapsed: 30, due: '11:50' },
  },
  {
    name: 'paused at as-of with a cycle running (10:20-10:50 = 30): pending, no due',
    steps: [['10:10', 'reply', agent], ['10:20', 'reply', customer], ['10:50', 'status', waiting]],
    asOf: '12:00',
    expected: { status: 'pending', elapsed: 30, due: null },
  },
  {
    name: 'a cycle started while paused accrues from the end of the pause (10:40-11:00 = 20); due 11:40',
    steps: [['10:10', 'reply', agent], ['10:15', 'status', waiting], ['10:20', 'reply', customer], ['10:40', 'status', open], ['11:00', 'reply', agent]],
    expected: { status: 'pending', elapsed: 20, due: '11:40' },
  },
];

async function verdictOf(steps: Step[], asOf?: string) {
  const rows: Row[] = [['T', '10:00', 'created'], ...steps.map(([time, event, cells]): Row => ['T', time, event, cells])];
  const report = checkRows(AGREEMENT, rows, asOf);
  return { report, verdict: ticketOf(report, 'T').metrics.NextReply };
}

describe('next reply: cycles', () => {
  it.each(CASES)('$name', async ({ steps, asOf, expected }) => {
    const { verdict } = await verdictOf(steps, asOf);
    if (!expected) {
      expect(verdict).toBeUndefined();
      return;
    }
    expect(verdict).toMatchObject({ status: expected.status, elapsedMinutes: expected.elapsed, targetMinutes: 60 });
    expect(hhmm(verdict.due)).toBe(expected.due);
    expect(hhmm(verdict.stoppedAt)).toBe(expected.stoppedAt);
  });
});

describe('next reply: objectives and escalations', () => {
  it('counts met and breached tickets; pending ones are listed, uncounted ones are not', () => {
    const rows: Row[] = [
      // A: one cycle 10:20-10:50 (30), resolved: met.
      ['A', '10:00', 'created'], ['A', '10:10', 'reply', agent], ['A', '10:20', 'reply', customer], ['A', '10:50', 'reply', agent], ['A', '11:00', 'resolved'],
      // B: one cycle 10:20-11:40 (80): breached.
      ['B', '10:00', 'created'], ['B', '10:10', 'reply', agent], ['B', '10:20', 'reply', customer], ['B', '11:40', 'reply', agent], ['B', '11:50', 'resolved'],
      // C: no cycle: not counted at all.
      ['C', '10:00', 'created'], ['C', '10:10', 'reply', agent], ['C', '10:20', 'resolved'],
      // D: a cycle 11:30-12:00 (30) running at as-of: pending.
      ['D', '10:00', 'created'], ['D', '10:10', 'reply', agent], ['D', '11:30', 'reply', customer],
    ];
    const report = checkRows(AGREEMENT, rows, '12:00');
    expect(report.objectives).toEqual([
      { metric: 'NextReply', title: 'NextReply', period: '2026-03', met: 1, breached: 1, pending: 1, attainment: 0.5, objective: 0.5, ok: true },
    ]);
    expect(ticketOf(report, 'C').metrics).toEqual({});
  });

  it('at P% of next reply: each cycle owes its own levels, met only by escalations within that cycle', () => {
    const rows: Row[] = [
      ['T', '10:00', 'created'],
      ['T', '10:10', 'reply', agent],
      // Cycle 1, 10:20-11:00 (40): level 1 due 10:20 + 30 = 10:50, met at 10:45; level 2 (11:20) never reached.
      ['T', '10:20', 'reply', customer],
      ['T', '10:45', 'escalated', { level: 1 }],
      ['T', '11:00', 'reply', agent],
      // Cycle 2 from 11:10, running at as-of 12:30: level 1 due 11:40, level 2 due 12:10. The 10:45
      // escalation belongs to cycle 1; the level-2 row at 12:20 meets both, late by 40 and 10 minutes.
      ['T', '11:10', 'reply', customer],
      ['T', '12:20', 'escalated', { level: 2 }],
    ];
    const report = checkRows(AGREEMENT, rows, '12:30');
    const rowsOf = report.escalations.map((row: { level: number; due: string; status: string; lateMinutes?: number }) => [row.level, hhmm(row.due), row.status, row.lateMinutes]);
    expect(rowsOf).toEqual([
      [1, '10:50', 'met', undefined],
      [1, '11:40', 'late', 40],
      [2, '12:10', 'late', 10],
    ]);
  });

  it('at P% of next reply: the running cycle owes a pending level; a missed one when nothing came', () => {
    const rows: Row[] = [
      ['T', '10:00', 'created'],
      ['T', '10:10', 'reply', agent],
      // Cycle 10:20-: level 1 due 10:50 (missed at as-of 11:00), level 2 due 11:20 (pending).
      ['T', '10:20', 'reply', customer],
    ];
    const report = checkRows(AGREEMENT, rows, '11:00');
    expect(report.escalations.map((row: { level: number; due: string; status: string }) => [row.level, hhmm(row.due), row.status])).toEqual([
      [1, '10:50', 'missed'],
      [2, '11:20', 'pending'],
    ]);
  });

  it('a ticket with no cycle owes no next-reply escalation', () => {
    const report = checkRows(AGREEMENT, [['T', '10:00', 'created'], ['T', '12:00', 'reply', agent]], '13:00');
    expect(report.escalations).toEqual([]);
  });
});
