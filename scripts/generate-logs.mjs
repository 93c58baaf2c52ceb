#!/usr/bin/env node
// Writes the example ticket and outage logs in examples/logs/ from a seeded
// random generator: the same files on every run and machine. With
// --update-expected it also rewrites the expected reports the tests compare
// `slac check --format json` against (test/runtime/check/expected/); review
// those by eye before committing them. Needs `npm run build` first.
//
//   node scripts/generate-logs.mjs [--update-expected]
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { mulberry32 } from './seeded-random.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { loadAgreementModel } = await import(join(root, 'dist', 'language', 'workspace', 'index.js'));

/** Each example agreement, its log format and a three-month window after its effective date. */
export const EXAMPLES = [
  { name: 'poologics', sla: 'examples/poologics.sla', format: 'csv', from: '2026-01-05', prefix: 'PL', tickets: 320, seed: 11, order: 'time' },
  { name: 'hosting', sla: 'examples/hosting.sla', format: 'ndjson', from: '2026-04-01', prefix: 'NW', tickets: 300, seed: 22, order: 'ticket' },
  { name: 'letsflo', sla: 'examples/letsflo.sla', format: 'csv', from: '2026-02-02', prefix: 'LF', tickets: 260, seed: 33, order: 'time' },
  { name: 'finance', sla: 'examples/multilevel/finance.sla', format: 'ndjson', from: '2026-03-02', prefix: 'FIN', tickets: 280, seed: 44, order: 'shuffled' },
  // A portfolio: one service desk's log for two departments, told apart by the `client` column.
  {
    name: 'departments', sla: 'examples/multilevel/departments.sla', format: 'csv', from: '2026-03-02', prefix: 'DEP', tickets: 240, seed: 55, order: 'time',
    clients: [
      { sla: 'examples/multilevel/finance.sla', names: ['Finance Department', 'Finance', ' finance '] },
      { sla: 'examples/multilevel/hr.sla', names: ['Human Resources Department', 'HR'] },
    ],
  },
];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Seeded helpers over mulberry32, the same everywhere. */
function prng(seed) {
  const next = mulberry32(seed);
  return {
    next,
    chance: (p) => next() < p,
    between: (low, high) => low + (high - low) * next(),
    int: (low, high) => Math.floor(low + (high - low + 1) * next()),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/** Target of a metric for a severity in wall-clock minutes (business days roughly as days). */
function targetMinutes(metric, severity) {
  const target = metric?.targets[severity] ?? metric?.defaultTarget;
  if (!target) return undefined;
  if (target.minutes !== undefined) return target.minutes;
  return target.amount * 24 * 60;
}

/** How a helpdesk may record a severity or channel: its name or one of its `matches` values, in any case. */
function recordedAs(random, declaration) {
  const value = random.chance(0.5) ? declaration.name : random.pick([declaration.name, ...(declaration.matches ?? [])]);
  // Names are exact; `matches` values compare in any case and trimmed.
  return value !== declaration.name && random.chance(0.2) ? ` ${value.toUpperCase()}` : value;
}

function metricOf(model, measures) {
  return model.metrics.find((metric) => metric.measures === measures);
}

/** A creation time: mostly inside the clock's open hours on a day of the window. */
function creationTime(random, from, calendar) {
  for (;;) {
    const day = from.plus({ days: random.int(0, 88) });
    const ranges = calendar.weekly[day.weekday] ?? [];
    if (ranges.length > 0 && random.chance(0.8)) {
      const range = random.pick(ranges);
      const minute = random.int(range.start, Math.min(range.end, 1440) - 30);
      return day.plus({ minutes: minute }).toMillis();
    }
    if (random.chance(0.5)) return day.plus({ minutes: random.int(0, 1439) }).toMillis();
  }
}

/** All events of one ticket, as [time, row] pairs (time in epoch ms). */
function ticketEvents(random, model, id, created) {
  const severities = model.severities.map((severity) => severity.name);
  const severity = random.chance(0.15) ? severities[0] : random.pick(severities.slice(1).length ? severities.slice(1) : severities);
  const events = [];
  const add = (time, row) => events.push([Math.round(time / 1000) * 1000, { ticket: id, ...row }]);
  const severityOf = (name) => recordedAs(random, model.severities.find((declared) => declared.name === name));
  const createdRow = { event: 'created' };
  if (severity !== model.defaultSeverity || random.chance(0.6)) createdRow.severity = severityOf(severity);
  if (model.channels.length > 0 && random.chance(0.85)) createdRow.channel = recordedAs(random, random.pick(model.channels));
  add(created, createdRow);
  if (random.chance(0.4)) add(created + random.int(5, 90) * 1000, { event: 'reply', author: 'system' });

  let current = severity;
  if (random.chance(0.08)) {
    current = random.pick(severities.filter((name) => name !== severity));
    add(created + random.between(20, 240) * MINUTE, { event: 'severity', severity: severityOf(current) });
  }
  const response = targetMinutes(metricOf(model, 'firstResponse'), current) ?? 60;
  const firstReply = created + response * (random.chance(0.93) ? random.between(0.1, 0.85) : random.between(1.3, 5)) * MINUTE;
  const resolution = targetMinutes(metricOf(model, 'resolution'), current) ?? 8 * 60;
  const stillOpen = random.chance(0.05);
  let resolved = created + resolution * (random.chance(0.88) ? random.between(0.15, 0.9) : random.between(1.4, 6)) * MINUTE;
  resolved = Math.max(resolved, firstReply + 10 * MINUTE);
  add(firstReply, { event: 'reply', author: 'agent' });

  // Estimates are logged even where no metric measures them.
  if (random.chance(metricOf(model, 'firstEstimate') ? 0.7 : 0.15)) add(firstReply + random.between(1, 30 * 60) * MINUTE, { event: 'estimate' });
  // Customer messages after the first response, each answered (next reply), mostly in time.
  const nextReply = targetMinutes(metricOf(model, 'nextReply'), current) ?? 8 * 60;
  for (let at = firstReply, count = random.chance(0.45) ? random.int(1, 3) : 0; count > 0; count--) {
    at += random.between(5, 600) * MINUTE;
    if (at >= resolved) break;
    add(at, { event: 'reply', author: 'customer' });
    if (random.chance(0.1)) add(at + random.between(1, 10) * MINUTE, { event: 'reply', author: 'system' });
    // Wall-clock minutes: a late answer must be well over the target to be late
    // in open time, and it comes before the ticket is resolved.
    const late = random.chance(0.2);
    at += nextReply * (late ? random.between(2, 6) : random.between(0.05, 0.6)) * MINUTE;
    if (late) resolved = Math.max(resolved, at + random.between(10, 120) * MINUTE);
    if (at >= resolved) break;
    add(at, { event: 'reply', author: 'agent' });
  }
  const pause = model.pause.statuses;
  if (pause.length > 0 && random.chance(0.22)) {
    const start = firstReply + random.between(5, 120) * MINUTE;
    add(start, { event: 'status', status: random.pick(pause) });
    add(start + random.between(30, 36 * 60) * MINUTE, { event: 'status', status: random.chance(0.1) ? 'On hold, vendor' : 'In progress' });
  }
  const updates = targetMinutes(metricOf(model, 'updateInterval'), current);
  if (updates !== undefined) {
    for (let at = firstReply + updates * random.between(0.4, 1.1) * MINUTE; at < resolved; at += updates * (random.chance(0.85) ? random.between(0.4, 0.95) : random.between(1.1, 2)) * MINUTE) {
      add(at, { event: 'reply', author: 'agent' });
    }
  }
  addEscalations(random, model, add, created, resolution, stillOpen ? Infinity : resolved);
  if (stillOpen) return events;
  add(resolved, { event: 'resolved' });
  if (random.chance(0.05)) {
    const reopened = resolved + random.between(1, 48) * HOUR;
    add(reopened, { event: 'reopened' });
    add(reopened + random.between(0.1, 1.2) * resolution * MINUTE, { event: 'resolved' });
  } else if (random.chance(0.4)) {
    add(resolved + random.between(0.5, 3) * DAY, { event: 'closed' });
  }
  return events;
}

/** Escalations on time, late or missed, at roughly when each level falls due. */
function addEscalations(random, model, add, created, resolution, resolved) {
  for (const level of model.escalation?.levels ?? []) {
    const trigger = level.trigger;
    const due = trigger.kind === 'at' ? created + (trigger.percent / 100) * resolution * MINUTE : created + (trigger.duration.minutes ?? 60) * MINUTE;
    if (due >= resolved) return;
    const roll = random.next();
    if (roll < 0.7) add(Math.max(created + MINUTE, due - random.between(1, 30) * MINUTE), { event: 'escalated', level: level.level });
    else if (roll < 0.85) add(due + random.between(10, 180) * MINUTE, { event: 'escalated', level: level.level });
  }
}

/** Outages (some long enough to miss a 99.9% month) and a monthly night maintenance window. */
function outageRows(random, from, zone, maintenance) {
  const rows = [];
  for (let month = 0; month < 3; month++) {
    const start = from.plus({ months: month }).startOf('month');
    for (let count = random.int(0, 3); count > 0; count--) {
      const begin = start.plus({ days: random.int(0, 27), minutes: random.int(0, 1439) });
      const minutes = random.chance(0.25) ? random.int(45, 240) : random.int(3, 30);
      rows.push({ start: begin, end: begin.plus({ minutes }), kind: 'outage', description: random.pick(['Database failover', 'Network outage, upstream provider', 'Storage "degraded" alarm', '']) });
    }
    if (month === 1) {
      // One incident on a weekday afternoon, so business-hours uptime has something to count.
      let day = start.plus({ days: random.int(2, 20) });
      while (day.weekday > 5) day = day.plus({ days: 1 });
      const begin = day.set({ hour: 14, minute: random.int(0, 59) });
      rows.push({ start: begin, end: begin.plus({ minutes: random.int(30, 200) }), kind: 'outage', description: 'Application servers unreachable' });
    }
    // Maintenance on a Sunday night, mostly announced in time; some late, some
    // unannounced, one running past the window and one month over the cap.
    let night = start.plus({ days: random.int(1, 20) }).set({ hour: 2 });
    while (night.weekday !== 7) night = night.plus({ days: 1 });
    const notice = (maintenance?.notice?.minutes ?? 2 * 24 * 60) * MINUTE;
    for (let count = month === 2 ? 3 : random.int(1, 2); count > 0; count--, night = night.plus({ days: 7 })) {
      // The last month's three long rows go over an 8-hour monthly cap.
      const minutes = month === 0 && count === 1 ? 300 : month === 2 ? random.int(170, 235) : random.int(60, 230);
      const roll = random.next();
      const ahead = roll < 0.7 ? notice + random.int(1, 72) * HOUR : roll < 0.85 ? random.int(1, 24) * HOUR : undefined;
      const announced = ahead === undefined ? undefined : night.minus(ahead);
      rows.push({ start: night, end: night.plus({ minutes }), kind: 'maintenance', description: 'Planned maintenance', ...(announced ? { announced: iso(announced) } : {}) });
    }
  }
  rows.sort((a, b) => a.start.toMillis() - b.start.toMillis());
  return rows.map((row) => ({ ...row, start: iso(row.start), end: iso(row.end) }));
}

function iso(dateTime) {
  return dateTime.toISO({ suppressMilliseconds: true });
}

function csvCell(value) {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function writeLog(file, format, keys, rows) {
  const text =
    format === 'csv'
      ? [keys.join(','), ...rows.map((row) => keys.map((key) => csvCell(row[key])).join(','))].join('\r\n') + '\r\n'
      : rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
  writeFileSync(file, text);
}

function loadModel(sla) {
  const { model, diagnostics } = loadAgreementModel(join(root, sla));
  if (!model) throw new Error(`${sla}: ${diagnostics.map((d) => d.message).join('; ')}`);
  return model;
}

function generate(example) {
  // A portfolio's tickets come from its members' agreements, each row naming its client.
  const members = (example.clients ?? [{ sla: example.sla, names: [] }]).map((member) => ({ ...member, model: loadModel(member.sla) }));
  const first = members[0].model;
  const random = prng(example.seed);
  const clock = first.calendars.find((calendar) => calendar.name === (metricOf(first, 'resolution') ?? first.metrics[0]).clock);
  const zone = clock.timezone;
  const from = DateTime.fromISO(example.from, { zone });
  // The log is cut at the end of the window: tickets still open then are pending (or already late).
  const end = from.plus({ days: 90 }).toMillis();
  let events = [];
  for (let index = 0; index < example.tickets; index++) {
    const id = `${example.prefix}-${1001 + index}`;
    const member = random.pick(members);
    const client = member.names.length > 0 ? random.pick(member.names) : undefined;
    const ticket = ticketEvents(random, member.model, id, creationTime(random, from, clock)).filter(([time]) => time <= end);
    // The first row always names the client; later rows mostly repeat it, as helpdesk exports do.
    if (client !== undefined) ticket.forEach(([, row], position) => { if (position === 0 || random.chance(0.7)) row.client = client; });
    events.push(...ticket);
  }
  if (example.order === 'time') events.sort((a, b) => a[0] - b[0]);
  if (example.order === 'shuffled') events = events.map((event) => [random.next(), event]).sort((a, b) => a[0] - b[0]).map(([, event]) => event);
  const rows = events.map(([time, row]) => {
    const instant = DateTime.fromMillis(time, { zone });
    return { ticket: row.ticket, time: random.chance(0.2) ? instant.toUTC().toISO({ suppressMilliseconds: true }) : iso(instant), ...withoutTicket(row) };
  });
  const logs = join(root, 'examples', 'logs');
  mkdirSync(logs, { recursive: true });
  const ticketFile = join(logs, `${example.name}.tickets.${example.format}`);
  const clientKey = example.clients ? ['client'] : [];
  writeLog(ticketFile, example.format, ['ticket', 'time', 'event', 'severity', 'channel', 'status', 'author', 'level', ...clientKey], rows);
  const outages = outageRows(random, from, zone, first.maintenance);
  // In a portfolio, some outages hit one client only.
  if (example.clients) for (const row of outages) if (random.chance(0.3)) row.client = random.pick(members).names[0];
  writeLog(join(logs, `${example.name}.outages.csv`), 'csv', ['start', 'end', 'kind', 'announced', 'description', ...clientKey], outages);
  process.stdout.write(`${example.name}: ${example.tickets} tickets, ${rows.length} events\n`);
}

function withoutTicket(row) {
  const { ticket: _ticket, ...rest } = row;
  return rest;
}

/** The arguments of `slac check` that produce an example's expected report. */
export function checkArguments(example) {
  return ['check', example.sla, `examples/logs/${example.name}.tickets.${example.format}`, '--outages', `examples/logs/${example.name}.outages.csv`, '--format', 'json'];
}

function updateExpected(example) {
  const expected = join(root, 'test', 'runtime', 'check', 'expected');
  mkdirSync(expected, { recursive: true });
  const result = spawnSync(process.execPath, [join(root, 'bin', 'slac.js'), ...checkArguments(example), '-o', join(expected, `${example.name}.report.json`)], { cwd: root, encoding: 'utf8' });
  if (result.status === 2 || result.stderr) throw new Error(`${example.name}: slac check failed:\n${result.stderr}`);
  process.stdout.write(`${example.name}: expected report written (exit ${result.status})\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const example of EXAMPLES) generate(example);
  if (process.argv.includes('--update-expected')) for (const example of EXAMPLES) updateExpected(example);
}
