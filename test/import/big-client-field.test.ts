import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/built-cli.js';
import { fixtures, outputFolder, slac, ticketFileFirst } from './helpers.js';

/**
 * The field `--client-field` names, written as a JSON number beyond 2^53
 * (an account number in a numeric custom field), was read rounded:
 * 12345678901234567890 became the client '12345678901234567000', so two
 * clients could become one, without a word. Now a ticket with such a value
 * is skipped and listed with the field and why, as a ticket with such an id
 * is (zendesk, whose client field comes in the ticket's events, says so in
 * a note and takes no client from it). Through the built executable.
 */

const out = outputFolder('big-client-field');

const BIG = '12345678901234567890';
const ROUNDED = '12345678901234567000';
const WHY = `that --client-field names is a JSON number beyond 2^53, which JSON readers round, so two ids could read as one; export ids as text`;

/** A copy of a fixture folder (`source`'s, or `fixture` under the fixtures) with the first `from` of `file` replaced by `to`. */
function exportWith(source: string, file: string, from: string, to: string, fixture = source): string {
  const folder = join(out, source);
  cpSync(join(repoRoot, fixtures, fixture), folder, { recursive: true });
  const text = readFileSync(join(folder, file), 'utf8');
  expect(text).toContain(from);
  writeFileSync(join(folder, file), text.replace(from, to));
  return folder;
}

/** GLPI's page of tickets holds one: a second, so that the log is not empty when ticket 1 is skipped. */
const GLPI_SECOND_TICKET = '{ "id": 2, "entities_id": 1, "date": "2024-03-05 09:00:00", "status": 1, "urgency": 3, "priority": 3, "is_deleted": 0 }';

describe('slac import --client-field: a client that is a JSON number beyond 2^53 is never read rounded', () => {
  const cases = [
    { source: 'freshdesk', file: 'tickets-page-1.json', from: '"id": 1,', to: `"id": 1, "cf_account": ${BIG},`, field: 'cf_account', skipped: 'ticket 1: the cf_account ' },
    { source: 'zammad', file: 'tickets.json', from: '"id": 1,', to: `"id": 1, "account": ${BIG},`, field: 'account', skipped: 'ticket 1: the account ' },
    { source: 'jira', file: 'search-page-1.json', from: '"fields": {', to: `"fields": { "customfield_10077": ${BIG},`, field: 'customfield_10077', skipped: 'issue SUP-1: the customfield_10077 ' },
    { source: 'glpi', fixture: 'glpi/api', file: 'tickets-page-1.json', from: '[\n  {\n    "id": 1,', to: `[\n  ${GLPI_SECOND_TICKET},\n  {\n    "id": 1, "x_account": ${BIG},`, field: 'x_account', skipped: 'ticket 1: the x_account ' },
  ];
  it.each(cases)('$source: the ticket is skipped and listed', ({ source, fixture, file, from, to, field, skipped }) => {
    const folder = exportWith(source, file, from, to, fixture);
    const run = slac('import', source, ...ticketFileFirst(folder, file), '--client-field', field);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(ROUNDED);
    expect(run.stderr).toContain(skipped);
    expect(run.stderr).toContain(WHY);
  });

  it('zendesk: no client is taken from it, and a note says so', () => {
    const folder = exportWith('zendesk', 'ticket_events.jsonl', '"child_events": [', `"child_events": [{"id": 9099, "via": "Web form", "account": ${BIG}, "event_type": "Create"}, `);
    const run = slac('import', 'zendesk', folder, '--client-field', 'account');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(ROUNDED);
    expect(run.stderr).toContain('note (1): account values beyond 2^53 (JSON numbers lose digits there), which --client-field names: not read, so no client is taken from them; export the field as text');
  });
});
