import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * Text from the inputs (log keys, source lines, client names) never reaches
 * the terminal raw, through the built CLI: a control character, DEL, a C1
 * control or a Unicode line separator is printed as an escape (`\u{1b}`,
 * `\n`), so an input cannot send escape sequences nor forge output lines.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-terminal-controls-'));
const agreement = join(repoRoot, 'examples', 'poologics.sla');

/** Any control character but the line feeds that end output lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

const controls = [
  { name: 'ESC', character: '\u001b', shown: '\\u{1b}' },
  { name: 'BEL', character: '\u0007', shown: '\\u{7}' },
  { name: 'CR', character: '\r', shown: '\\r' },
  { name: 'LF', character: '\n', shown: '\\n' },
  { name: 'C1 CSI', character: '\u009b', shown: '\\u{9b}' },
  { name: 'U+2028', character: '\u2028', shown: '\\u{2028}' },
];

/** The line of `output` that has `code`, which must be there once. */
function lineWith(output: string, code: string): string {
  const lines = output.split('\n').filter((line) => line.includes(code));
  expect(lines, output).toHaveLength(1);
  return lines[0]!;
}

describe('a log key with a control character (SLA4011)', () => {
  it.each(controls)('NDJSON key with $name', ({ name, character, shown }) => {
    const log = `ndjson-${controls.findIndex((control) => control.name === name)}.ndjson`;
    const row = { ticket: 'T1', time: '2026-01-05T08:23:00-05:00', event: 'created', severity: 'Critical', channel: 'Chat', [`note${character}[2J`]: 'x' };
    writeFileSync(join(folder, log), `${JSON.stringify(row)}\n`);
    const run = runBuiltCli(['check', agreement, log], folder);
    expect(run.code, run.stderr).toBe(0);
    expect(lineWith(run.stderr, 'SLA4011')).toContain(`${log}:1: warning: key 'note${shown}[2J':`);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });

  it.each(controls)('CSV column with $name', ({ name, character, shown }) => {
    const log = `csv-${controls.findIndex((control) => control.name === name)}.csv`;
    writeFileSync(join(folder, log), `ticket,time,event,"x${character}[31m"\nT1,2026-01-05T08:23:00-05:00,created,\n`);
    const run = runBuiltCli(['check', agreement, log], folder);
    expect(run.code, run.stderr).toBe(0);
    expect(lineWith(run.stderr, 'SLA4011')).toContain(`${log}:1: warning: key 'x${shown}[31m':`);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('a source line with a control character, quoted under a diagnostic', () => {
  it.each(controls)('$name in a string of the agreement', ({ name, character }) => {
    const file = `zone-${controls.findIndex((control) => control.name === name)}.sla`;
    writeFileSync(join(folder, file), `calendar C {\n  timezone "Eu${character}[2Jrope/Berlin" // ${character}]0;title${character}\n  hours Mon-Fri 08:00-17:00\n}\n`);
    const run = runBuiltCli(['validate', file], folder);
    expect(run.code, run.stdout).toBe(2);
    expect(run.stdout).toContain(`${file}:2:`);
    expect(run.stdout).toContain('  timezone "Eu');
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
  });

  it('in an imported file that holds no .sla text at all', () => {
    writeFileSync(join(folder, 'evil.sla'), '\u001b]0;pwned\u0007\u001b[2J\u009b31m\u2028SECRET\r=1 @@@\n');
    writeFileSync(join(folder, 'imports-evil.sla'), 'import "evil.sla"\n');
    const run = runBuiltCli(['validate', 'imports-evil.sla'], folder);
    expect(run.code, run.stdout).toBe(2);
    expect(run.stdout).toContain('evil.sla:1:1: error SLA1001:');
    expect(run.stdout).toContain('\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{9b}31m\\u{2028}SECRET\\r=1 @@@\n^');
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('a client name with a control character, in the portfolio text report', () => {
  // Written in the .sla string as it is, the line feed as `\n` (a string ends on its line; a carriage return cannot be written in one).
  // ESC, BEL and C1 controls cannot be written in a string at all (SLA1024): see the next test.
  it.each(controls.filter(({ name }) => name === 'LF' || name === 'U+2028'))('$name in the client name', ({ name, character }) => {
    const index = controls.findIndex((control) => control.name === name);
    const written = character === '\n' ? '\\n' : character;
    writeFileSync(join(folder, `portfolio-${index}.sla`), `portfolio P {\n  client "X${written}[2J", "x" uses "${agreement}"\n}\n`);
    writeFileSync(join(folder, 'portfolio.csv'), 'ticket,time,event,severity,channel,status,author,level,client\nT1,2026-01-05T08:23:00-05:00,created,Critical,Chat,,,,x\n');
    const run = runBuiltCli(['check', `portfolio-${index}.sla`, 'portfolio.csv', '--allow-import-outside'], folder);
    expect(run.code, run.stderr).toBe(0);
    // The text report writes every control character as \u{...}, a line feed too.
    const shown = `\\u{${character.charCodeAt(0).toString(16)}}`;
    expect(run.stdout).toContain(`  X${shown}[2J  PoologicsSupport`);
    expect(run.stdout).toContain(`== Client X${shown}[2J: agreement PoologicsSupport`);
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
  });

  it.each(controls.filter(({ name }) => ['ESC', 'BEL', 'C1 CSI'].includes(name)))('$name in the client name is refused (SLA1024), the character named', ({ name, character }) => {
    const index = controls.findIndex((control) => control.name === name);
    writeFileSync(join(folder, `portfolio-${index}.sla`), `portfolio P {\n  client "X${character}[2J", "x" uses "${agreement}"\n}\n`);
    writeFileSync(join(folder, 'portfolio.csv'), 'ticket,time,event,severity,channel,status,author,level,client\nT1,2026-01-05T08:23:00-05:00,created,Critical,Chat,,,,x\n');
    const run = runBuiltCli(['check', `portfolio-${index}.sla`, 'portfolio.csv', '--allow-import-outside'], folder);
    expect(run.code, run.stderr).toBe(2);
    const named = `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    expect(run.stdout + run.stderr).toContain(`portfolio-${index}.sla:2:12: error SLA1024: The control character ${named}`);
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe("an argument with a control character, quoted in commander's own errors", () => {
  it.each([
    ['an unknown option', ['check', '--\u001b[31mx'], "slac: unknown option '--\\u{1b}[31mx'"],
    ['an unknown command', ['\u001b[31mfoo'], "slac: unknown command '\\u{1b}[31mfoo'"],
    ["an unknown option of explain, with its hint", ['explain', agreement, 'log.csv', '-\u001b[2J'], "If '-\\u{1b}[2J' is the ticket id, put -- before it"],
  ])('%s', (_name, args, shown) => {
    const run = runBuiltCli(args, folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(shown);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });
});
