import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/built-cli.js';
import { fixtures, outputFolder, slac } from './helpers.js';

/**
 * An update of a Zendesk ticket that the export had deleted (a ticket
 * restored from the deleted view) or closed earlier said "ticket 3: no
 * creation of it is open in the export", under a group naming three causes,
 * though the import knew which: the user went looking for a missing
 * creation. Now it says the ticket was deleted, and when, or closed earlier
 * in the export. Through the built executable, one spawn.
 */

const out = outputFolder('zendesk-updates-after-end');

const DELETION = '"status": "deleted", "previous_value": "new", "event_type": "Change"}]}';
const AFTER_DELETION = ', {"id": 9167, "ticket_id": 3, "timestamp": 1709552000, "updater_id": 101, "via": "Web form", "event_type": "Audit", "child_events": [{"id": 9168, "via": "Web form", "status": "open", "previous_value": "deleted", "event_type": "Change"}]}';
const CLOSING = '"status": "closed", "previous_value": "solved", "event_type": "Change"}]}';
const AFTER_CLOSING = ', {"id": 9177, "ticket_id": 1, "timestamp": 1709650000, "updater_id": 101, "via": "Web form", "event_type": "Audit", "child_events": [{"id": 9178, "via": "Web form", "tags": ["late"], "previous_value": [], "event_type": "Change"}]}';

describe('slac import zendesk: updates after a ticket was deleted or closed say so', () => {
  it('names the deletion and its time, and the closing', () => {
    const folder = join(out, 'export');
    cpSync(join(repoRoot, fixtures, 'zendesk'), folder, { recursive: true });
    const file = join(folder, 'ticket_events.jsonl');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(DELETION);
    expect(text).toContain(CLOSING);
    writeFileSync(file, text.replace(DELETION, DELETION + AFTER_DELETION).replace(CLOSING, CLOSING + AFTER_CLOSING));
    const run = slac('import', 'zendesk', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${file} at line 2, ticket_events[10].child_events[0]: ticket 3 was deleted in Zendesk at 2024-03-04T11:30:00Z, earlier in the export: the update is left out\n`);
    expect(run.stderr).toContain('  skipped, updates of tickets deleted earlier in the export: 1\n');
    expect(run.stderr).toContain(`${file} at line 2, ticket_events[16].child_events[0]: ticket 1 was closed earlier in the export, and a closed ticket stays closed in Zendesk: the update is left out\n`);
    expect(run.stderr).toContain('  skipped, updates of tickets closed earlier in the export: 1\n');
    // Ticket 6, created before the export began, still says so.
    expect(run.stderr).toContain('ticket 6: no creation of it is open in the export\n');
  });
});
