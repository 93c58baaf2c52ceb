import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/seeded-random.mjs';
import { LogErrorList } from '../../../runtime/log/error-list.js';
import { parseCommonInstant, parseCommonInstantBytes } from '../../../runtime/log/instant.js';
import { csvByteRowParser, csvRowParser, ndjsonByteRowParser, ndjsonRowParser, type LogRowHandler } from '../../../runtime/log/log-rows.js';
import type { LogVocabulary } from '../../../runtime/log/log-vocabulary.js';
import { TicketRowBytes } from '../../../runtime/log/ticket-row-bytes.js';
import { TICKET_LOG_SHAPE, TicketLogCollector } from '../../../runtime/log/ticket-log.js';
import { emptyValidRow, validateTicketRow, type TicketRowValues } from '../../../runtime/log/ticket-row.js';
import { TicketIdTable, hashOfAscii } from '../../../runtime/log/ticket-ids.js';

const VOCABULARY: LogVocabulary = {
  severities: new Set(['Critical', 'Standard', 'Sévère']),
  severityMatches: new Map([
    ['p1', 'Critical'],
    ['p3', 'Standard'],
  ]),
  defaultSeverity: 'Standard',
  channels: ['Email', 'Phone', 'Chat'],
  channelIndex: new Map([
    ['Email', 0],
    ['Phone', 1],
    ['Chat', 2],
  ]),
  channelMatches: new Map([['mail', 0]]),
};

/** Everything a collector kept: events per ticket, errors, warnings and counts. */
function kept(collector: TicketLogCollector) {
  const store = collector.store;
  const tickets = Array.from({ length: store.ticketCount }, (_, ticket) => ({
    id: store.ticketId(ticket),
    events: store.eventsOf(ticket).map((event) => store.toTicketEvent(event, store.ticketId(ticket))),
  }));
  return { tickets, errors: collector.errors.sorted(), total: collector.errors.total, warnings: collector.warnings, fatal: collector.fatal, invalid: collector.invalidRows };
}

/** The log read by the general path (decoded text, FlatRowReader or JSON.parse, validateTicketRow) and by the byte path. */
function readBothWays(text: string): { general: ReturnType<typeof kept>; bytes: ReturnType<typeof kept>; fast: number; lines: number } {
  const general = new TicketLogCollector('log.ndjson', VOCABULARY, new LogErrorList());
  const textOnly: LogRowHandler = { row: (values, line) => general.row(values, line), problem: (error, fatal) => general.problem(error, fatal) };
  const textParser = ndjsonRowParser('log.ndjson', TICKET_LOG_SHAPE, textOnly);
  textParser.push(text);
  textParser.end();

  const byBytes = new TicketLogCollector('log.ndjson', VOCABULARY, new LogErrorList());
  let fast = 0;
  let lines = 0;
  const counting: LogRowHandler = {
    row: (values, line) => byBytes.row(values, line),
    problem: (error, fatal) => byBytes.problem(error, fatal),
    rowBytes: (bytes, start, end, line) => {
      lines++;
      const taken = byBytes.rowBytes(bytes, start, end, line);
      if (taken) fast++;
      return taken;
    },
  };
  const byteParser = ndjsonByteRowParser('log.ndjson', TICKET_LOG_SHAPE, counting);
  const bytes = Buffer.from(text, 'utf8');
  // Chunks of uneven sizes, so that lines are cut between them.
  for (let at = 0, size = 7; at < bytes.length; at += size, size = (size * 7) % 61 + 6) byteParser.push(bytes.subarray(at, at + size));
  byteParser.end();
  return { general: kept(general), bytes: kept(byBytes), fast, lines };
}

