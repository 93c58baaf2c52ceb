import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accounts, expectEveryRecordAccounted, fixtures, outputFolder, slac, ticketFileFirst } from './helpers.js';

/**
 * A ticket log writes its times in UTC with four-digit years. An export's
 * time that falls outside the years 0000 to 9999 once read in UTC
 * (`9999-12-31T23:30:00-01:00`, `0000-01-01T00:30:00+01:00`) was written as
 * `+010000-…` or `-000001-…`, which `slac check` refuses (SLA4002), so the
 * whole imported log failed the check; a Zendesk `timestamp` of 1e16
 * seconds, no date at all, stopped the import with exit 70. Such a time is
 * now not a time: its record is skipped with file, place and the year, and
 * the log passes the check. Each case edits one time of a source's fixture.
 */

const out = outputFolder('log-years');

/** The fixture folder of `source` copied to `name`, with `from` replaced by `to` in `file` (once). */
function editedExport(source: string, name: string, file: string, from: string, to: string): string {
  const folder = join(out, name);
  cpSync(join(fixtures, source), folder, { recursive: true });
  const text = readFileSync(join(folder, file), 'utf8');
  expect(text).toContain(from);
  writeFileSync(join(folder, file), text.replace(from, to));
  return folder;
}

const agreements: Record<string, string> = {
  zendesk: join(fixtures, 'zendesk.sla'),
  'zendesk-tables': join(fixtures, 'zendesk-tables.sla'),
};

describe('slac import: a time outside the years 0000 to 9999 (UTC) is skipped, and the log passes slac check', () => {
  const cases: { name: string; source: string; file: string; from: string; to: string; skipped: string; options?: string[] }[] = [
    { name: 'freshdesk, past 9999', source: 'freshdesk', file: 'tickets-page-1.json', from: '"created_at": "2026-03-03T09:00:00Z"', to: '"created_at": "9999-12-31T23:30:00-01:00"', skipped: 'in UTC it falls in the year 10000' },
    { name: 'freshdesk, before 0000', source: 'freshdesk', file: 'tickets-page-1.json', from: '"created_at": "2026-03-03T09:00:00Z"', to: '"created_at": "0000-01-01T00:30:00+01:00"', skipped: 'in UTC it falls in the year -1' },
    { name: 'freshdesk, past 9999 in the zone assumed', source: 'freshdesk', file: 'tickets-page-1.json', from: '"created_at": "2026-03-03T09:00:00Z"', to: '"created_at": "9999-12-31T23:30:00"', skipped: 'read in America/New_York, in UTC it falls in the year 10000', options: ['--assume-timezone', 'America/New_York'] },
    { name: 'jira', source: 'jira', file: 'search-page-1.json', from: '"created": "2026-03-02T09:20:00.000+0100"', to: '"created": "0000-01-01T00:30:00.000+0100"', skipped: 'in UTC it falls in the year -1' },
    { name: 'jira, a comment epochMillis past 9999', source: 'jira', file: 'request-10003-comments.json', from: '"epochMillis": 1772540400000', to: '"epochMillis": 1000000000000000', skipped: 'epochMillis 1000000000000000: in UTC it falls in the year 33658' },
    // JSON reads 1e400 as Infinity, which no date holds: the import stopped with exit 70.
    { name: 'jira, a comment epochMillis JSON reads as Infinity', source: 'jira', file: 'request-10003-comments.json', from: '"epochMillis": 1772540400000', to: '"epochMillis": 1e400', skipped: 'epochMillis Infinity: in UTC it falls after the year 275760' },
    { name: 'zammad', source: 'zammad', file: 'tickets.json', from: '"created_at": "2024-03-04T10:00:00.000Z"', to: '"created_at": "9999-12-31T23:30:00.000-01:00"', skipped: 'in UTC it falls in the year 10000' },
    { name: 'glpi', source: 'glpi', file: 'glpi_tickets.csv', from: '1,1,Site down,2024-03-04 10:00:00', to: '1,1,Site down,9999-12-31 23:30:00-01:00', skipped: 'in UTC it falls in the year 10000' },
    { name: 'glpi in the zone assumed', source: 'glpi', file: 'glpi_tickets.csv', from: '1,1,Site down,2024-03-04 10:00:00', to: '1,1,Site down,9999-12-31 23:30:00', skipped: 'read in America/New_York, in UTC it falls in the year 10000', options: ['--assume-timezone', 'America/New_York'] },
    { name: 'zendesk-tables', source: 'zendesk-tables', file: 'ticket.csv', from: '77,2024-03-04 10:00:00', to: '77,9999-12-31 23:30:00-01', skipped: 'in UTC it falls in the year 10000' },
    { name: 'zendesk, a created_at past 9999', source: 'zendesk', file: 'ticket_events.jsonl', from: '"timestamp": 1709539200, "created_at": "2024-03-04T08:00:00Z"', to: '"created_at": "9999-12-31T23:30:00-01:00"', skipped: "created_at '9999-12-31T23:30:00-01:00': in UTC it falls in the year 10000" },
    { name: 'zendesk, a timestamp of no date and a created_at that is none', source: 'zendesk', file: 'ticket_events.jsonl', from: '"timestamp": 1709539200, "created_at": "2024-03-04T08:00:00Z"', to: '"timestamp": 1e16, "created_at": "x"', skipped: 'timestamp 10000000000000000: in UTC it falls after the year 275760' },
  ];
  it.each(cases)('$name', ({ name, source, file, from, to, skipped, options = [] }) => {
    const folder = editedExport(source, name.replace(/\W+/g, '-'), file, from, to);
    const log = join(folder, 'out.ndjson');
    const run = slac('import', source, ...ticketFileFirst(folder, file), '-o', log, ...options);
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(skipped);
    expect(run.stderr).toContain('a ticket log holds the years 0000 to 9999');
    expectEveryRecordAccounted(accounts(run.stderr));
    expect(readFileSync(log, 'utf8')).not.toMatch(/"time":"[+-]/);
    const check = slac('check', agreements[source] ?? join(folder, 'agreement.sla'), log);
    expect(check.stderr).not.toContain('SLA4002');
    expect(check.code).toBeLessThan(2);
  });

  it('zendesk: a timestamp of no date beside a created_at that is a time is dated at the created_at, with a note', () => {
    const folder = editedExport('zendesk', 'timestamp-of-no-date', 'ticket_events.jsonl', '"timestamp": 1709539200, "created_at": "2024-03-04T08:00:00Z"', '"timestamp": 1e16, "created_at": "2024-03-04T08:00:00Z"');
    const log = join(folder, 'out.ndjson');
    const run = slac('import', 'zendesk', folder, '-o', log);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('note (1): timestamps outside the years 0000 to 9999 (UTC): the time is the created_at');
    expect(readFileSync(log, 'utf8')).toContain('{"ticket":"4","time":"2024-03-04T08:00:00Z","event":"created"');
  });
});
