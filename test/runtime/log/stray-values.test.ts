import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LogErrorList } from '../../../runtime/log/error-list.js';
import { csvRowParser, ndjsonRowParser, type LogFormat, type LogRowHandler } from '../../../runtime/log/log-rows.js';
import { readLogFile } from '../../../runtime/log/read-file.js';
import { TICKET_LOG_SHAPE, TicketLogCollector } from '../../../runtime/log/ticket-log.js';
import { TWO_SEVERITIES } from './two-severities.js';

/**
 * A value given on a row whose event does not read it (SLA4054), on every
 * reader path: the bytes of a file (NDJSON's flat-row fast path, CSV's
 * unquoted records), the text path (FlatRowReader, JSON.parse with blanks
 * between tokens, quoted CSV fields). Each gives one warning per key and
 * event at its first line, counting the rows, and stores the same events.
 */

const VOCABULARY = TWO_SEVERITIES;

const folder = mkdtempSync(join(tmpdir(), 'slac-stray-values-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function readFile(format: LogFormat, text: string): Promise<TicketLogCollector> {
  const path = join(folder, `log.${format}`);
  writeFileSync(path, text);
  const collector = new TicketLogCollector(`log.${format}`, VOCABULARY, new LogErrorList());
  await readLogFile(path, `log.${format}`, format, TICKET_LOG_SHAPE, collector);
  return collector;
}

function readText(format: LogFormat, text: string): TicketLogCollector {
  const collector = new TicketLogCollector(`log.${format}`, VOCABULARY, new LogErrorList());
  const textOnly: LogRowHandler = { row: (values, line) => collector.row(values, line), problem: (error, fatal) => collector.problem(error, fatal) };
  const parser = (format === 'csv' ? csvRowParser : ndjsonRowParser)(`log.${format}`, TICKET_LOG_SHAPE, textOnly);
  parser.push(text);
  parser.end();
  return collector;
}

const kept = (collector: TicketLogCollector) => ({
  events: Array.from({ length: collector.store.ticketCount }, (_, ticket) => collector.store.eventsOf(ticket).map((event) => collector.store.toTicketEvent(event, collector.store.ticketId(ticket)))),
  warnings: collector.warnings.map((warning) => [warning.line, warning.key, warning.tally?.event, warning.tally?.rows]),
  errors: collector.errors.total,
});

const T = '"time":"2026-01-05T13:00:00Z"';
const ndjson = [
  `{"ticket":"A",${T},"event":"created","status":"Waiting"}`,
  `{"ticket":"A",${T},"event":"reply","author":"agent","level":3}`,
  `{"ticket": "B", ${T.replace(':', ': ')}, "event": "created", "status": "Waiting", "author": "agent"}`,
  `{"ticket":"B",${T},"event":"resolved","author":"agent","level":"2"}`,
  `{"ticket":"C",${T},"event":"created","status":"","author":null,"level":"  "}`,
  `{"ticket":"C",${T},"event":"reply","author":"agent","severity":"Critical"}`,
  `{"ticket":"C",${T},"event":"status","status":"Waiting","severity":"Standard"}`,
  `{"ticket":"D",${T},"event":"created","status":"W\\u00e4iting"}`,
  // A no-break space alone is blank, as trim() says: no value.
  `{"ticket":"E",${T},"event":"created","status":"\u00a0"}`,
].join('\n') + '\n';
const NDJSON_WARNINGS = [
  [1, 'status', 'created', 3],
  [2, 'level', 'reply', 1],
  [3, 'author', 'created', 1],
  [4, 'author', 'resolved', 1],
  [4, 'level', 'resolved', 1],
  [6, 'severity', 'reply', 1],
  [7, 'severity', 'status', 1],
];

const csv = [
  'ticket,time,event,severity,status,author,level',
  'A,2026-01-05T13:00:00Z,created,,Waiting,,',
  'A,2026-01-05T13:00:00Z,reply,,,agent,3',
  'B,2026-01-05T13:00:00Z,created,,"Waiting",agent,',
  'B,2026-01-05T13:00:00Z,resolved,,,agent,2',
  'C,2026-01-05T13:00:00Z,created,, ,,',
  'C,2026-01-05T13:00:00Z,reply,Critical,,agent,',
  'C,2026-01-05T13:00:00Z,status,Standard,Waiting,,',
  'E,2026-01-05T13:00:00Z,created,,\u00a0,,',
].join('\n') + '\n';
const CSV_WARNINGS = [
  [2, 'status', 'created', 2],
  [3, 'level', 'reply', 1],
  [4, 'author', 'created', 1],
  [5, 'author', 'resolved', 1],
  [5, 'level', 'resolved', 1],
  [7, 'severity', 'reply', 1],
  [8, 'severity', 'status', 1],
];

describe('values a row\'s event does not read (SLA4054) on every reader path', () => {
  it.each([
    ['ndjson' as const, ndjson, NDJSON_WARNINGS],
    ['csv' as const, csv, CSV_WARNINGS],
  ])('%s: one warning per key and event, at the first line, counting rows', async (format, text, expected) => {
    const fromBytes = kept(await readFile(format, text));
    const fromText = kept(readText(format, text));
    expect(fromBytes.warnings).toEqual(expected);
    expect(fromBytes.errors).toBe(0);
    expect(fromText).toEqual(fromBytes);
  });

  it('the message says the key, the event, the count and what to write', async () => {
    const collector = await readFile('ndjson', ndjson);
    expect(collector.warnings[0]!.message).toBe(
      "not read on a 'created' row (only on 'status'), so its value is ignored in 3 rows, this the first; write a 'status' row at the same time to set the status at creation",
    );
  });
});
