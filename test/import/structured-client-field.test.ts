import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/built-cli.js';
import { clientsOf, fixtures, outputFolder, slac, ticketFileFirst } from './helpers.js';

/**
 * The field `--client-field` names, exported as a JSON object or list (a
 * custom field `{"id": 7, "name": "Acme"}`, a multi-select `["Acme"]`, an
 * option `{"value": "Acme"}`), gave the ticket no client without a word in
 * freshdesk, zammad and zendesk, and GLPI's REST API pages, while jira
 * read its name. Now every source
 * reads it as jira does (an option's `value`, an object's `name` or
 * `displayName`, a list's first, with a note when a list holds several);
 * an object or list with none of these is not dropped unremarked: the
 * ticket is skipped and listed, as one whose client is a number beyond 2^53
 * is (zendesk, whose client field comes in a ticket's events, notes it and
 * takes no client from it, as it does such a number); an empty list is an
 * empty value, as null and "" are, and one note counts the tickets with an
 * empty value. Through the built executable.
 */

const out = outputFolder('structured-client-field');

/** Where a source's fixture gets the value `{}` stands for, and what the import calls ticket 1. */
interface Source {
  name: string;
  source: string;
  /** The fixture folder under test/import/fixtures, when not the source's name. */
  folder?: string;
  file: string;
  from: string;
  to: string;
  field: string;
  ticket: string;
  /** The start of the reason its skip of a value without a name gives (undefined for zendesk, which notes it). */
  skipped?: string;
  /** What its notes call the tickets. */
  tickets: string;
}

/** GLPI's page of tickets holds one: a second, without the field, so that the log is not empty when ticket 1 is skipped. */
const GLPI_SECOND_TICKET = '{ "id": 2, "entities_id": 1, "date": "2024-03-05 09:00:00", "status": 1, "urgency": 3, "priority": 3, "is_deleted": 0 }';

const SOURCES: Source[] = [
  { name: 'freshdesk (ticket field)', source: 'freshdesk', file: 'tickets-page-1.json', from: '"id": 1,', to: '"id": 1, "cf_account": {},', field: 'cf_account', ticket: '1', skipped: 'ticket 1: the cf_account ', tickets: 'tickets' },
  { name: 'freshdesk (custom_fields)', source: 'freshdesk', file: 'tickets-page-1.json', from: '"cf_account_code": "ACME-1"', to: '"cf_account_code": {}', field: 'cf_account_code', ticket: '1', skipped: 'ticket 1: the cf_account_code ', tickets: 'tickets' },
  { name: 'zammad', source: 'zammad', file: 'tickets.json', from: '"id": 1,', to: '"id": 1, "account": {},', field: 'account', ticket: '31001', skipped: 'ticket 1: the account ', tickets: 'tickets' },
  { name: 'jira', source: 'jira', file: 'search-page-1.json', from: '"fields": {', to: '"fields": { "customfield_10077": {},', field: 'customfield_10077', ticket: 'SUP-1', skipped: 'issue SUP-1: the customfield_10077 ', tickets: 'issues' },
  { name: 'glpi (REST API pages)', source: 'glpi', folder: 'glpi/api', file: 'tickets-page-1.json', from: '[\n  {\n    "id": 1,', to: `[\n  ${GLPI_SECOND_TICKET},\n  {\n    "id": 1, "x_account": {},`, field: 'x_account', ticket: '1', skipped: 'ticket 1: the x_account ', tickets: 'tickets' },
  { name: 'zendesk (ticket events)', source: 'zendesk', file: 'ticket_events.jsonl', from: '"custom_account": "ACME-1"', to: '"custom_account": {}', field: 'custom_account', ticket: '1', tickets: 'tickets' },
  { name: 'zendesk (audits)', source: 'zendesk', file: 'audits-ticket-7.json', from: '"field_name": "subject", "value": "VPN down"', to: '"field_name": "account", "value": {}', field: 'account', ticket: '7', tickets: 'tickets' },
];

/** A copy of the source's fixture folder with `value` (JSON) as ticket 1's client field. */
function exportWith(source: Source, value: string, name: string): string {
  const folder = join(out, name);
  cpSync(join(repoRoot, fixtures, source.folder ?? source.source), folder, { recursive: true });
  const text = readFileSync(join(folder, source.file), 'utf8');
  expect(text).toContain(source.from);
  writeFileSync(join(folder, source.file), text.replace(source.from, source.to.replace('{}', value)));
  return folder;
}

const NAMED = [
  { value: '{"id": 7, "name": "Acme"}' },
  { value: '{"value": "Acme"}' },
  { value: '{"displayName": "Acme"}' },
  { value: '["Acme"]' },
  { value: '[{"id": 7, "name": "Acme"}]' },
];

const UNNAMED = [
  { value: '{"id": 7}', shown: '{"id":7}' },
  { value: '[{"id": 7}]', shown: '[{"id":7}]' },
  { value: '[null]', shown: '[null]' },
];

