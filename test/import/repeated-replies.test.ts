import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/built-cli.js';
import { accounts, expectEveryRecordAccounted, exportFolderIn, fixtures, ndjsonRows, outputFolder, slac } from './helpers.js';

/**
 * The articles of a Zammad ticket, or the followups of a GLPI ticket, given
 * twice (Monday's export and Tuesday's both hold the articles of ticket 1;
 * the database table and the REST pages of the same followups): each
 * became a reply twice, and the summary counted "replies (agent): 2" for
 * one answer. Jira's comments and Freshdesk's conversations are read once
 * by their id; so are these now, the repeat counted in its file.
 */

const out = outputFolder('repeated-replies');

/** The export folder of `source`'s fixtures, its files read into a table. */
function fixtureFiles(source: string, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, readFileSync(join(repoRoot, fixtures, source, name), 'utf8')]));
}

/** The log's replies as "ticket time author". */
function replies(stdout: string): string[] {
  return ndjsonRows(stdout)
    .filter((row) => row.event === 'reply')
    .map((row) => `${row.ticket} ${row.time} ${row.author}`)
    .sort();
}

describe('slac import: replies given twice are written once', () => {
  it('zammad: an articles file given again (another day\'s export)', () => {
    const files = fixtureFiles('zammad', ['tickets.json', 'history-1.json', 'history-2.json', 'articles-1.json', 'articles-2.json', 'articles-3.json']);
    const once = exportFolderIn(out, 'zammad-once', files);
    const twice = exportFolderIn(out, 'zammad-twice', { ...files, 'articles-1-tuesday.json': files['articles-1.json']! });
    const [first, again] = [slac('import', 'zammad', once), slac('import', 'zammad', twice)];
    expect(again.code, again.stderr).toBe(0);
    expect(replies(again.stdout)).toEqual(replies(first.stdout));
    const accounted = accounts(again.stderr);
    expectEveryRecordAccounted(accounted);
    // The copy sorts first (articles-1-tuesday.json): the repeats are the original's rows.
    expect(accounted.get('articles-1.json')!.lines).toEqual(['articles read before (in another file or page): 6']);
  });

  it('glpi: the followups table and a copy of it', () => {
    const files = fixtureFiles('glpi', ['glpi_tickets.csv', 'glpi_entities.csv', 'glpi_profiles.csv', 'glpi_profiles_users.csv', 'glpi_tickets_users.csv', 'glpi_logs.csv', 'glpi_itilfollowups.csv']);
    const once = exportFolderIn(out, 'glpi-once', files);
    const twice = exportFolderIn(out, 'glpi-twice', { ...files, 'itilfollowups.csv': files['glpi_itilfollowups.csv']! });
    const [first, again] = [slac('import', 'glpi', once), slac('import', 'glpi', twice)];
    expect(again.code, again.stderr).toBe(0);
    expect(replies(again.stdout)).toEqual(replies(first.stdout));
    const accounted = accounts(again.stderr);
    expectEveryRecordAccounted(accounted);
    // The rows of tickets in the trash and of changes and problems are counted as they were; the other 8 once.
    expect(accounted.get('itilfollowups.csv')!.lines).toEqual(['followups read before (in another file or page): 8', 'skipped, rows of tickets in the trash: 1', 'followups of changes and problems (not read): 1']);
  });
});
