import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * A time with an offset no clock has (`+25:00`, `-24`, `+99:99`):
 * zendesk-tables and zammad read `+25:00` and shifted the time by 25 hours,
 * while `slac check` refuses the same offset (SLA4002, "at most +23:59").
 * Import now skips such a time as it skips other unreadable times, naming
 * file and line, and says what is wrong in check's words ("+25:00 is no
 * offset (at most +23:59)", not only "is not a time"); `+23:59` is still
 * read. Every source that reads a time with an offset. Through the built CLI.
 */

const FIXTURES = join(repoRoot, 'test', 'import', 'fixtures');

/** Gives the JSON file `file` the time `time` where `place` points (a key path such as `issues.1.fields.created`, or `1.created_at` in an array). */
function setJsonTime(file: string, place: string, time: string): void {
  const document = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const keys = place.split('.');
  const holder = keys.slice(0, -1).reduce<Record<string, unknown>>((at, key) => at[key] as Record<string, unknown>, document);
  holder[keys.at(-1)!] = time;
  writeFileSync(file, JSON.stringify(document));
}

type Source = { source: string; put(dir: string, time: string): void; place: string; ticket: string };

/** A JSON source whose fixture folder holds an agreement (not part of the export: removed) and the time at `keyPath` of `file`. */
function jsonSource(source: string, file: string, keyPath: string, place: string, ticket: string): Source {
  return {
    source,
    put(dir, time) {
      rmSync(join(dir, 'agreement.sla'));
      setJsonTime(join(dir, file), keyPath, time);
    },
    place,
    ticket,
  };
}

/** Writes `time` as the creation of a ticket of a copy of the source's fixtures (the second; for zendesk the first audit of ticket 7). */
const SOURCES: Source[] = [
  {
    source: 'zendesk-tables',
    put(dir, time) {
      const file = join(dir, 'ticket.csv');
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\n');
      const header = lines[0]!.split(',');
      const row = lines[2]!.split(',');
      row[header.indexOf('created_at')] = time;
      lines[2] = row.join(',');
      writeFileSync(file, lines.join('\n'));
    },
    place: 'ticket.csv:3: ticket 2: created_at',
    ticket: '2',
  },
  jsonSource('zammad', 'tickets.json', '1.created_at', 'tickets.json at [1]: ticket 2: created_at', '31002'),
  jsonSource('freshdesk', 'tickets-page-1.json', '1.created_at', 'tickets-page-1.json at [1]: ticket 2: created_at', '2'),
  jsonSource('jira', 'search-page-1.json', 'issues.1.fields.created', 'search-page-1.json at issues[1]: issue SUP-2: created', 'SUP-2'),
  {
    source: 'glpi',
    put(dir, time) {
      rmSync(join(dir, 'api'), { recursive: true });
      const file = join(dir, 'glpi_tickets.csv');
      writeFileSync(file, readFileSync(file, 'utf8').replace('\n2,2,Slow reports,2024-03-04 11:00:00,', `\n2,2,Slow reports,${time},`));
    },
    place: 'glpi_tickets.csv:4: ticket 2: date',
    ticket: '2',
  },
  {
    source: 'zendesk',
    put(dir, time) {
      setJsonTime(join(dir, 'audits-ticket-7.json'), 'audits.0.created_at', time);
    },
    place: 'audits-ticket-7.json at audits[0]: ticket 7: created_at',
    ticket: '7',
  },
];

const BAD_OFFSETS = ['+25:00', '-24:00', '+99:99', '+24'];

describe('import refuses an offset beyond 23:59, as slac check does', () => {
  const root = mkdtempSync(join(tmpdir(), 'slac-import-offset-'));
  const cases = SOURCES.flatMap((source) => BAD_OFFSETS.map((offset) => ({ ...source, offset })));

  it.each(cases)('$source skips a created time at $offset', ({ source, put, place, ticket, offset }) => {
    const dir = join(root, `${source}${offset}`);
    cpSync(join(FIXTURES, source), dir, { recursive: true });
    const time = `2024-03-04T09:00:00${offset}`;
    put(dir, time);
    const run = runBuiltCli(['import', source, dir], root);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(`{"ticket":"${ticket}",`);
    expect(run.stderr).toContain(`${place}`);
    expect(run.stderr).toContain(time);
    expect(run.stderr).toContain(`${offset} is no offset (at most +23:59)`);
  });

  it.each(SOURCES)('$source reads +23:59', ({ source, put, ticket }) => {
    const dir = join(root, `${source}-largest`);
    cpSync(join(FIXTURES, source), dir, { recursive: true });
    put(dir, '2024-03-04T09:00:00+23:59');
    const run = runBuiltCli(['import', source, dir], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`{"ticket":"${ticket}","time":"2024-03-03T09:01:00Z","event":"created"`);
  });
});
