import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * `-o -` (and `--output -`) means standard output, as is usual: a command
 * whose output is text writes to standard output exactly what it writes
 * without `-o` (compile: what it writes into its file); one whose output
 * cannot be text (a PDF, a folder of pages) refuses it. No command writes a
 * file named `-`; `-o ./-` still does.
 */

const fixture = (path: string): string => join(repoRoot, path);
const zendeskTables = fixture('test/import/fixtures/zendesk-tables');
const zendeskAgreement = fixture('test/import/fixtures/zendesk-tables.sla');
const initTables = fixture('test/import/fixtures/zendesk-tables-init/business-hours');
const portfolio = fixture('examples/multilevel/departments.sla');

/** A working folder holding an agreement and its ticket log, and nothing else. */
function workingFolder(): string {
  const folder = freshFolder('output-dash');
  copyFileSync(fixture('examples/poologics.sla'), join(folder, 'a.sla'));
  copyFileSync(fixture('examples/logs/poologics.tickets.csv'), join(folder, 'log.csv'));
  return folder;
}

const listing = (folder: string): string[] => readdirSync(folder).sort();

/** Commands whose output is text: `args` without -o, and where that output lands (`stdout`, or the file compile writes). */
const TEXT_OUTPUTS: { name: string; args: string[]; lands: 'stdout' | string }[] = [
  { name: 'check (text report)', args: ['check', 'a.sla', 'log.csv'], lands: 'stdout' },
  { name: 'check --format json', args: ['check', 'a.sla', 'log.csv', '--format', 'json'], lands: 'stdout' },
  { name: 'check --format csv', args: ['check', 'a.sla', 'log.csv', '--format', 'csv'], lands: 'stdout' },
  { name: 'check --log-format zendesk-tables', args: ['check', zendeskAgreement, '--log-format', 'zendesk-tables', zendeskTables], lands: 'stdout' },
  { name: 'import (NDJSON log)', args: ['import', 'zendesk-tables', zendeskTables], lands: 'stdout' },
  { name: 'init (draft agreement)', args: ['init', '--from', 'zendesk-tables', initTables], lands: 'stdout' },
  { name: 'compile --format md', args: ['compile', 'a.sla', '--format', 'md'], lands: 'a.md' },
  { name: 'compile --format html', args: ['compile', 'a.sla', '--format', 'html'], lands: 'a.html' },
  { name: 'compile --emit model', args: ['compile', 'a.sla', '--emit', 'model'], lands: 'a.sla.json' },
  { name: 'compile --emit evaluator', args: ['compile', 'a.sla', '--emit', 'evaluator'], lands: 'a.evaluator.mjs' },
];

describe('-o - where the output is text', () => {
  it.each(TEXT_OUTPUTS)('$name: standard output, the bytes written without -o, and no file named -', ({ args, lands }) => {
    const folder = workingFolder();
    const plain = runBuiltCli(args, folder);
    expect(plain.code, plain.stderr).not.toBe(2);
    const expected = lands === 'stdout' ? plain.stdout : readFileSync(join(folder, lands), 'utf8');
    if (lands !== 'stdout') rmSync(join(folder, lands));
    expect(expected.length).toBeGreaterThan(0);
    const before = listing(folder);
    for (const option of ['-o', '--output']) {
      const dashed = runBuiltCli([...args, option, '-'], folder);
      expect({ code: dashed.code, stdout: dashed.stdout }, `${option} -: ${dashed.stderr}`).toEqual({ code: plain.code, stdout: expected });
      expect(listing(folder), `${option} -`).toEqual(before);
    }
  });
});

/** Commands whose output is no stream of text: `-o -` refused with what to give instead. */
const REFUSED: { name: string; args: string[]; says: string }[] = [
  { name: 'compile (a PDF)', args: ['compile', 'a.sla'], says: 'slac: -o -: a PDF cannot go to standard output; give a file name ending in .pdf, or --format html or md.' },
  { name: 'compile a portfolio', args: ['compile', portfolio, '--format', 'md'], says: 'slac: -o -: a portfolio compiles to a folder of documents, which cannot go to standard output; give a folder name.' },
  { name: 'report (a site)', args: ['report', 'a.sla', 'log.csv'], says: 'slac: -o -: the site is a folder of pages, which cannot go to standard output; give a folder name.' },
  { name: 'report --format pdf', args: ['report', 'a.sla', 'log.csv', '--format', 'pdf'], says: 'slac: -o -: the review pack is a PDF, which cannot go to standard output; give a folder, or a file name ending in .pdf.' },
];

describe('-o - where the output cannot be text', () => {
  it.each(REFUSED)('$name: refused in one line, exit 2, nothing written', ({ args, says }) => {
    const folder = workingFolder();
    const before = listing(folder);
    for (const option of ['-o', '--output']) {
      const run = runBuiltCli([...args, option, '-'], folder);
      expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 2, stdout: '', stderr: `${says}\n` });
      expect(listing(folder)).toEqual(before);
    }
  });
});

describe('-o ./-', () => {
  it('still writes a file named -', () => {
    const folder = workingFolder();
    const plain = runBuiltCli(['check', 'a.sla', 'log.csv'], folder);
    const run = runBuiltCli(['check', 'a.sla', 'log.csv', '-o', './-'], folder);
    expect(run.code).toBe(plain.code);
    expect(run.stdout).toBe('');
    expect(readFileSync(join(folder, '-'), 'utf8')).toBe(plain.stdout);
  });
});

/** The description `COMMAND --help` gives for `-o, --output`, its wrapped lines joined. */
function outputHelp(command: string): string {
  const help = runBuiltCli([command, '--help'], repoRoot).stdout;
  const lines = help.split('\n');
  const first = lines.findIndex((line) => line.trimStart().startsWith('-o, --output'));
  expect(first, `${command} --help has no -o`).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(first + 1);
  const end = rest.findIndex((line) => !/^ {10,}\S/.test(line));
  const text = [lines[first]!, ...rest.slice(0, end)].map((line) => line.trim()).join(' ');
  return text.replace(/^-o, --output <\w+>\s+/, '');
}

/** What each command's help says of `-o -`: where it works (TEXT_OUTPUTS above) and where it is refused (REFUSED). */
const OUTPUT_HELP: { command: string; says: string[]; saysNot: string[] }[] = [
  { command: 'check', says: ["'-' is stdout"], saysNot: [] },
  { command: 'import', says: ["'-' is stdout"], saysNot: [] },
  { command: 'init', says: ["'-' is stdout"], saysNot: [] },
  { command: 'compile', says: ["'-' is stdout for --format html or md and --emit", 'not for a PDF or a portfolio'], saysNot: [] },
  { command: 'report', says: ["'-' is refused"], saysNot: ['is stdout'] },
];

describe('--help for -o', () => {
  it.each(OUTPUT_HELP)('$command: says what -o - does', ({ command, says, saysNot }) => {
    const text = outputHelp(command);
    for (const words of says) expect(text).toContain(words);
    for (const words of saysNot) expect(text).not.toContain(words);
  });
});
