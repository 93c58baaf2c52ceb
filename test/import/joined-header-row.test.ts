import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accounts, expectEveryRecordAccounted, exportFolderIn, fixtures, outputFolder, skippedSection, slac } from './helpers.js';

/**
 * A table exported in parts and joined with `cat`, where a part does not end
 * in a line break (Fivetran's ticket_data.csv does not): the next part's
 * header runs on from the part's last row, and that row read as one of
 * twice the header's fields less one (`line 11: the row has 71 fields but
 * the header has 36`). The row is read with its own values, and a warning
 * says why (SLA4057); when its last value cannot be told from the header's
 * first name, it is refused and listed (SLA4058), never dropped unseen.
 */

const out = outputFolder('joined-header-row');

/** The Fivetran export of test/import/fixtures with its ticket table joined from two copies, the second after `separator`. */
function fivetranJoined(name: string, separator: string): string {
  const folder = join(out, name);
  cpSync(join(fixtures, 'zendesk-fivetran'), folder, { recursive: true });
  const part = readFileSync(join(fixtures, 'zendesk-fivetran', 'ticket_data.csv'), 'utf8');
  writeFileSync(join(folder, 'ticket_data.csv'), part + separator + part);
  return folder;
}

const RECOVERED =
  'the header row of line 1 is joined onto the end of this row, as where two CSV files are joined into one and the first does not end in a line break: the row is read without it';

describe('slac import: a table joined from parts, one without a final line break', () => {
  it('zendesk-tables (the Fivetran export): the row the header is joined onto is read as it is written, with a warning', () => {
    expect(readFileSync(join(fixtures, 'zendesk-fivetran', 'ticket_data.csv'), 'utf8').endsWith('\n')).toBe(false);
    const fused = fivetranJoined('fused', '');
    const run = slac('import', 'zendesk-tables', fused);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('fields but the header has');
    expect(run.stderr).toContain(`warnings:\n  ${fused}/ticket_data.csv:11: ${RECOVERED}\n`);
    expect(run.stderr).toContain('note (1): rows with the header row joined onto their end (a part of the table without a final line break): read without it\n');
    // Ticket 6605 is the row at line 11: its second copy (line 21) is now the second row of a read ticket.
    // The skipped records are listed in file order, and the comment table's 20 come first in the folder: given first, the ticket table's are listed.
    const ticketsFirst = slac('import', 'zendesk-tables', join(fused, 'ticket_data.csv'), fused);
    expect(skippedSection(ticketsFirst.stderr)).toContain(`  ${fused}/ticket_data.csv:21: ticket 6605 has an earlier row\n`);
    expectEveryRecordAccounted(accounts(run.stderr));
    // The same log as from the parts joined with a line break between them, where the header's repeat is a line of its own.
    const separateFolder = fivetranJoined('separate', '\n');
    const separate = slac('import', 'zendesk-tables', separateFolder);
    expect(separate.code).toBe(0);
    expect(slac('import', 'zendesk-tables', join(separateFolder, 'ticket_data.csv'), separateFolder).stderr).toContain('ticket_data.csv:12: the row repeats the header row of line 1');
    expect(run.stdout).toBe(separate.stdout);
  });

  it('zendesk-tables: a CRLF part without its final CRLF, or only its LF, and a second part with a byte-order mark', () => {
    const header = 'id,created_at,updated_at,status';
    for (const [name, joint] of [
      ['no-crlf', ''],
      ['cr-only', '\r'],
      ['bom', '\uFEFF'],
    ] as const) {
      const folder = exportFolderIn(out, name, { 'ticket.csv': `${header}\r\n2,2024-03-04 09:00:00,2024-03-04 10:00:00,pending${joint}${header}\r\n3,2024-03-05 09:00:00,2024-03-05 10:00:00,solved\r\n` });
      const run = slac('import', 'zendesk-tables', folder);
      expect(run.code, name).toBe(0);
      expect(run.stderr, name).toContain(`  ${folder}/ticket.csv:2: ${RECOVERED}\n`);
      // The row is read whole, to its last value (the status); the row after the header's repeat too.
      expect(run.stdout, name).toContain('{"ticket":"2","time":"2024-03-04T10:00:00Z","event":"status","status":"pending"}');
      expect(run.stdout, name).toContain('"ticket":"3"');
    }
  });

  it('zendesk-tables: a joined header spelled otherwise refuses the row, naming it, the header and what to do', () => {
    const folder = exportFolderIn(out, 'inexact', {
      'ticket.csv': 'id,created_at,status\n2,2024-03-04 09:00:00,openID,created_at,status\n3,2024-03-05 09:00:00,open\n',
    });
    const run = slac('import', 'zendesk-tables', folder);
    expect(run.code).toBe(0);
    expect(skippedSection(run.stderr)).toContain(
      `  ${folder}/ticket.csv:2: the header row of line 1 is joined onto the end of this row, as where two CSV files are joined into one and the first does not end in a line break; its last value cannot be told from the header's first name 'id': break the line where the header begins\n`,
    );
    expectEveryRecordAccounted(accounts(run.stderr));
    expect(run.stdout).not.toContain('"ticket":"2"');
    expect(run.stdout).toContain('"ticket":"3"');
  });

  it('glpi and init --from zendesk-tables read such a row too', () => {
    const glpi = join(out, 'glpi');
    cpSync(join(fixtures, 'glpi'), glpi, { recursive: true });
    const tickets = readFileSync(join(glpi, 'glpi_tickets.csv'), 'utf8');
    // The last row (line 6, ticket 4 of client ACME-1) runs on into a header with no rows after it.
    writeFileSync(join(glpi, 'glpi_tickets.csv'), tickets.trimEnd() + tickets.slice(0, tickets.indexOf('\n') + 1));
    const imported = slac('import', 'glpi', glpi, '--client-field', 'x_contract_code');
    const whole = slac('import', 'glpi', join(fixtures, 'glpi'), '--client-field', 'x_contract_code');
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(`  ${glpi}/glpi_tickets.csv:6: ${RECOVERED}\n`);
    expect(imported.stderr).not.toContain('fields but the header has');
    expect(imported.stdout).toBe(whole.stdout);

    const draft = fivetranJoined('init', '');
    const schedules = readFileSync(join(draft, 'schedule_data.csv'), 'utf8');
    writeFileSync(join(draft, 'schedule_data.csv'), schedules.trimEnd() + schedules);
    const lines = schedules.trimEnd().split('\n').length;
    const init = slac('init', '--from', 'zendesk-tables', draft, '-o', join(out, 'init.sla'));
    expect(init.code).toBe(0);
    expect(init.stderr).toContain(`  ${draft}/schedule_data.csv:${lines}: ${RECOVERED}\n`);
  });
});
