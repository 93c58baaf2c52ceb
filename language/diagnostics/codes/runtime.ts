import type { CatalogueEntry } from './entry.js';

/**
 * SLA4xxx: ticket logs, outage logs, compiled models and options given to
 * `slac check`. Log messages are printed after `file:line: key 'name': `, so
 * they describe the value and start in lower case.
 */
export const runtimeCodes = [
  { code: 'SLA4001', severity: 'error', message: 'missing; {reason}', explanation: 'Every row needs ticket, time and event, and some events need more keys (severity on `severity`, status on `status`, author on `reply`, level on `escalated`).' },
  { code: 'SLA4002', severity: 'error', message: "'{value}' is not an ISO 8601 instant with an offset (add Z or +01:00, or pass --assume-timezone)", explanation: 'Times must say which time zone they are in, so that the report does not depend on the machine it runs on.' },
  { code: 'SLA4003', severity: 'error', message: "'{value}' is not an event; expected one of {expected}", explanation: 'The nine events are created, reply, status, severity, estimate, escalated, resolved, reopened and closed.' },
  { code: 'SLA4004', severity: 'error', message: "'{value}' is not a severity of the agreement; expected one of {expected}{hint}", explanation: 'Severity names are compared exactly as declared in the agreement; a value listed in a severity\'s `matches` (1.1) is compared in any case, trimmed.' },
  { code: 'SLA4005', severity: 'error', message: "'{value}' is not a channel of the agreement; expected one of {expected}{hint}", explanation: 'A channel, when given, must be declared in the agreement, by its name or by a value listed in its `matches` (1.1, any case, trimmed).' },
  { code: 'SLA4006', severity: 'error', message: "'{value}' is not a reply author; expected agent, customer or system", explanation: 'Only agent replies count as a response; system (automated) replies never do.' },
  { code: 'SLA4007', severity: 'error', message: "'{value}' is not an escalation level; expected a whole number from 1", explanation: 'The level of an `escalated` event is the number of the escalation level reached.' },
  { code: 'SLA4008', severity: 'error', message: "'{value}' comes before the ticket's 'created' event on line {createdLine}{hint}", explanation: "A ticket's events are taken in time order, ties in file order; nothing can happen to a ticket before it is created." },
  { code: 'SLA4009', severity: 'error', message: "ticket '{ticket}' is already created on line {firstLine}", explanation: 'Each ticket has exactly one `created` event.' },
  { code: 'SLA4010', severity: 'error', message: "ticket '{ticket}' has no 'created' event", explanation: 'Every ticket needs a `created` event; its clocks start there.' },
  { code: 'SLA4011', severity: 'warning', message: 'not a log key; ignored in this row and every other row ({expected} are read)', explanation: 'Unknown columns or keys are ignored; the warning is given once per key and file, so a typo is not missed.' },
  { code: 'SLA4012', severity: 'error', message: 'not a JSON object: {reason}', explanation: 'Each non-blank line of an NDJSON log is one JSON object.' },
  { code: 'SLA4013', severity: 'error', message: '{reason}', explanation: 'A CSV log has a header row and one row per event, quoted as in RFC 4180.' },
  { code: 'SLA4014', severity: 'error', message: "{value} must be a {expected}, not {actual}", explanation: 'Log values are text (or a number for ticket ids and levels).' },
  { code: 'SLA4015', severity: 'error', message: "'{value}' is not an outage kind; expected outage or maintenance", explanation: 'Outage rows are `outage` (counts as downtime) or `maintenance` (planned; not scheduled time when the metric says `excluding maintenance`).' },
  { code: 'SLA4016', severity: 'error', message: "'{end}' is not after the start '{start}'", explanation: 'An outage or maintenance window ends after it starts.' },
  { code: 'SLA4017', severity: 'error', message: "'{value}' is not a time zone; use an IANA name such as Europe/Berlin", explanation: '--assume-timezone names the zone of log times written without an offset.' },
  { code: 'SLA4018', severity: 'error', message: "'{value}' is not an instant with an offset, such as 2026-03-31T23:59:59Z", explanation: '--as-of gives the instant the report is made at.' },
  { code: 'SLA4019', severity: 'error', message: 'the log has no events; pass --as-of to make a report at a given instant', explanation: 'Without --as-of the report is made at the latest event time in the log.' },
  { code: 'SLA4020', severity: 'error', message: "cannot tell the log format of '{file}'; name it .csv, .ndjson or .jsonl, or pass --log-format csv|ndjson", explanation: 'The format of a log is taken from its extension or from --log-format.' },
  { code: 'SLA4021', severity: 'error', message: '{reason}', explanation: 'A compiled model (`.sla.json`) is written by `slac compile --emit model`; its format and version are checked before it is used.' },
  { code: 'SLA4022', severity: 'error', message: 'cannot read {file}: {reason}', explanation: 'The log file must exist and be readable.' },
  { code: 'SLA4023', severity: 'error', message: "column '{key}' appears more than once in the header", explanation: 'Each column of a CSV log is named once.' },
  // Portfolios (1.1); SLA4030 and up, so that other 1.1 log codes can take SLA4024 onwards.
  { code: 'SLA4030', severity: 'error', message: "ticket '{ticket}' {why}; portfolio {portfolio} lists {clients} and declares no others", explanation: 'In a portfolio, each ticket goes to the agreement of its client (the `client` key); a ticket with no client, or a client the portfolio does not list, needs `others use "..."`.' },
  { code: 'SLA4031', severity: 'warning', message: "ticket '{ticket}' has client '{value}' here but '{first}' on line {firstLine}; the first client counts", explanation: 'Every row of a ticket should name the same client; the ticket goes to the agreement of the first client given.' },
  // Misleading answers (issue 13); SLA4040 and up.
  { code: 'SLA4040', severity: 'warning', message: '{count} {events} after the as-of instant {asOf} and left out of the report', explanation: 'The report is made at the as-of instant; events after it have not happened yet as far as the report is concerned. Check --as-of if it should be later.' },
  { code: 'SLA4041', severity: 'warning', message: "the {metric} target of ticket '{ticket}', {target}, never falls due: its calendar has no such open day ahead, so the metric stays pending (and so may other tickets')", explanation: '`N business days` fall due at the close of the N-th open day after the ticket is created; a calendar with no open day ahead (only dated open days, all past) never gets there. The metric is then pending, as an hours target the calendar never reaches is.' },
  { code: 'SLA4042', severity: 'error', message: 'appears more than once in the row; JSON would keep only the last value', explanation: 'Each key of an NDJSON row is given once, as each column of a CSV log is named once; a row that gives two tickets or two times is not read.' },
  { code: 'SLA4043', severity: 'error', message: "'{value}' is a date without a time of day; give the time too, such as {example}", explanation: '--assume-timezone reads times written without an offset; a bare date would be read as midnight, which is a guess, not a time from the log.' },
  { code: 'SLA4044', severity: 'error', message: "'{value}' does not exist in {zone}: the clocks went forward at {change}; write it with the offset that was meant, {before} (before the change) or {after} (after)", explanation: 'A local time that the clocks skip when daylight saving time starts cannot be read in the assumed zone; the row must say which offset its clock was on.' },
  { code: 'SLA4045', severity: 'warning', message: "'{value}' happens twice in {zone} as the clocks go back; read as {chosen}, the first; write {other} if the second was meant", explanation: 'A local time repeated when daylight saving time ends has two readings; the first is taken. Times with an offset are never ambiguous.' },
] as const satisfies readonly CatalogueEntry[];
