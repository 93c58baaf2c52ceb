import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, ndjsonRows, outputFolder, slac } from './helpers.js';

/**
 * An export's time in a year where the clock counts no open time (before
 * 1800 or from 2400 on, UTC: `0050-03-04`, a two-digit year gone wrong) was
 * imported without a word, though `slac check` warns of such rows
 * (SLA4061). The rows are still written (a log holds the years 0000 to
 * 9999), and the summary now warns: it counts them (as many as the log
 * holds) and names the first, its ticket, event and time, with the file and
 * line of its record when the adapter keeps them (zendesk-tables). Each
 * case edits one time of a source's fixture; one spawn each.
 */

const out = outputFolder('clock-years');

const cases: { source: string; file: string; from: string; to: string; place?: RegExp }[] = [
  { source: 'zendesk', file: 'ticket_events.jsonl', from: '"timestamp": 1709539200, "created_at": "2024-03-04T08:00:00Z"', to: '"created_at": "0050-03-04T08:00:00Z"' },
  { source: 'zendesk-tables', file: 'ticket.csv', from: '77,2024-03-04 10:00:00', to: '77,0050-03-04 10:00:00', place: /ticket\.csv:\d+: / },
  { source: 'jira', file: 'search-page-1.json', from: '"created": "2026-03-02T09:15:00.000+0100"', to: '"created": "0050-03-02T09:15:00.000+0100"' },
  { source: 'zammad', file: 'tickets.json', from: '"created_at": "2024-03-04T10:00:00.000Z"', to: '"created_at": "0050-03-04T10:00:00.000Z"' },
  { source: 'glpi', file: 'glpi_tickets.csv', from: '1,1,Site down,2024-03-04 10:00:00', to: '1,1,Site down,0050-03-04 10:00:00' },
  { source: 'freshdesk', file: 'tickets-page-1.json', from: '"created_at": "2026-03-03T09:00:00Z"', to: '"created_at": "9050-03-03T09:00:00Z"' },
];

describe('slac import: rows dated where the clock counts no open time are written with a warning', () => {
  it.each(cases)('$source', ({ source, file, from, to, place }) => {
    const folder = join(out, source);
    cpSync(join(fixtures, source), folder, { recursive: true });
    const text = readFileSync(join(folder, file), 'utf8');
    expect(text).toContain(from);
    writeFileSync(join(folder, file), text.replace(from, to));
    const log = join(folder, 'out.ndjson');
    const run = slac('import', source, folder, '-o', log);
    expect(run.code, run.stderr).toBe(0);
    const outside = ndjsonRows(readFileSync(log, 'utf8')).filter((row) => /^(0[0-9]|1[0-7]|2[4-9]|[3-9])/.test(row.time!));
    expect(outside.length).toBeGreaterThan(0);
    const first = outside[0]!;
    const many = outside.length !== 1;
    const warned = run.stderr.split('\n').filter((line) => line.includes('dated outside the years 1800 to 2399'));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain(
      `${outside.length} ${many ? 'rows are' : 'row is'} dated outside the years 1800 to 2399 (UTC), the only years in which the clock counts open time; the first is ticket ${first.ticket}'s ${first.event} row, dated ${first.time}. ${many ? 'They are' : 'It is'} written as exported, and slac check warns of ${many ? 'them' : 'it'} (SLA4061)`,
    );
    if (place) expect(warned[0]).toMatch(new RegExp(`^  \\S*${place.source}`));
    else expect(warned[0]).toMatch(/^ {2}\d+ rows? (are|is) dated/);
  });
});
