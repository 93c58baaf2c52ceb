import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/built-cli.js';
import { fixtures, outputFolder, slac } from './helpers.js';

/**
 * Ids that are JSON numbers beyond 2^53 are rounded by JSON.parse:
 * 9007199254740993 reads as 9007199254740992, so Freshdesk tickets ...993
 * and ...992 became one ticket, and Zammad skipped the second as "listed
 * earlier" and hung its history on the first. Every JSON source now skips
 * a record with such an id, saying why, as the zendesk source does. Through
 * the built executable (run `node scripts/build.mjs` first).
 */

const out = outputFolder('big-ids');

const ABOVE = '9007199254740993';
const AT = '9007199254740992';
const WHY = 'is a JSON number beyond 2^53, which JSON readers round, so two ids could read as one; export ids as text';

/** A replacement in a file: the first occurrence of a string, or what a regular expression matches. */
type Edit = [string | RegExp, string];

/** A copy of a fixture folder with text replaced in some of its files. */
function exportWith(source: string, edits: Record<string, Edit[]>): string {
  const folder = join(out, source);
  cpSync(join(repoRoot, fixtures, source), folder, { recursive: true });
  rmSync(join(folder, 'agreement.sla'), { force: true });
  for (const [file, replacements] of Object.entries(edits)) {
    let text = readFileSync(join(folder, file), 'utf8');
    for (const [from, to] of replacements) {
      const next = text.replace(from, to);
      if (next === text) throw new Error(`${file}: ${String(from)} not found`);
      text = next;
    }
    writeFileSync(join(folder, file), text);
  }
  return folder;
}

describe('slac import: a JSON record with an id beyond 2^53 is skipped, saying why', () => {
  const cases: { source: string; edits: Record<string, Edit[]>; expected: string[]; run: (folder: string) => string[] }[] = [
    {
      source: 'freshdesk',
      edits: {
        'tickets-page-1.json': [['"id": 1,', `"id": ${ABOVE},`], ['"id": 2,', `"id": ${AT},`]],
        'ticket-1-conversations.json': [[/"ticket_id": 1,/g, `"ticket_id": ${ABOVE},`]],
      },
      expected: ['  skipped, tickets with an id beyond 2^53: 2', '  skipped, conversations with an id beyond 2^53: ', `ticket: the id ${AT} ${WHY}`],
      run: (folder: string) => ['freshdesk', folder],
    },
    {
      source: 'zammad',
      edits: {
        'tickets.json': [['"id": 1,', `"id": ${ABOVE},`], ['"id": 2,', `"id": ${AT},`]],
        'articles-1.json': [[/"ticket_id": 1,/g, `"ticket_id": ${ABOVE},`]],
        'history-1.json': [[/"o_id": 1,/g, `"o_id": ${ABOVE},`]],
      },
      expected: ['  skipped, tickets with an id beyond 2^53: 2', '  skipped, articles with an id beyond 2^53: ', '  skipped, history with an id beyond 2^53: ', `ticket: the id ${AT} ${WHY}`],
      // The ticket file first: the summary lists the first 20 skipped records in file order, and the 17 of the articles and history files came before it.
      run: (folder: string) => ['zammad', ...['tickets.json', 'articles-1.json', 'articles-2.json', 'articles-3.json', 'articles-99.json', 'history-1.json', 'history-2.json'].map((file) => join(folder, file))],
    },
    {
      source: 'glpi',
      edits: {
        'api/tickets-page-1.json': [['"id": 1,', `"id": ${ABOVE},`]],
        'api/ticket-1-log.json': [[/"items_id": 1,/g, `"items_id": ${ABOVE},`]],
      },
      expected: ['  skipped, unreadable records: ', `record: the id ${AT} ${WHY}`, `record: the items_id ${AT} ${WHY}`],
      run: (folder: string) => ['glpi', join(folder, 'api')],
    },
    {
      source: 'jira',
      edits: { 'search-page-1.json': [['"id": "10001"', `"id": ${ABOVE}`]] },
      expected: ['  skipped, issues with an id beyond 2^53: 1', `issue: the id ${AT} ${WHY}`],
      run: (folder: string) => ['jira', folder],
    },
  ];
  it.each(cases)('$source', ({ source, edits, expected, run: args }) => {
    const folder = exportWith(source, edits);
    const log = join(out, `${source}.ndjson`);
    const run = slac('import', ...args(folder), '-o', log);
    expect(run.code).toBe(0);
    for (const line of expected) expect(run.stderr).toContain(line);
    expect(run.stderr).not.toContain('given twice');
    expect(run.stderr).not.toContain('listed earlier');
    expect(readFileSync(log, 'utf8')).not.toContain(AT);
  });
});
