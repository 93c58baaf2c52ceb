import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/built-cli.js';
import { fixtures, outputFolder, slac, ticketFileFirst } from './helpers.js';

/**
 * A ticket skipped for having no id (or one that is a JSON number beyond
 * 2^53, read rounded) cannot be remembered by it, so its other records
 * (articles, history, followups, conversations) said the ticket was in none
 * of the files, and nothing said that a ticket without an id had been
 * skipped, which they may belong to. Now one note says so, counting those
 * records and naming where the ticket was skipped. Through the built
 * executable, a spawn per source.
 */

const out = outputFolder('unnamed-skipped-tickets');

const CASES: { source: string; folder: string; file: string; from: string; to?: string; skipped?: string; records: string; listedAs?: string; place: string }[] = [
  { source: 'zammad', folder: 'zammad', file: 'tickets.json', from: '"id": 1,', records: 'records', place: 'tickets.json at [0]' },
  { source: 'glpi', folder: 'glpi/api', file: 'tickets-page-1.json', from: '"id": 1,', records: 'rows', place: 'tickets-page-1.json at [0]' },
  { source: 'freshdesk', folder: 'freshdesk', file: 'tickets-page-1.json', from: '"id": 1,', records: 'conversations', place: 'tickets-page-1.json at [0]' },
  {
    source: 'zendesk',
    folder: 'zendesk',
    file: 'ticket_events.jsonl',
    from: '"ticket_id": 2, "timestamp": 1709546400,',
    to: '"timestamp": 1709546400,',
    skipped: 'the ticket event has no ticket_id',
    records: 'updates',
    listedAs: 'of tickets with no creation open in the export',
    place: 'ticket_events.jsonl at line 2, ticket_events[0]',
  },
  { source: 'zendesk-tables', folder: 'zendesk-tables', file: 'ticket.csv', from: '\n1,2024-03-06 02:00:00.000,', to: '\n,2024-03-06 02:00:00.000,', skipped: 'the row has no ticket id', records: 'rows', listedAs: 'of tickets not in the ticket table', place: 'ticket.csv:2' },
];

/** A pattern matching `text` as written. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('slac import: records that may be of a ticket skipped without an id say so once', () => {
  it.each(CASES)('$source', ({ source, folder, file, from, to, skipped, records, listedAs, place }) => {
    const copy = join(out, source);
    cpSync(join(repoRoot, fixtures, folder), copy, { recursive: true });
    const text = readFileSync(join(copy, file), 'utf8');
    expect(text).toContain(from);
    writeFileSync(join(copy, file), text.replace(from, to ?? '"no_id_here": 1,'));
    const run = slac('import', source, ...ticketFileFirst(copy, file));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(skipped ?? 'the ticket has no id');
    const listed = listedAs ?? 'of tickets not among those read';
    expect(run.stderr).toMatch(
      new RegExp(`note \\(\\d+\\): ${records} listed as ${listed} may be of the ticket skipped at ${literal(`${copy}/${place}`)} for want of an exact id \\(none, or one beyond 2\\^53\\): whose they are cannot be told\n`),
    );
  });
});
