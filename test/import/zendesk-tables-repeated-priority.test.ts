import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, ndjsonRows, outputFolder, slac } from './helpers.js';

/**
 * A warehouse sync that writes the field history twice (the Fivetran seed
 * tables' history rows repeated) gave "priority changes: 8" in the summary
 * for 3 severity rows in the log: the 4 repeats, changes to the priority the
 * ticket already had, wrote no row and no note said so, where a repeated
 * status change is noted ("status changes to the status the ticket already
 * had: no row written"). They are now noted alike, counted. Through the built CLI.
 */
const out = outputFolder('repeated-priority');

describe('slac import zendesk-tables: a priority change to the priority the ticket already has', () => {
  it('is counted in a note, as a status change to the same status is', () => {
    const folder = join(out, 'twice');
    cpSync(join(fixtures, 'zendesk-fivetran'), folder, { recursive: true });
    const history = readFileSync(join(folder, 'ticket_field_history_data.csv'), 'utf8');
    const [header, ...rows] = history.split('\n');
    writeFileSync(join(folder, 'ticket_field_history_data.csv'), [header, ...rows, ...rows].join('\n') + '\n');
    const log = join(out, 'twice.ndjson');
    const run = slac('import', 'zendesk-tables', folder, '-o', log);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('  priority changes: 8\n');
    expect(ndjsonRows(readFileSync(log, 'utf8')).filter((row) => row.event === 'severity')).toHaveLength(3);
    expect(run.stderr).toContain('note (4): priority changes to the priority the ticket already had: no row written\n');
  });
});
