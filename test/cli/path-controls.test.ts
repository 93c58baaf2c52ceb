import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, LOG_HEADER } from './hardening-fixtures.js';

/**
 * A file or folder name may hold any byte but `/` and NUL: an escape
 * sequence, a bell, a line feed. The path printed before a diagnostic or a
 * log error (`file:line:col:`) is escaped as the message after it is, so a
 * name cannot set the terminal's title, clear it, nor forge an output line.
 */

/** Any control character but the line feeds that end output lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/** A name part that sets the terminal's title, rings, and starts a new line. */
const NASTY = '\u001b]0;pwned\u0007\n\u009b2J';
const SHOWN = '\\u{1b}]0;pwned\\u{7}\\n\\u{9b}2J';

/** For a folder named in an import, whose string cannot hold a line feed. */
const NASTY_ONE_LINE = '\u001b]0;pwned\u0007\u009b2J';
const SHOWN_ONE_LINE = '\\u{1b}]0;pwned\\u{7}\\u{9b}2J';

const BROKEN_SLA = 'agreement X {\n  titl "x"\n}\n';

function folderWithNastyNames(): string {
  const folder = freshFolder('path-controls');
  writeFileSync(join(folder, `ok${NASTY}.sla`), agreementText());
  writeFileSync(join(folder, `bad${NASTY}.sla`), BROKEN_SLA);
  writeFileSync(join(folder, `ugly${NASTY}.sla`), 'agreement   X {\n  title "x"\n}\n');
  mkdirSync(join(folder, `dir${NASTY}`));
  mkdirSync(join(folder, `imported${NASTY_ONE_LINE}`));
  writeFileSync(join(folder, `imported${NASTY_ONE_LINE}`, 'inc.sla'), 'calendar Extra {\n  timezon "UTC"\n}\n');
  writeFileSync(join(folder, 'main.sla'), agreementText(`import "imported${NASTY_ONE_LINE}/inc.sla"\n`));
  writeFileSync(join(folder, `log${NASTY}.csv`), `${LOG_HEADER}\nT1,bad,created,High,Email,,,\n`);
  writeFileSync(join(folder, `warn${NASTY}.ndjson`), '{"ticket":"A","time":"2026-03-02T09:00:00+01:00","event":"created","severity":"High","channel":"Email","zz":1}\n');
  return folder;
}

const folder = folderWithNastyNames();

describe('a path with control characters, printed before a diagnostic or a log error', () => {
  it.each([
    { command: 'validate', args: ['validate', `bad${NASTY}.sla`], expected: `bad${SHOWN}.sla:2:3: error SLA1012:` },
    { command: 'validate (summary)', args: ['validate', `ok${NASTY}.sla`], expected: `ok${SHOWN}.sla: no problems` },
    { command: 'validate (imported file)', args: ['validate', 'main.sla'], expected: `imported${SHOWN_ONE_LINE}/inc.sla:2:3: error SLA1012:` },
    { command: 'compile', args: ['compile', 'main.sla', '--format', 'md', '-o', 'out.md'], expected: `imported${SHOWN_ONE_LINE}/inc.sla:2:3: error SLA1012:` },
    { command: 'check (log error)', args: ['check', `ok${NASTY}.sla`, `log${NASTY}.csv`], expected: `log${SHOWN}.csv:2: key 'time':` },
    { command: 'check (log warning)', args: ['check', `ok${NASTY}.sla`, `warn${NASTY}.ndjson`], expected: `warn${SHOWN}.ndjson:1: warning: key 'zz':` },
    { command: 'fmt (syntax error)', args: ['fmt', '--check', `bad${NASTY}.sla`], expected: `bad${SHOWN}.sla:2:3: error SLA1012:` },
    { command: 'fmt (would reformat)', args: ['fmt', '--check', `ugly${NASTY}.sla`], expected: `would reformat ugly${SHOWN}.sla` },
    { command: 'check (a user error)', args: ['check', `ok${NASTY}.sla`, `dir${NASTY}`], expected: `slac: cannot read dir${SHOWN}: it is a folder` },
    { command: 'fmt (a file it cannot read)', args: ['fmt', `dir${NASTY}`], expected: `slac: cannot read dir${SHOWN}: it is a folder` },
  ])('$command', ({ args, expected }) => {
    const run = runBuiltCli(args, folder);
    const output = run.stdout + run.stderr;
    expect(output).toContain(expected);
    expect(output).not.toMatch(RAW_CONTROL);
  });

  it('keeps the path as it is in JSON output, which escapes it as data', () => {
    const run = runBuiltCli(['validate', '--format', 'json', `bad${NASTY}.sla`], folder);
    expect(JSON.parse(run.stdout)[0].file).toBe(`bad${NASTY}.sla`);
  });
});
