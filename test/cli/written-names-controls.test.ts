import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * The lines that say what was written ("Wrote FILE", "Wrote FILE (CLIENT)",
 * "slac: wrote N pages ... to DIR") printed the -o path and a portfolio's
 * client name raw, so an ESC ]0;title BEL, a CR or a line feed in them
 * reached the terminal. They are now escaped as the messages about the same
 * files are. Through the built CLI.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-written-names-'));
copyFileSync(join(repoRoot, 'examples', 'poologics.sla'), join(folder, 'poologics.sla'));
copyFileSync(join(repoRoot, 'test', 'cli', 'fixtures', 'portfolio-ties', 'agreement.sla'), join(folder, 'agreement.sla'));

/** ESC ]0;T BEL (sets a terminal's title), CR, LF and a C1 CSI. */
const CONTROLS = '\u001b]0;T\u0007\r\n\u009b';
const SHOWN = '\\u{1b}]0;T\\u{7}\\r\\n\\u{9b}';
/** Any control character but the line feeds that end output lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/** The output of a run, which must have succeeded and written no raw control character and no line of its own. */
function cleanOutput(args: string[]): string {
  const run = runBuiltCli(args, folder);
  expect(run.code, run.stderr).toBe(0);
  const output = run.stdout + run.stderr;
  expect(output).not.toMatch(RAW_CONTROL);
  expect(output).not.toMatch(/^\u009b/m);
  return output;
}

describe('the names of what was written are escaped', () => {
  it('slac compile -o FILE', () => {
    expect(cleanOutput(['compile', 'poologics.sla', '--format', 'md', '-o', `one${CONTROLS}.md`])).toBe(`Wrote ${join(folder, 'one')}${SHOWN}.md\n`);
  });

  it("slac compile PORTFOLIO: the client's name", () => {
    // A string ends at its line, so the name holds no line break; a raw control character in a string is
    // SLA1024 (below), so the name holds the line and paragraph separators and a bidirectional override.
    writeFileSync(join(folder, 'portfolio.sla'), `portfolio Ties {\n  client "Ac\u2028\u2029\u202eme" uses "agreement.sla"\n}\n`);
    const output = cleanOutput(['compile', 'portfolio.sla', '--format', 'md', '-o', 'clients']);
    expect(output).toMatch(/^Wrote .*clients\/[^\n]*\.md \(Ac.*me\)\n$/);
    expect(output).toContain('(Ac\\u{2028}\\u{2029}\\u{202e}me)\n');
  });

  it("slac compile PORTFOLIO: a client's name with ESC, BEL and CSI is refused (SLA1024), the character named", () => {
    writeFileSync(join(folder, 'portfolio-controls.sla'), `portfolio Ties {\n  client "Ac\u001b]0;T\u0007\u009bme" uses "agreement.sla"\n}\n`);
    const run = runBuiltCli(['compile', 'portfolio-controls.sla', '--format', 'md', '-o', 'refused'], folder);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
    expect(run.stderr).toContain('portfolio-controls.sla:2:13: error SLA1024: The control character U+001B');
  });

  it('slac report -o DIR', () => {
    const log = join(repoRoot, 'examples', 'logs', 'poologics.tickets.csv');
    const output = cleanOutput(['report', 'poologics.sla', log, '-o', `site${CONTROLS}`]);
    expect(output).toContain(`to site${SHOWN}; open site${SHOWN}/index.html.\n`);
  });
});