/** A client number beyond 2^53 where the object or list `readClientValue` reads holds it (big-client-field.test.ts has it bare). */
const BIG = '12345678901234567890';
const ROUNDED = '12345678901234567000';
const BIG_INSIDE = [
  { value: `{"value": ${BIG}}`, shown: `{"value":${ROUNDED}}` },
  { value: `{"id": 7, "name": ${BIG}}`, shown: `{"id":7,"name":${ROUNDED}}` },
  { value: `[${BIG}]`, shown: `[${ROUNDED}]` },
];
const BIG_WHY = 'that --client-field names is a JSON number beyond 2^53, which JSON readers round, so two ids could read as one; export ids as text';

const NO_NAME = 'that --client-field names has no text, value, name or displayName to read as the client; export the field as text or name another field';

const cases = <T extends object>(values: T[]): (T & Source)[] => SOURCES.flatMap((source) => values.map((value) => ({ ...source, ...value })));

describe('slac import --client-field: a client field that is a JSON object or list', () => {
  it.each(cases(NAMED))('$name: $value is the client Acme', (source) => {
    const run = slac('import', source.source, ...ticketFileFirst(exportWith(source, source.value, `named-${source.name}-${source.value}`), source.file), '--client-field', source.field);
    expect(run.code, run.stderr).toBe(0);
    expect(clientsOf(run.stdout)[source.ticket]).toBe('Acme');
    expect(run.stderr).not.toContain('several values');
  });

  it.each(SOURCES)('$name: of a list of several, the first is the client, and a note says so', (source) => {
    const run = slac('import', source.source, ...ticketFileFirst(exportWith(source, '["Acme", "Beta"]', `several-${source.name}`), source.file), '--client-field', source.field);
    expect(run.code, run.stderr).toBe(0);
    expect(clientsOf(run.stdout)[source.ticket]).toBe('Acme');
    const note = source.skipped === undefined ? `${source.field} values that list several values, which --client-field names: the first is the client` : `${source.tickets} whose ${source.field}, which --client-field names, lists several values: the first is the client`;
    expect(run.stderr).toContain(`note (1): ${note}`);
  });

  it.each(cases(UNNAMED))('$name: $value names no client, and the ticket is not left without one unremarked', (source) => {
    const run = slac('import', source.source, ...ticketFileFirst(exportWith(source, source.value, `unnamed-${source.name}-${source.value}`), source.file), '--client-field', source.field);
    expect(run.code, run.stderr).toBe(0);
    if (source.skipped !== undefined) {
      expect(clientsOf(run.stdout)).not.toHaveProperty(source.ticket);
      expect(run.stderr).toContain(`${source.skipped}${source.shown} ${NO_NAME}`);
    } else {
      expect(clientsOf(run.stdout)).toHaveProperty(source.ticket, undefined);
      expect(run.stderr).toContain(`note (1): ${source.field} values with no text, value, name or displayName (objects or lists), which --client-field names: no client is taken from them; export the field as text or name another field`);
    }
  });

  it.each(cases(BIG_INSIDE))('$name: $value, a number beyond 2^53 in an object or list, is not read rounded', (source) => {
    const run = slac('import', source.source, ...ticketFileFirst(exportWith(source, source.value, `big-${source.name}-${source.value}`), source.file), '--client-field', source.field);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain(ROUNDED);
    if (source.skipped !== undefined) {
      expect(clientsOf(run.stdout)).not.toHaveProperty(source.ticket);
      expect(run.stderr).toContain(`${source.skipped}${source.shown} ${BIG_WHY}`);
    } else {
      expect(clientsOf(run.stdout)).toHaveProperty(source.ticket, undefined);
      expect(run.stderr).toContain(`note (1): ${source.field} values beyond 2^53 (JSON numbers lose digits there), which --client-field names: not read, so no client is taken from them; export the field as text`);
    }
  });

  // The note on a field no ticket has (a mistyped name) is for a field the export lacks, not one it holds and the import skips.
  it.each(cases([{ value: '{"id": 7}' }, { value: BIG }, { value: `[${BIG}]` }]).filter((source) => source.skipped !== undefined))(
    '$name: a ticket skipped for its $value has the field: no note says that no ticket has it',
    (source) => {
      const run = slac('import', source.source, ...ticketFileFirst(exportWith(source, source.value, `has-field-${source.name}-${source.value}`), source.file), '--client-field', source.field);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(source.skipped);
      expect(run.stderr).not.toContain(`without the field '${source.field}' that --client-field names`);
    },
  );

  // An empty list gave a note of its own, null and "" none, though all three give no client: one note now counts them all,
  // with the tickets that lack the field, in the same words for an empty list as for null.
  it.each(SOURCES)('$name: an empty list is an empty value, as null is: no client, and the same note counts both', (source) => {
    const field = source.field;
    const note = new RegExp(`note \\(\\d+\\): ${source.tickets} whose ${field}, which --client-field names, is empty \\(missing, null, "" or an empty list\\): written without a client \\(slac check gives them to a portfolio's others\\)\n`);
    const notes = ['[]', 'null'].map((value) => {
      const run = slac('import', source.source, ...ticketFileFirst(exportWith(source, value, `empty-${source.name}-${value}`), source.file), '--client-field', field);
      expect(run.code, run.stderr).toBe(0);
      expect(clientsOf(run.stdout)).toHaveProperty(source.ticket, undefined);
      expect(run.stderr).not.toContain('is an empty list');
      return note.exec(run.stderr)?.[0];
    });
    expect(notes[0]).toBeDefined();
    expect(notes[1]).toBe(notes[0]);
  });
});
