import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * Zendesk's user roles as another export spells them: `Agent`, `Admin`,
 * `End-User`. Statuses and priorities were read in any case; roles were
 * not, so every comment of such a user lost its author (the user was
 * skipped as having "an unknown role"). Through the built CLI, the log of
 * the fixtures with the roles recased must be the log of the fixtures as
 * they are.
 */

const FIXTURES = join(repoRoot, 'test', 'import', 'fixtures');

/** Replaces every `from` by `to` in a file; fails when `from` is not there, so a changed fixture cannot void the case. */
function recase(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text, `${file} should contain ${from}`).toContain(from);
  writeFileSync(file, text.split(from).join(to));
}

const CASES: [string, string, [string, string][]][] = [
  ['zendesk-tables', 'user.csv', [[',agent,', ',Agent,'], [',admin,', ',ADMIN,'], [',end-user,', ',End-User,']]],
  ['zendesk', 'users.json', [['"role": "agent"', '"role": "Agent"'], ['"role": "admin"', '"role": "Admin"'], ['"role": "end-user"', '"role": "End-user"']]],
];

describe('slac import reads Zendesk user roles in any case', () => {
  const root = mkdtempSync(join(tmpdir(), 'slac-import-roles-'));

  it.each(CASES)('%s: %s with recased roles gives the same log, and no user is skipped', (source, file, edits) => {
    const asIs = runBuiltCli(['import', source, join(FIXTURES, source), '-o', join(root, `${source}.as-is.ndjson`)], root);
    expect(asIs.code).toBe(0);
    const dir = join(root, source);
    cpSync(join(FIXTURES, source), dir, { recursive: true });
    rmSync(join(dir, 'README.md'), { force: true });
    for (const [from, to] of edits) recase(join(dir, file), from, to);
    const recased = runBuiltCli(['import', source, dir, '-o', join(root, `${source}.recased.ndjson`)], root);
    expect(recased.code).toBe(0);
    expect(recased.stderr).not.toMatch(/has the role '(Agent|ADMIN|Admin|End-User|End-user)'/);
    expect(readFileSync(join(root, `${source}.recased.ndjson`), 'utf8')).toBe(readFileSync(join(root, `${source}.as-is.ndjson`), 'utf8'));
  });
});
