import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/built-cli.js';
import { fixtures, outputFolder, slac } from './helpers.js';

/**
 * A Zammad history entry without an `object` (null or missing) was counted
 * among "history of articles and other objects (not read)": a ticket's
 * state change left out under a heading that says it is an article's. Now
 * it is skipped and listed with file, place and why. Through the built
 * executable, one spawn.
 */

const out = outputFolder('zammad-no-object');

const ENTRY = '{ "id": 104, "o_id": 1, "object": "Ticket", "type": "updated", "attribute": "state"';

describe('slac import zammad: a history entry without an object', () => {
  it('is skipped and listed, not counted as an article\'s', () => {
    const folder = join(out, 'export');
    cpSync(join(repoRoot, fixtures, 'zammad'), folder, { recursive: true });
    const file = join(folder, 'history-1.json');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(ENTRY);
    writeFileSync(file, text.replace(ENTRY, ENTRY.replace('"object": "Ticket"', '"object": null')));
    const run = slac('import', 'zammad', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/ at history\[\d+\]: history of o_id 1: the entry has no object, so whether it is a ticket's cannot be told\n/);
    expect(run.stderr).toContain('  skipped, history without an object: 1\n');
  });
});
