import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * `slac explain AGREEMENT EXPORT TICKET --log-format SOURCE` on a ticket the
 * import skipped said only "no ticket '1595' among its 8 tickets", as for a
 * ticket the export does not hold, which sent the user looking for it there.
 * It now says the export has it and the import skipped it, with the record
 * and the reason the import summary gives; a ticket only other tables name
 * (rows of a ticket not in the ticket table) says its records were skipped.
 * Through the built CLI.
 */
const fivetran = 'test/import/fixtures/zendesk-fivetran';
const fivetranSla = 'test/import/fixtures/zendesk-fivetran.sla';

function lastLine(stderr: string): string {
  return stderr.trimEnd().split('\n').at(-1)!;
}

describe('slac explain --log-format: a ticket the import skipped', () => {
  it.each([
    ['a ticket Zendesk deleted', '1595', "no ticket '1595' among its 8 tickets. The export has it, but the import skipped it: test/import/fixtures/zendesk-fivetran/ticket_data.csv:2: ticket 1595 was deleted in Zendesk."],
    ['another, further down the ticket table', '11013', "no ticket '11013' among its 8 tickets. The export has it, but the import skipped it: test/import/fixtures/zendesk-fivetran/ticket_data.csv:7: ticket 11013 was deleted in Zendesk."],
    [
      'a ticket only the field history names',
      '6964',
      "no ticket '6964' among its 8 tickets. The export has records of it, but the import skipped them (the first read: test/import/fixtures/zendesk-fivetran/ticket_field_history_data.csv:20: status of ticket 6964: the ticket is not in the ticket table).",
    ],
  ])('zendesk-tables, %s', (_name, ticket, message) => {
    const run = runBuiltCli(['explain', fivetranSla, fivetran, ticket, '--log-format', 'zendesk-tables'], repoRoot);
    expect(run.code).toBe(2);
    expect(lastLine(run.stderr)).toBe(`slac: ${fivetran}: ${message}`);
  });

  it('zendesk-tables, a ticket the export does not hold is only unknown', () => {
    const run = runBuiltCli(['explain', fivetranSla, fivetran, '99999', '--log-format', 'zendesk-tables'], repoRoot);
    expect(run.code).toBe(2);
    expect(lastLine(run.stderr)).toBe(`slac: ${fivetran}: no ticket '99999' among its 8 tickets.`);
  });

  it('zammad, a ticket without a creation time, asked for by the number the log names it by', () => {
    const zammad = 'test/import/fixtures/zammad';
    const run = runBuiltCli(['explain', `${zammad}/agreement.sla`, zammad, '31004', '--log-format', 'zammad'], repoRoot);
    expect(run.code).toBe(2);
    expect(lastLine(run.stderr)).toBe(`slac: ${zammad}: no ticket '31004' among its 3 tickets. The export has it, but the import skipped it: ${zammad}/tickets.json at [3]: ticket 4: created_at null is not a time.`);
  });
});
