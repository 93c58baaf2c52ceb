// Throughput and memory of the evaluator: seeded random tickets on business
// hours, each evaluated, counted into a ReportBuilder and written as JSON.
// Run after `npm run build`: node --expose-gc bench/evaluate.mjs [tickets]
import { performance } from 'node:perf_hooks';
import { mulberry32 } from '../scripts/seeded-random.mjs';
import { createEvaluationContext, evaluateTicket, ReportBuilder } from '../dist/runtime/evaluate/index.js';
import { toTicketJson, writeJsonReport } from '../dist/runtime/report/index.js';

const TICKETS = Number(process.argv[2] ?? 200_000);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const weekdays = (start, end) => [[], ...[1, 2, 3, 4, 5].map(() => [{ start, end }]), [], []];
const target = (hours) => ({ amount: hours, unit: 'hours', minutes: hours * 60, text: `${hours} hours` });

const model = {
  format: 'slac-model',
  version: 1,
  agreement: { name: 'Bench', effective: '2026-01-01' },
  params: [],
  calendars: [{ name: 'BusinessHours', timezone: 'America/New_York', weekly: weekdays(480, 1080), holidays: [{ date: '2026-11-26', name: 'Thanksgiving' }] }],
  channels: [],
  severities: [{ name: 'Critical', isDefault: false }, { name: 'Standard', isDefault: true }],
  defaultSeverity: 'Standard',
  pause: { statuses: ['Waiting on customer'] },
  metrics: [
    { name: 'Ack', title: 'Ack', measures: 'firstResponse', clock: 'BusinessHours', defaultTarget: target(1 / 3), targets: {}, objective: { percent: 95, period: 'monthly' }, excludingMaintenance: false },
    { name: 'Fix', title: 'Fix', measures: 'resolution', clock: 'BusinessHours', targets: { Critical: target(4), Standard: target(8) }, objective: { percent: 90, period: 'monthly' }, excludingMaintenance: false },
    { name: 'Upd', title: 'Upd', measures: 'updateInterval', clock: 'BusinessHours', targets: { Critical: target(2) }, excludingMaintenance: false },
  ],
  escalation: {
    levels: [
      { level: 1, who: 'Lead', trigger: { kind: 'at', percent: 50, metric: 'Fix' } },
      { level: 2, who: 'Head', trigger: { kind: 'at', percent: 100, metric: 'Fix' } },
    ],
  },
  responsibilities: { provider: [], client: [] },
  clauses: [],
  sources: [],
};

function ticketEvents(next, index) {
  const ticket = `T-${index}`;
  let time = Date.UTC(2026, 0, 1) + Math.floor(next() * 360 * DAY);
  const events = [{ ticket, time, event: 'created', severity: next() < 0.2 ? 'Critical' : 'Standard', line: 1, seq: 0 }];
  const count = 2 + Math.floor(next() * 6);
  for (let seq = 1; seq <= count; seq++) {
    time += Math.floor(next() * 6 * HOUR);
    const pick = next();
    if (seq === count) events.push({ ticket, time, event: 'resolved', line: 1, seq });
    else if (pick < 0.5) events.push({ ticket, time, event: 'reply', author: 'agent', line: 1, seq });
    else if (pick < 0.7) events.push({ ticket, time, event: 'status', status: pick < 0.6 ? 'Waiting on customer' : 'Open', line: 1, seq });
    else events.push({ ticket, time, event: 'escalated', level: 1, line: 1, seq });
  }
  return events;
}

const context = createEvaluationContext(model);
const asOf = Date.UTC(2026, 11, 31);
const builder = new ReportBuilder(context, asOf);
const next = mulberry32(7);
let bytes = 0;
const started = performance.now();
const tickets = function* () {
  for (let index = 0; index < TICKETS; index++) {
    const verdict = evaluateTicket(context, ticketEvents(next, index), asOf);
    builder.addTicket(verdict);
    yield toTicketJson(verdict, context);
  }
};
// The tickets are written as they are evaluated; the summary goes first only in this bench's measure.
const ticketJson = [];
for (const ticket of tickets()) {
  bytes += JSON.stringify(ticket).length;
  if (ticketJson.length < 10) ticketJson.push(ticket);
}
const evaluated = performance.now();
const summary = builder.finish({ invalidRows: 0, skipped: [] });
writeJsonReport(summary, ticketJson, (chunk) => (bytes += chunk.length));
const finished = performance.now();
globalThis.gc?.();
const perTicket = ((evaluated - started) * 1000) / TICKETS;
console.log(`evaluate: ${TICKETS.toLocaleString('en-US')} tickets in ${(evaluated - started).toFixed(0)} ms (${perTicket.toFixed(1)} us per ticket)`);
console.log(`finish + write summary: ${(finished - evaluated).toFixed(0)} ms; ${summary.escalations.length.toLocaleString('en-US')} escalations, ${bytes.toLocaleString('en-US')} bytes of JSON`);
console.log(`heap after: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
