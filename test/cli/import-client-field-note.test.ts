import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * `--client-field` naming a field no ticket has (a typo): jira said so in a
 * note, but zendesk, zammad, freshdesk and glpi wrote every row without a
 * client and said nothing. Each now gives jira's note, in the same words
 * (import/client-field.ts), counting the tickets written; a field some
 * ticket has gives no note. zendesk-tables refuses the missing column of
 * its header instead. Through the built CLI, on each source's fixtures.
 */

const FIXTURES = join(repoRoot, 'test', 'import', 'fixtures');

const SOURCES: { source: string; field: string; tickets: number; ticket: string; hint: string }[] = [
  { source: 'zendesk', field: 'custom_account', tickets: 5, ticket: 'ticket', hint: "give a ticket field as the export names it: a key of a ticket event's child, or an audit event's field_name" },
  { source: 'jira', field: 'customfield_10050', tickets: 4, ticket: 'issue', hint: "give the id of a key of an issue's fields (such as customfield_10050)" },
  { source: 'zammad', field: 'x_account_code', tickets: 3, ticket: 'ticket', hint: 'give a key of a ticket record (a custom attribute such as x_account_code)' },
  { source: 'freshdesk', field: 'cf_account_code', tickets: 4, ticket: 'ticket', hint: 'give a ticket field or a key of its custom_fields (such as cf_account_code)' },
  { source: 'glpi', field: 'x_contract_code', tickets: 3, ticket: 'ticket', hint: 'give a column of glpi_tickets (such as x_contract_code)' },
];

describe('--client-field naming a field no ticket has', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'slac-client-field-'));

  it.each(SOURCES)('$source says so in a note, as jira does', ({ source, tickets, ticket, hint }) => {
    const run = runBuiltCli(['import', source, join(FIXTURES, source), '--client-field', 'nosuchfield'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('"client"');
    expect(run.stderr).toContain(`note (${tickets}): ${ticket}s without the field 'nosuchfield' that --client-field names: no ${ticket} has it, so none has a client; ${hint}\n`);
  });

  it.each(SOURCES)('$source gives no note for $field, which some ticket has', ({ source, field }) => {
    const run = runBuiltCli(['import', source, join(FIXTURES, source), '--client-field', field], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"client"');
    expect(run.stderr).not.toContain('that --client-field names');
  });

  it('zendesk-tables refuses the column its header lacks', () => {
    const run = runBuiltCli(['import', 'zendesk-tables', join(FIXTURES, 'zendesk-tables'), '--client-field', 'nosuchfield'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ticket.csv:1: the header has no 'nosuchfield' column");
  });
});