/** The same for a CSV log: the text path (CsvRecordSplitter, fromFields) and the byte path. */
function readCsvBothWays(text: string): { general: ReturnType<typeof kept>; bytes: ReturnType<typeof kept>; fast: number } {
  const general = new TicketLogCollector('log.csv', VOCABULARY, new LogErrorList());
  const textOnly: LogRowHandler = { row: (values, line) => general.row(values, line), problem: (error, fatal) => general.problem(error, fatal) };
  const textParser = csvRowParser('log.csv', TICKET_LOG_SHAPE, textOnly);
  textParser.push(text);
  textParser.end();

  const byBytes = new TicketLogCollector('log.csv', VOCABULARY, new LogErrorList());
  let fast = 0;
  const counting: LogRowHandler = {
    row: (values, line) => byBytes.row(values, line),
    problem: (error, fatal) => byBytes.problem(error, fatal),
    rowFieldBytes: (bytes, start, end, columns, line) => {
      const taken = byBytes.rowFieldBytes(bytes, start, end, columns, line);
      if (taken) fast++;
      return taken;
    },
  };
  const byteParser = csvByteRowParser('log.csv', TICKET_LOG_SHAPE, counting);
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0, size = 5; at < bytes.length; at += size, size = (size * 5) % 47 + 6) byteParser.push(bytes.subarray(at, at + size));
  byteParser.end();
  return { general: kept(general), bytes: kept(byBytes), fast };
}

const CREATED = '{"ticket":"T-1","time":"2026-01-05T13:00:00Z","event":"created","severity":"Critical","channel":"Email"}';

