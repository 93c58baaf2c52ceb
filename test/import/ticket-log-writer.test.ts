import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AtomicFile } from '../../cli/files.js';
import { TicketLogWriter, type ImportedRow } from '../../import/ticket-log-writer.js';
import { formatLogTime } from '../../import/warehouse-time.js';

/**
 * The NDJSON log is encoded straight into bytes (import/ndjson-row-bytes.ts):
 * every line must be the general path's, `JSON.stringify` of the row's
 * written keys in the log's order, encoded as UTF-8.
 */
function generalLine(row: ImportedRow): string {
  const { ticket, time, event, severity, channel, status, author, client } = row;
  return `${JSON.stringify({ ticket, time: formatLogTime(time), event, severity, channel, status, author, client })}\n`;
}

const folder = mkdtempSync(join(tmpdir(), 'slac-log-writer-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The bytes the writer puts in a file for `rows`. */
function writtenFile(rows: readonly ImportedRow[]): Buffer {
  const file = join(folder, 'log.ndjson');
  const writer = new TicketLogWriter('ndjson', { file: new AtomicFile(file, 'log.ndjson') });
  for (const row of rows) writer.write(row);
  writer.close(true);
  return readFileSync(file);
}

const expectedBytes = (rows: readonly ImportedRow[]): Buffer => Buffer.from(rows.map(generalLine).join(''), 'utf8');

/** A small seeded generator (xorshift), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** Texts that need each case of the encoder: plain ids, escapes, controls, non-ASCII, emoji, lone surrogates, empty. */
const TEXTS = ['1', '123456', 'T-77', '', 'Acme "Ltd"', 'back\\slash', 'tab\there', 'line\nbreak', '\u0000\u001f', 'Société Générale', '東京', 'emoji 😀', 'lone \ud800 high', 'lone \udc00 low', '~', '\u007f'];
const EVENTS = ['created', 'status', 'reply', 'resolved', 'closed', 'reopened', 'severity'] as const;

/** Times: whole seconds of several days, milliseconds, before 1970, the epoch, and years past 9999. */
const TIMES = [
  Date.UTC(2026, 0, 5, 13, 0, 0),
  Date.UTC(2026, 0, 5, 23, 59, 59),
  Date.UTC(2026, 0, 6, 0, 0, 0),
  Date.UTC(2024, 1, 29, 9, 5, 7),
  Date.UTC(2026, 0, 5, 13, 0, 0, 250),
  0,
  Date.UTC(1969, 11, 31, 23, 59, 59),
  Date.UTC(9999, 11, 31, 23, 59, 59),
  Date.UTC(10000, 0, 1, 0, 0, 0),
  1767618000000,
];

function randomRows(seed: number, count: number): ImportedRow[] {
  const next = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const maybe = (): string | undefined => (next() < 0.5 ? undefined : pick(TEXTS));
  const rows: ImportedRow[] = [];
  let ticket = pick(TEXTS);
  let client = maybe();
  for (let i = 0; i < count; i++) {
    // Rows of a ticket come together, as the importers write them.
    if (next() < 0.3) {
      ticket = pick(TEXTS);
      client = maybe();
    }
    const row: ImportedRow = { ticket, time: next() < 0.8 ? pick(TIMES) : Math.floor(next() * 4e12) - 1e12, event: pick(EVENTS) };
    const severity = maybe();
    const channel = maybe();
    const status = maybe();
    const author = maybe();
    if (severity !== undefined) row.severity = severity;
    if (channel !== undefined) row.channel = channel;
    if (status !== undefined) row.status = status;
    if (author !== undefined) row.author = author as ImportedRow['author'];
    if (client !== undefined) row.client = client;
    rows.push(row);
  }
  return rows;
}

describe('TicketLogWriter, NDJSON', () => {
  it.each([1, 2, 3, 4, 5])('writes the lines JSON.stringify writes, for random rows (seed %i)', (seed) => {
    const rows = randomRows(seed, 2000);
    expect(writtenFile(rows).equals(expectedBytes(rows))).toBe(true);
  });

  it('writes a known line byte for byte', () => {
    const row: ImportedRow = { ticket: '42', time: Date.UTC(2026, 0, 5, 13, 2, 9), event: 'created', severity: 'high', channel: 'web', client: 'Acme "EU"' };
    expect(writtenFile([row]).toString('utf8')).toBe('{"ticket":"42","time":"2026-01-05T13:02:09Z","event":"created","severity":"high","channel":"web","client":"Acme \\"EU\\""}\n');
  });

  it('flushes across many chunks and grows for a line longer than its buffer', () => {
    const long = `ticket-${'é'.repeat(300_000)}`;
    const rows = [...randomRows(9, 20_000), { ticket: long, time: TIMES[0]!, event: 'created' as const, client: long }, ...randomRows(10, 100)];
    expect(writtenFile(rows).equals(expectedBytes(rows))).toBe(true);
  });

  it('gives the same text to a callback (standard output) as to a file, and counts rows per event in first-seen order', () => {
    const rows = randomRows(11, 5000);
    let text = '';
    const writer = new TicketLogWriter('ndjson', { write: (chunk) => (text += chunk) });
    for (const row of rows) writer.write(row);
    writer.close(true);
    expect(text).toBe(expectedBytes(rows).toString('utf8'));
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.event, (counts.get(row.event) ?? 0) + 1);
    expect([...writer.eventCounts]).toEqual([...counts]);
    expect(writer.rows).toBe(rows.length);
  });
});
