import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * A name quoted in a message ("did you mean 'T 1'?", "expected Chat or
 * Email") showed a no-break space, a zero-width space or an ideographic
 * space as the blank (or nothing) it looks like, so the user typed what
 * they saw and was refused again. Such characters are now written as their
 * escape (`\u{a0}`), as control characters already were. Through the built CLI.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-invisible-names-'));
const agreement = join(repoRoot, 'examples', 'poologics.sla');

const blanks = [
  { name: 'no-break space', character: '\u00a0', shown: '\\u{a0}' },
  { name: 'zero-width space', character: '\u200b', shown: '\\u{200b}' },
  { name: 'ideographic space', character: '\u3000', shown: '\\u{3000}' },
  { name: 'narrow no-break space', character: '\u202f', shown: '\\u{202f}' },
].map((blank, index) => ({ ...blank, index }));

describe('invisible characters in names quoted by messages', () => {
  it.each(blanks)('slac explain: the suggested ticket id with a $name', ({ character, shown, index }) => {
    const log = `blank-${index}.csv`;
    writeFileSync(join(folder, log), `ticket,time,event,severity,channel,status,author,level\nPL${character}1,2026-01-05T08:23:00-05:00,created,Critical,Chat,,,\n`);
    const run = runBuiltCli(['explain', agreement, log, 'PL1'], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`slac: ${log}: no ticket 'PL1' among its 1 ticket. Did you mean 'PL${shown}1'?\n`);
  });

  it.each(blanks)('slac check: a channel with a $name is quoted visibly', ({ character, shown, index }) => {
    const log = `channel-${index}.csv`;
    writeFileSync(join(folder, log), `ticket,time,event,severity,channel,status,author,level\nPL-1,2026-01-05T08:23:00-05:00,created,Critical,Ch${character}at,,,\n`);
    const run = runBuiltCli(['check', agreement, log], folder);
    expect(run.stderr).toContain(`'Ch${shown}at'`);
    expect(run.stderr).not.toContain(character);
  });
});
