/**
 * SEMANTICS.md "Ticket metrics": when each `measures` kind starts and stops,
 * its status at the boundaries, and the effect of the as-of instant. All on
 * a UTC clock open around the clock, so elapsed minutes are wall minutes.
 */
import { describe, expect, it } from 'vitest';
import { agreement, check, csv, metricOf, row } from './helpers.js';

const SLA = agreement(`
metric FirstResponse { measures first response clock Utc target 30 minutes }
metric Estimate { measures first estimate clock Utc target 60 minutes }
metric Fix { measures resolution clock Utc target 120 minutes }
metric Updates { measures update interval clock Utc target 60 minutes }
`);

const at = (time: string): string => `2026-03-02T${time.length === 5 ? `${time}:00` : time}Z`;
type Step = [string, string, Record<string, string>?];

async function run(steps: Step[], asOf?: string) {
  const rows = [row('T', at('10:00'), 'created'), ...steps.map(([time, event, cells]) => row('T', at(time), event, cells))];
  const outcome = await check(SLA, csv(rows), asOf ? ['--as-of', at(asOf)] : []);
  expect(outcome.code, outcome.stderr).toBe(0);
  return outcome.report;
}

interface Case {
  name: string;
  steps: Step[];
  asOf?: string;
  status: string;
  elapsed: number;
  due?: string | null;
}

const agent = { author: 'agent' };
const customer = { author: 'customer' };
const system = { author: 'system' };

const FIRST_RESPONSE: Case[] = [
  { name: 'an agent reply stops it', steps: [['10:20', 'reply', agent]], status: 'met', elapsed: 20 },
  { name: 'a system reply never counts', steps: [['10:05', 'reply', system], ['10:40', 'reply', agent]], status: 'breached', elapsed: 40, due: '10:30' },
  { name: 'a customer reply does not count', steps: [['10:05', 'reply', customer], ['10:25', 'reply', agent]], status: 'met', elapsed: 25 },
  { name: 'only a system reply: still running at as-of', steps: [['10:05', 'reply', system]], asOf: '11:00', status: 'breached', elapsed: 60, due: '10:30' },
  { name: 'still running, elapsed == target at as-of is pending', steps: [['10:05', 'reply', customer]], asOf: '10:30', status: 'pending', elapsed: 30, due: '10:30' },
  { name: 'resolution before any reply stops it', steps: [['10:10', 'resolved'], ['10:50', 'reply', agent]], status: 'met', elapsed: 10 },
  { name: 'agent reply exactly at target is met', steps: [['10:30', 'reply', agent]], status: 'met', elapsed: 30, due: '10:30' },
  { name: 'agent reply one second after target is breached', steps: [['10:30:01', 'reply', agent]], status: 'breached', elapsed: 30.0167, due: '10:30' },
];

const FIRST_ESTIMATE: Case[] = [
  { name: 'an estimate stops it', steps: [['10:30', 'estimate']], status: 'met', elapsed: 30 },
  { name: 'a resolution before any estimate stops it', steps: [['10:20', 'resolved'], ['10:45', 'estimate']], status: 'met', elapsed: 20 },
  { name: 'a reply does not stop it', steps: [['10:10', 'reply', agent]], asOf: '12:00', status: 'breached', elapsed: 120, due: '11:00' },
];

const RESOLUTION: Case[] = [
  { name: 'resolved stops it', steps: [['11:00', 'resolved']], status: 'met', elapsed: 60 },
  { name: 'closed stops an unresolved ticket', steps: [['11:00', 'closed']], status: 'met', elapsed: 60 },
  { name: 'closed after resolved changes nothing', steps: [['11:00', 'resolved'], ['13:00', 'closed']], status: 'met', elapsed: 60 },
  { name: 'reopen restarts it; the gap does not count', steps: [['10:30', 'resolved'], ['11:30', 'reopened'], ['12:00', 'resolved']], status: 'met', elapsed: 60 },
  { name: 'reopened and still running breaches (30 + 150 = 180)', steps: [['10:30', 'resolved'], ['11:30', 'reopened']], asOf: '14:00', status: 'breached', elapsed: 180, due: '13:00' },
  { name: 'closed after a reopen stops it again', steps: [['10:30', 'resolved'], ['11:30', 'reopened'], ['11:45', 'closed']], status: 'met', elapsed: 45 },
  { name: 'running at as-of, under target: pending with due', steps: [['10:10', 'reply', agent]], asOf: '11:00', status: 'pending', elapsed: 60, due: '12:00' },
  { name: 'resolved exactly at target is met', steps: [['12:00', 'resolved']], status: 'met', elapsed: 120, due: '12:00' },
  { name: 'resolved one minute over target is breached', steps: [['12:01', 'resolved']], status: 'breached', elapsed: 121, due: '12:00' },
];

const UPDATE_INTERVAL: Case[] = [
  { name: 'longest gap between agent replies (30, 50, 20)', steps: [['10:30', 'reply', agent], ['11:20', 'reply', agent], ['11:40', 'resolved']], status: 'met', elapsed: 50 },
  { name: 'a customer reply does not reset the gap (30, 75)', steps: [['10:30', 'reply', agent], ['10:50', 'reply', customer], ['11:45', 'reply', agent], ['11:50', 'resolved']], status: 'breached', elapsed: 75 },
  { name: 'a system reply does not reset the gap (70)', steps: [['10:30', 'reply', system], ['11:10', 'reply', agent], ['11:15', 'resolved']], status: 'breached', elapsed: 70 },
  { name: 'the open gap up to as-of counts (20, 90)', steps: [['10:20', 'reply', agent]], asOf: '11:50', status: 'breached', elapsed: 90 },
  { name: 'the open gap under target is pending (20, 40)', steps: [['10:20', 'reply', agent]], asOf: '11:00', status: 'pending', elapsed: 40, due: '11:20' },
  { name: 'time while resolved does not count; reopen starts a gap (40, 10, 30, 5)', steps: [['10:40', 'reply', agent], ['10:50', 'resolved'], ['12:00', 'reopened'], ['12:30', 'reply', agent], ['12:35', 'resolved']], status: 'met', elapsed: 40 },
  { name: 'the gap to the resolution counts (10, 65)', steps: [['10:10', 'reply', agent], ['11:15', 'resolved']], status: 'breached', elapsed: 65 },
];

function table(metric: string, cases: Case[]): void {
  describe(metric, () => {
    it.each(cases)('$name', async ({ steps, asOf, status, elapsed, due }) => {
      const report = await run(steps, asOf);
      const result = metricOf(report, 'T', metric);
      expect(result.status).toBe(status);
      expect(result.elapsedMinutes).toBe(elapsed);
      if (due !== undefined) expect(due === null ? result.due : Date.parse(result.due)).toBe(due === null ? null : Date.parse(at(due)));
    });
  });
}

table('FirstResponse', FIRST_RESPONSE);
table('Estimate', FIRST_ESTIMATE);
table('Fix', RESOLUTION);
table('Updates', UPDATE_INTERVAL);
