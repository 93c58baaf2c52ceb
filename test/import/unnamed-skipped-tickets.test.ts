import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/built-cli.js';
import { fixtures, outputFolder, slac } from './helpers.js';

/**
 * A ticket skipped for having no id (or one that is a JSON number beyond
 * 2^53, read rounded) cannot be remembered by it, so its other records
 * (articles, history, followups, conversations) said the ticket was in none
 * of the files, and nothing said that a ticket without an id had been
 * skipped, which they may belong to. Now one note says so, counting those
 * records and naming where the ticket was skipped. Through the built
 * executable, a spawn per source.
 */

const out = outputFolder('unnamed-skipped-tickets');

const CASES = [
  { source: 'zammad', folder: 'zammad', file: 'tickets.json', from: '"id": 1,', records: 'records', place: 'tickets.json at [0]' },
  { source: 'glpi', folder: 'glpi/api', file: 'tickets-page-1.json', from: '"id": 1,', records: 'rows', place: 'tickets-page-1.json at [0]' },
  { source: 'freshdesk', folder: 'freshdesk', file: 'tickets-page-1.json', from: '"id": 1,', records: 'conversations', place: 'tickets-page-1.json at [0]' },
];

describe('slac import: records that may be of a ticket skipped without an id say so once', () => {
  it.each(CASES)('$source', ({ source, folder, file, from, records, place }) => {
    const copy = join(out, source);
    cpSync(join(repoRoot, fixtures, folder), copy, { recursive: true });
    const text = readFileSync(join(copy, file), 'utf8');
    expect(text).toContain(from);
    writeFileSync(join(copy, file), text.replace(from, '"no_id_here": 1,'));
    const run = slac('import', source, copy);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('the ticket has no id');
    expect(run.stderr).toMatch(
      new RegExp(`note \\(\\d+\\): ${records} listed as of tickets not among those read may be of the ticket skipped at ${copy.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/${place.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} for want of an exact id \\(none, or one beyond 2\\^53\\): whose they are cannot be told\n`),
    );
  });
});
