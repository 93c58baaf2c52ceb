import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LogErrorList } from '../../../runtime/log/error-list.js';
import { ndjsonRowParser, type LogRowHandler } from '../../../runtime/log/log-rows.js';
import { readLogFile } from '../../../runtime/log/read-file.js';
import { TICKET_LOG_SHAPE, TicketLogCollector } from '../../../runtime/log/ticket-log.js';
import { TWO_SEVERITIES } from './two-severities.js';

const VOCABULARY = TWO_SEVERITIES;

const folder = mkdtempSync(join(tmpdir(), 'slac-read-bytes-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function readFile(bytes: Buffer): Promise<TicketLogCollector> {
  const path = join(folder, 'log.ndjson');
  writeFileSync(path, bytes);
  const collector = new TicketLogCollector('log.ndjson', VOCABULARY, new LogErrorList());
  await readLogFile(path, 'log.ndjson', 'ndjson', TICKET_LOG_SHAPE, collector);
  return collector;
}

/** The same text read by the general path only. */
function readText(text: string): TicketLogCollector {
  const collector = new TicketLogCollector('log.ndjson', VOCABULARY, new LogErrorList());
  const textOnly: LogRowHandler = { row: (values, line) => collector.row(values, line), problem: (error, fatal) => collector.problem(error, fatal) };
  const parser = ndjsonRowParser('log.ndjson', TICKET_LOG_SHAPE, textOnly);
  parser.push(text.replace(/^\ufeff/, ''));
  parser.end();
  return collector;
}

function kept(collector: TicketLogCollector) {
  const store = collector.store;
  return {
    events: Array.from({ length: store.ticketCount }, (_, ticket) => store.eventsOf(ticket).map((event) => store.toTicketEvent(event, store.ticketId(ticket)))),
    errors: collector.errors.sorted(),
    warnings: collector.warnings,
    fatal: collector.fatal,
  };
}

const row = (ticket: number, status: string): string =>
  `{"ticket":"T-${ticket}","time":"2026-01-05T13:00:00Z","event":"${ticket % 2 === 0 ? 'created' : 'status'}","status":"${status}"}`;

describe('reading an NDJSON log file as bytes', () => {
  it('stores what the general path stores from a log of many chunks, with a BOM, CRLF and characters cut between chunks', async () => {
    // Lines of varied lengths with two-, three- and four-byte characters: some fall across the 64 KiB chunk ends.
    const lines = Array.from({ length: 6000 }, (_, index) => (index % 97 === 5 ? '{"ticket":"bad"' : row(index, `état ${'é€😀'.repeat(index % 5)}`)));
    const text = `\ufeff${lines.join('\r\n')}\r\n`;
    expect(kept(await readFile(Buffer.from(text, 'utf8')))).toEqual(kept(readText(text)));
  });

  it.each([
    ['an invalid byte on line 3', Buffer.concat([Buffer.from(`${row(0, 'a')}\n${row(0, 'b')}\n{"ticket":"`), Buffer.from([0xff]), Buffer.from('"}\n')]), 3],
    ['a character cut short at the end of the file', Buffer.concat([Buffer.from(`${row(0, 'a')}\n${row(1, 'b')}\n"`), Buffer.from([0xe2, 0x82])]), 3],
    ['a Latin-1 byte past the first chunk', Buffer.concat([Buffer.from(`${row(0, 'a')}\n`.repeat(2000)), Buffer.from([0xe9]), Buffer.from('\n')]), 2001],
  ])('refuses a log that is not UTF-8, naming the line: %s', async (_name, bytes, line) => {
    const collector = await readFile(bytes);
    expect(collector.fatal.map((error) => [error.code, error.message])).toEqual([['SLA4022', expect.stringContaining(`line ${line} is not UTF-8`)]]);
  });

  it('reads the 64 KiB pieces before the one that is not UTF-8, as the decoder did: their warnings stay', async () => {
    const first = `{"ticket":"T-0","time":"2026-01-05T13:00:00Z","event":"created","priority":"x"}\n`;
    const filler = `${row(0, 'a')}\n`.repeat(Math.ceil(100_000 / row(0, 'a').length));
    const last = `{"ticket":"T-0","time":"2026-01-05T13:00:00Z","event":"created","urgency":"x"}\n`;
    const collector = await readFile(Buffer.concat([Buffer.from(first + filler + last), Buffer.from([0xe0, 0x80, 0x80, 0x0a])]));
    expect(collector.fatal).toHaveLength(1);
    // The filler's created rows give a status, which a created row does not read (SLA4054).
    expect(collector.warnings.map((warning) => [warning.code, warning.key])).toEqual([
      ['SLA4011', 'priority'],
      ['SLA4054', 'status'],
    ]);
  });

  it('refuses a character cut at the end of a piece that cannot be completed (E0 80)', async () => {
    const head = `${'x'.repeat(65_534 - 2)}\n`;
    const collector = await readFile(Buffer.concat([Buffer.from(`${head}\n`), Buffer.from([0xe0, 0x80, 0x80, 0x0a])]));
    expect(collector.fatal.map((error) => error.message)).toEqual([expect.stringContaining('line 3 is not UTF-8')]);
  });
});