describe('the NDJSON ticket row read from bytes', () => {
  it.each([
    ['the generated log rows', [CREATED, '{"ticket":"T-1","time":"2026-01-05T13:00:30Z","event":"reply","author":"system"}', '{"ticket":"T-1","time":"2026-01-05T14:00:00+01:00","event":"status","status":"Waiting on customer"}'], 3],
    ['number ids and levels, text levels', ['{"ticket":7,"time":"2026-01-05T13:00:00Z","event":"created"}', '{"ticket":7,"time":"2026-01-05T13:00:00Z","event":"escalated","level":2}', '{"ticket":7,"time":"2026-01-05T13:00:00Z","event":"escalated","level":"007"}'], 3],
    ['matches values, nulls, empty and unknown-to-this-event values', ['{"ticket":"A","time":"2026-01-05T13:00:00.5Z","event":"created","severity":"p1","channel":"mail","author":5,"level":null}', '{"ticket":"A","time":"2026-01-05T13:01:00Z","event":"severity","severity":"Sévère","channel":null,"status":""}', '{"ticket":"A","time":"2026-01-05T13:02:00Z","event":"resolved","client":{"x":1}}'], 2],
    ['ids as text and as a number are the same ticket', ['{"ticket":"12","time":"2026-01-05T13:00:00Z","event":"created"}', '{"ticket":12,"time":"2026-01-05T13:00:00Z","event":"closed"}'], 2],
    ['ids above 2^53, signs, fractions and exponents', ['{"ticket":9007199254740993,"time":"2026-01-05T13:00:00Z","event":"created"}', '{"ticket":1234567890123456,"time":"2026-01-05T13:00:00Z","event":"created"}', '{"ticket":-0,"time":"2026-01-05T13:00:00Z","event":"created"}', '{"ticket":1.5,"time":"2026-01-05T13:00:00Z","event":"created"}', '{"ticket":1e3,"time":"2026-01-05T13:00:00Z","event":"created"}', '{"ticket":012,"time":"2026-01-05T13:00:00Z","event":"created"}'], 0],
    ['escapes, blanks and non-ASCII ids', ['{"ticket":"T\\u002d1","time":"2026-01-05T13:00:00Z","event":"created"}', '{"ticket": "T-2","time":"2026-01-05T13:00:00Z","event":"created"}', '{"ticket":" T-3","time":"2026-01-05T13:00:00Z","event":"created"}', '{"ticket":"Ré","time":"2026-01-05T13:00:00Z","event":"created"}', ' {"ticket":"T-4","time":"2026-01-05T13:00:00Z","event":"created"}'], 0],
    ['duplicate, unknown and missing keys', ['{"ticket":"A","ticket":"B","time":"2026-01-05T13:00:00Z","event":"created"}', '{"ticket":"A","time":"2026-01-05T13:00:00Z","event":"created","priority":"high"}', '{"ticket":"A","event":"created"}', '{"ticket":"A","time":"2026-01-05T13:00:00Z"}', '{}', '[]', 'null', '{"ticket":"A","time":"2026-01-05T13:00:00Z","event":"created"}x'], 0],
    ['bad values', ['{"ticket":"A","time":"2026-02-30T13:00:00Z","event":"created"}', '{"ticket":"A","time":"2026-01-05 13:00:00Z","event":"created"}', '{"ticket":"A","time":"2026-01-05T13:00:00Z","event":"Created"}', '{"ticket":"A","time":"2026-01-05T13:00:00Z","event":"created","severity":"critical"}', '{"ticket":"A","time":"2026-01-05T13:00:00Z","event":"created","channel":"Fax"}', '{"ticket":"A","time":"2026-01-05T13:00:00Z","event":"reply","author":"bot"}', '{"ticket":"A","time":"2026-01-05T13:00:00Z","event":"escalated","level":0}', '{"ticket":"A","time":"2026-01-05T13:00:00Z","event":"escalated","level":1234567}', '{"ticket":"A","time":"2026-01-05T13:00:00Z","event":"status","status":" open "}', '{"ticket":"A","time":"2026-01-05T13:00:00Z","event":"severity"}', '{"ticket":"A","time":"2026-01-05T13:00:00Z","event":"created","severity":" P1 "}'], 0],
    ['BOM, CRLF and blank lines', [`\ufeff${CREATED}\r`, '', '   ', `${CREATED.replace('T-1', 'T-2')}\r`], 2],
  ])('stores what the general path stores: %s', (_name, lines, fastLines) => {
    const { general, bytes, fast } = readBothWays((lines as string[]).join('\n'));
    expect(bytes).toEqual(general);
    expect(fast).toBe(fastLines);
  });

  it('stores what the general path stores on random logs, taking the common rows itself', () => {
    const random = mulberry32(13);
    let fast = 0;
    let lines = 0;
    for (let run = 0; run < 200; run++) {
      const text = Array.from({ length: 40 }, () => randomLine(random)).join(random() < 0.5 ? '\n' : '\r\n');
      const result = readBothWays(text);
      expect(result.bytes).toEqual(result.general);
      fast += result.fast;
      lines += result.lines;
    }
    // Most lines are one change away from the common shape, yet enough stay on it to exercise the fast path.
    expect(fast).toBeGreaterThan(250);
    expect(fast).toBeLessThan(lines);
  });

  it('reads a row exactly as validateTicketRow does when it takes it', () => {
    const random = mulberry32(1130);
    const reader = new TicketRowBytes(VOCABULARY);
    let taken = 0;
    for (let run = 0; run < 20_000; run++) {
      const line = randomLine(random);
      const bytes = Buffer.from(line, 'utf8');
      if (!reader.read(bytes, 0, bytes.length)) continue;
      taken++;
      const values = { ...(JSON.parse(line) as TicketRowValues) };
      const row = emptyValidRow();
      expect(validateTicketRow(values, 'log', 1, VOCABULARY, row, [], [])).toBe(true);
      expect(bytes.toString('latin1', reader.ticketStart, reader.ticketEnd)).toBe(row.ticket);
      expect(reader.ticketHash).toBe(hashOfAscii(Buffer.from(row.ticket, 'latin1'), 0, row.ticket.length));
      expect({ ...reader.row, ticket: row.ticket }).toEqual(row);
    }
    expect(taken).toBeGreaterThan(600);
  });
});

const HEADER = 'ticket,time,event,severity,channel,status,author,level';

