import { describe, expect, it } from 'vitest';
import { exportFolderIn, outputFolder, slac } from './helpers.js';

/**
 * A Zammad ticket whose articles file is missing from the export (the loop
 * over tickets stopped, a request failed) has no reply in the log, so its
 * first response is a breach; its record says it has articles
 * (`article_count`). It was written without a word; a warning now names it.
 */

const out = outputFolder('zammad-missing-articles');

const ticket = (id: number, articles: number): object => ({ id, number: `3100${id}`, created_at: '2024-03-04T09:00:00.000Z', updated_at: '2024-03-04T09:00:00.000Z', state: 'new', organization: 'Acme', article_count: articles });
const article = (id: number, ticketId: number, at: string, sender: string): object => ({ id, ticket_id: ticketId, sender, internal: false, type: 'email', created_at: at });

describe('slac import zammad: a ticket whose articles are not in the export', () => {
  it('is warned of, with its place and article_count', () => {
    const folder = exportFolderIn(out, 'export', {
      'tickets.json': JSON.stringify([ticket(1, 2), ticket(2, 3), ticket(3, 0)]),
      'articles-1.json': JSON.stringify([article(11, 1, '2024-03-04T09:00:00.000Z', 'Customer'), article(12, 1, '2024-03-04T09:30:00.000Z', 'Agent')]),
    });
    const run = slac('import', 'zammad', folder);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${folder}/tickets.json at [1]: ticket 31002: its article_count is 3, but none of its articles is in the export, so it has no reply; export GET /api/v1/ticket_articles/by_ticket/2\n`);
    expect(run.stderr).not.toContain('ticket 31001: its article_count');
    expect(run.stderr).not.toContain('ticket 31003: its article_count');
  });
});
