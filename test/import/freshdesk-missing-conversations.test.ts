import { describe, expect, it } from 'vitest';
import { exportFolderIn, ndjsonRows, outputFolder, slac } from './helpers.js';

/**
 * An export with conversation files for some tickets but not for others (the
 * loop over tickets stopped, a request failed, a page of tickets was saved
 * later): a ticket whose stats say an agent responded, but of which no
 * conversation is in the export, got no reply at all, and its first response
 * was a breach, unremarked. Its replies now come from its stats, as for an
 * export without conversations, and a warning names the ticket.
 */

const out = outputFolder('freshdesk-missing-conversations');

const ticket = (id: number, responded: string): object => ({
  id,
  requester_id: 500 + id,
  status: 2,
  priority: 3,
  source: 1,
  created_at: '2026-03-02T08:00:00Z',
  updated_at: '2026-03-02T12:00:00Z',
  stats: { status_updated_at: '2026-03-02T08:00:00Z', first_responded_at: responded, agent_responded_at: responded },
});
const files = {
  'tickets-1.json': JSON.stringify([ticket(1, '2026-03-02T08:30:00Z'), ticket(2, '2026-03-02T08:20:00Z')]),
  'conversations-1.json': JSON.stringify([{ id: 71, ticket_id: 1, incoming: false, private: false, user_id: 7, source: 0, created_at: '2026-03-02T08:30:00Z' }]),
};

describe('slac import freshdesk: a ticket whose conversations are missing from an export that has others', () => {
  it('writes its replies from its stats, and warns with the ticket and its place', () => {
    const folder = exportFolderIn(out, 'export', files);
    const run = slac('import', 'freshdesk', folder);
    expect(run.code).toBe(0);
    const replies = ndjsonRows(run.stdout).filter((row) => row.event === 'reply').map((row) => `${row.ticket} ${row.time} ${row.author}`);
    expect(replies.sort()).toEqual(['1 2026-03-02T08:30:00Z agent', '2 2026-03-02T08:20:00Z agent']);
    expect(run.stderr).toContain(
      `${folder}/tickets-1.json at [1]: ticket 2: its stats date replies (first_responded_at 2026-03-02T08:20:00Z), but no conversation of it is in the export: its replies are written from its stats; export GET /api/v2/tickets/2/conversations`,
    );
  });
});