describe('the CSV ticket row read from bytes', () => {
  it.each([
    ['the generated log rows', [HEADER, 'T-1,2026-01-05T13:00:00Z,created,,Phone,,,', 'T-1,2026-01-05T13:00:30Z,reply,,,,system,', 'T-1,2026-01-05T13:01:00Z,status,,,Waiting on customer,,', 'T-1,2026-01-05T13:02:00Z,escalated,,,,,2'], 4],
    ['columns in another order, an unknown and an empty one', ['Event , TIME,ticket,,priority', 'created,2026-01-05T13:00:00Z,T-1,,high', 'closed,2026-01-05T14:00:00Z,T-1,x,'], 2],
    ['quoted fields, with commas and line breaks', [HEADER, '"T-1",2026-01-05T13:00:00Z,created,,,,,', 'T-1,2026-01-05T13:01:00Z,status,,,"a, b",,', 'T-1,2026-01-05T13:02:00Z,status,,,"two', 'lines",,', 'T-1,2026-01-05T13:03:00Z,closed,,,,,'], 1],
    ['wrong field counts, blanks and bad values', [HEADER, 'T-1,2026-01-05T13:00:00Z,created,,,,', 'T-1,2026-01-05T13:00:00Z,created,,,,,,', '', ' T-1,2026-01-05T13:00:00Z,created,,,,,', 'T-1,2026-01-05T13:00:00Z,created,p1,mail,,,', 'T-1,2026-01-05T13:00:00Z,reply,,,,bot,', 'T-1,2026-01-05T13:00:00Z,escalated,,,,, 2', 'T-1,2026-01-05 13:00:00Z,created,,,,,'], 1],
    ['a header with a repeated column', ['ticket,time,event,ticket', 'T-1,2026-01-05T13:00:00Z,created,T-2'], 0],
    ['a header without a required column', ['ticket,event', 'T-1,created'], 0],
    ['BOM and CRLF', [`\ufeff${HEADER}\r`, 'T-1,2026-01-05T13:00:00Z,created,,,,,\r'], 1],
  ])('stores what the general path stores: %s', (_name, lines, fastLines) => {
    const { general, bytes, fast } = readCsvBothWays((lines as string[]).join('\n'));
    expect(bytes).toEqual(general);
    expect(fast).toBe(fastLines);
  });

  it('stores what the general path stores on random CSV logs', () => {
    const random = mulberry32(4013);
    let fast = 0;
    for (let run = 0; run < 300; run++) {
      const columns = CSV_COLUMNS.filter(() => random() < 0.8);
      if (random() < 0.7) columns.unshift('ticket', 'time', 'event');
      if (random() < 0.05) columns.push('priority');
      const header = columns.join(random() < 0.03 ? ';' : ',');
      const rows = Array.from({ length: 30 }, () => randomCsvRow(random, columns));
      const result = readCsvBothWays([header, ...rows].join(random() < 0.5 ? '\n' : '\r\n'));
      expect(result.bytes).toEqual(result.general);
      fast += result.fast;
    }
    expect(fast).toBeGreaterThan(100);
  });
});

const CSV_COLUMNS = ['severity', 'channel', 'status', 'author', 'level', 'client'];
const CSV_VALUES: Record<string, readonly string[]> = {
  ticket: ['T-1', 'T-2', '42', 'Ré', ' T-1', '', '"T-1"', '"T,1"'],
  time: ['2026-01-05T13:00:00Z', '2026-01-05T14:00:00+01:00', '2026-01-05T13:00:00.5Z', '2026-02-30T00:00:00Z', '', '"2026-01-05T13:00:00Z"'],
  event: ['created', 'created', 'reply', 'status', 'severity', 'escalated', 'closed', 'Created', ''],
  severity: ['Critical', 'Standard', 'p1', 'P1', '', 'critical', 'Sévère'],
  channel: ['Email', 'Chat', 'mail', '', 'Fax'],
  status: ['Open', 'Waiting', ' Open', '', '"a ""quoted"" status"', '"two\nlines"', '"x'],
  author: ['agent', 'customer', 'bot', ''],
  level: ['1', '2', '007', '0', ' 3', '', '1234567'],
  client: ['Acme', '', '"A, B"'],
  priority: ['high', ''],
};

function randomCsvRow(random: () => number, columns: readonly string[]): string {
  const fields = columns.map((column) => pick(random, CSV_VALUES[column] ?? ['']));
  if (random() < 0.05) fields.push('extra');
  if (random() < 0.05) fields.pop();
  return random() < 0.03 ? '' : fields.join(',');
}

