import { describe, expect, it } from 'vitest';
import { exportFolderIn, outputFolder, slac } from './helpers.js';

/**
 * A created_at that was no text (an object, a list) or missing was named
 * as "created_at '[object Object]' is not a time" (zendesk audits) or
 * "created_at '' is not a time" (zammad tickets, history, articles), which
 * hid what the export holds. It is named as JSON now, or "(missing)"; a
 * text one stays quoted as written. Through the built executable, one
 * spawn a source.
 */

const out = outputFolder('unreadable-time-values');

describe('a created_at that is no text, named in the skipped records', () => {
  it('zendesk audits', () => {
    const audit = (id: number, createdAt: unknown): object => ({ id, ticket_id: 7, ...(createdAt === undefined ? {} : { created_at: createdAt }), author_id: 1, events: [] });
    const folder = exportFolderIn(out, 'zendesk', { 'audits-ticket-7.json': JSON.stringify({ audits: [audit(1, { at: 1 }), audit(2, undefined), audit(3, 'soon')] }) });
    const run = slac('import', 'zendesk', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`audits[0]: ticket 7: created_at {"at":1} is not a time\n`);
    expect(run.stderr).toContain(`audits[1]: ticket 7: created_at (missing) is not a time\n`);
    expect(run.stderr).toContain(`audits[2]: ticket 7: created_at 'soon' is not a time\n`);
  });

  it('zammad tickets, history and articles', () => {
    const ticket = (id: number, createdAt: unknown): object => ({ id, number: `3100${id}`, ...(createdAt === undefined ? {} : { created_at: createdAt }), state: 'new' });
    const folder = exportFolderIn(out, 'zammad', {
      'tickets.json': JSON.stringify([ticket(1, { at: 1 }), ticket(2, undefined), ticket(3, '2024-03-04T09:00:00Z')]),
      'history-3.json': JSON.stringify({ history: [{ id: 1, o_id: 3, object: 'Ticket', type: 'updated', attribute: 'state', value_from: 'new', value_to: 'open', created_at: ['x'] }] }),
      'articles-3.json': JSON.stringify([{ id: 1, ticket_id: 3, sender: 'Agent', internal: false, type: 'email' }]),
    });
    const run = slac('import', 'zammad', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`tickets.json at [0]: ticket 1: created_at {"at":1} is not a time\n`);
    expect(run.stderr).toContain(`tickets.json at [1]: ticket 2: created_at (missing) is not a time\n`);
    expect(run.stderr).toContain(`history-3.json at history[0]: ticket 31003: created_at ["x"] is not a time\n`);
    expect(run.stderr).toContain(`articles-3.json at [0]: article of ticket 31003: created_at (missing) is not a time\n`);
  });
});