describe('TicketIdTable.idOfAscii', () => {
  it('numbers ids as idOf does, whichever way each id comes', () => {
    const random = mulberry32(7);
    const table = new TicketIdTable();
    const reference = new Map<string, number>();
    for (let i = 0; i < 30_000; i++) {
      const id = `T-${Math.floor(random() * 5000)}`;
      const bytes = Buffer.from(`"${id}"`, 'latin1');
      const number = random() < 0.5 ? table.idOf(id) : table.idOfAscii(bytes, 1, bytes.length - 1, hashOfAscii(bytes, 1, bytes.length - 1));
      if (!reference.has(id)) reference.set(id, reference.size);
      expect(number).toBe(reference.get(id));
      expect(table.textOf(number)).toBe(id);
    }
  });
});

describe('TicketIdTable.idOfAscii with colliding ids', () => {
  it('keeps ASCII ids whose slots collide (past the probe limit, in the overflow Map) under their numbers', () => {
    // ASCII ids sharing their hash's low 12 bits, the slot of a fresh table: found by trying ids in turn.
    const ids: string[] = [];
    for (let n = 0; ids.length < 200; n++) {
      const id = `T-${n}`;
      const bytes = Buffer.from(id, 'latin1');
      if ((hashOfAscii(bytes, 0, bytes.length) & 0xfff) === 0x123) ids.push(id);
    }
    const table = new TicketIdTable();
    const viaBytes = (id: string): number => {
      const bytes = Buffer.from(`x${id}`, 'latin1');
      return table.idOfAscii(bytes, 1, bytes.length, hashOfAscii(bytes, 1, bytes.length));
    };
    ids.forEach((id, index) => expect(index % 3 === 0 ? table.idOf(id) : viaBytes(id)).toBe(index));
    ids.forEach((id, index) => expect(viaBytes(id)).toBe(index));
    ids.forEach((id, index) => expect(table.idOf(id)).toBe(index));
    table.compact();
    ids.forEach((id, index) => expect(viaBytes(id)).toBe(index));
    ids.forEach((id, index) => expect(table.textOf(index)).toBe(id));
  });
});

describe('parseCommonInstantBytes', () => {
  const TEXTS = [
    '2026-01-05T13:00:00Z',
    '2026-01-05T13:00Z',
    '2026-01-05T13:00:00.1Z',
    '2026-01-05T13:00:00.12+01:30',
    '2026-01-05T13:00:00.1234Z',
    '2026-01-05T13:00:00.Z',
    '2024-02-29T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-01-05T24:00:00Z',
    '2026-01-05T13:60:00Z',
    '2026-01-05T13:00:60Z',
    '2026-01-05T13:00:00-23:59',
    '2026-01-05T13:00:00+24:00',
    '2026-01-05T13:00:00+0100',
    '2026-01-05T13:00:00z',
    '2026-01-05t13:00:00Z',
    '2026-01-05T13:00:00',
    '2026-01-05T13:00:0Z',
    '2026-01-05T13:00:00ZZ',
    '0099-01-01T00:00:00Z',
    '2026-01-05T13:00',
    '2026-01-05T13:00:',
    ' 2026-01-05T13:00:00Z',
  ];

  it.each(TEXTS)('reads %s as parseCommonInstant does', (text) => {
    // The bytes sit inside a longer line, as in a log: nothing past the end may be read.
    const line = Buffer.from(`{"time":"${text}"}`, 'latin1');
    expect(parseCommonInstantBytes(line, 9, 9 + text.length)).toBe(parseCommonInstant(text));
  });

  it('agrees with parseCommonInstant on random changes of common times', () => {
    const random = mulberry32(2026);
    const alphabet = '0123456789-:TZ+.z ';
    let read = 0;
    for (let run = 0; run < 50_000; run++) {
      let text = TEXTS[Math.floor(random() * 4)]!;
      const changes = Math.floor(random() * 3);
      for (let change = 0; change < changes; change++) {
        const at = Math.floor(random() * (text.length + 1));
        const character = alphabet[Math.floor(random() * alphabet.length)]!;
        const what = random();
        text = what < 0.4 ? text.slice(0, at) + character + text.slice(at + 1) : what < 0.7 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + character + text.slice(at);
      }
      const line = Buffer.from(`"${text}"9`, 'latin1');
      const expected = parseCommonInstant(text);
      expect(parseCommonInstantBytes(line, 1, 1 + text.length)).toBe(expected);
      if (expected !== undefined) read++;
    }
    expect(read).toBeGreaterThan(5000);
  });
});

const IDS = ['"T-1"', '"T-2"', '"T-3"', '42', '"42"', '7', '"Ré"', '" T-1"', '""', 'null', '9007199254740993', '-1', '1.0', '"T\\"1"'];
// Also shapes around the time read while the line is scanned: 20 bytes then no quote, escapes, a short and a long time.
const TIMES = ['"2026-01-05T13:00:00Z"', '"2026-01-05T12:00:00Z"', '"2026-01-05T13:00:00Z"', '"2026-01-05T12:00:00Z"', '"2026-01-05T13:00:00Z"', '"2026-01-05T13:00Z"', '"2026-01-05T13:00:00ZZ"', '"2026-01-05T13:00:00\\u005a"', '"2026-01-05T13:00:00.5+01:00"', '"2026-01-05T13:00:00Z\\""', '"2026-01-05T14:00:00+01:00"', '"2026-01-05T13:00:00.250Z"', '"2026-01-05 13:00"', '"2026-02-30T00:00:00Z"', '""', '5', 'null'];
const EVENTS = ['"created"', '"created"', '"reply"', '"created"', '"reply"', '"closed"', '"createdx"', '"cre\\u0061ted"', '"reply "', '"crexted"', '"status"', '"severity"', '"escalated"', '"resolved"', '"closed"', '"Created"', '""', '3'];
const SEVERITIES = ['"Critical"', '"Standard"', '"p1"', '"P1"', '" p3"', '"Sévère"', '"critical"', '""', 'null', '1'];
const CHANNELS = ['"Email"', '"Chat"', '"mail"', '"MAIL"', '"Fax"', '""', 'null', '2'];
const STATUSES = ['"Open"', '"Waiting on customer"', '" Open"', '""', 'null', '4', '"Ouvert é"'];
const AUTHORS = ['"agent"', '"customer"', '"system"', '"bot"', '""', 'null', '1'];
const LEVELS = ['1', '2', '"3"', '" 3"', '0', '"007"', '1234567', '"x"', 'null', '1.5', '-1'];
const OTHER = ['"client"', '"priority"', '"ticke"', '"tixket"', '"tim"'];
const CLIENTS = ['"Acme"', 'null', '1', '{"a":1}', 'true'];

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

/** A row of the ticket log, often on the common shape, often one change away from it. */
function randomLine(random: () => number): string {
  const entries: [string, string][] = [
    ['ticket', pick(random, IDS)],
    ['time', pick(random, TIMES)],
    ['event', pick(random, EVENTS)],
  ];
  if (random() < 0.6) entries.push(['severity', pick(random, SEVERITIES)]);
  if (random() < 0.6) entries.push(['channel', pick(random, CHANNELS)]);
  if (random() < 0.4) entries.push(['status', pick(random, STATUSES)]);
  if (random() < 0.4) entries.push(['author', pick(random, AUTHORS)]);
  if (random() < 0.4) entries.push(['level', pick(random, LEVELS)]);
  if (random() < 0.1) entries.push([JSON.parse(pick(random, OTHER)) as string, pick(random, CLIENTS)]);
  if (random() < 0.05) entries.push(pick(random, entries));
  if (random() < 0.1) entries.splice(Math.floor(random() * entries.length), 1);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  const blank = random() < 0.05 ? ' ' : '';
  let line = `{${entries.map(([key, value]) => `"${key}":${blank}${value}`).join(',')}}`;
  if (random() < 0.03) line = `${line} `;
  if (random() < 0.02) line = line.slice(0, Math.floor(random() * line.length));
  return line;
}
