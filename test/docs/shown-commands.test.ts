/**
 * What the user docs show a command printing, and the options they spell,
 * held to the built CLI (`npm run build` first), so the docs cannot drift
 * from the code silently. A block shown as output is cut at its `...` lines;
 * each piece must stand in the output as written, line after line, and a
 * line that ends in `, ...` must begin an output line.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from '../cli/built-cli.js';

function doc(name: string): string {
  return readFileSync(join(repoRoot, name), 'utf8');
}

/** The fenced blocks of a doc, as text. */
function blocks(text: string): string[] {
  return [...text.matchAll(/^\s*```[a-z]*\n([\s\S]*?)^\s*```/gm)].map((match) => match[1]!);
}

/** Whether the doc's lines (no `...` among them) stand in the output one after the other. */
function standsIn(shown: string[], output: string[]): boolean {
  const matches = (want: string, got: string | undefined): boolean =>
    got !== undefined && (want.endsWith(', ...') ? got.startsWith(want.slice(0, -3)) : got === want);
  return output.some((_, start) => shown.every((line, offset) => matches(line, output[start + offset])));
}

/** The doc's block cut at its `...` lines, without blank pieces. */
function pieces(block: string[]): string[][] {
  const cut: string[][] = [[]];
  for (const line of block) {
    if (line.trim() === '...') cut.push([]);
    else cut.at(-1)!.push(line);
  }
  return cut.filter((piece) => piece.length > 0);
}

describe('docs/check.md: slac explain on the bundled example', () => {
  const block = blocks(doc('docs/check.md')).find((text) => text.startsWith('$ slac explain '))!;
  const [command, ...shown] = block.trimEnd().split('\n');

  it('is there', () => {
    expect(command).toBe('$ slac explain examples/letsflo.sla examples/logs/letsflo.tickets.csv LF-1164');
  });

  it('prints every piece the doc shows, as shown', () => {
    const run = runBuiltCli(command!.slice('$ slac '.length).split(' '), repoRoot);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const output = run.stdout.split('\n');
    for (const piece of pieces(shown)) expect(standsIn(piece, output), piece.join('\n')).toBe(true);
  });
});

describe('docs/check.md: the evaluator module', () => {
  it('is written under the name the example imports', () => {
    const block = blocks(doc('docs/check.md')).find((text) => text.includes('.evaluator.mjs'))!;
    const imported = /from '\.\/([^']+)'/.exec(block)![1]!;
    const folder = mkdtempSync(join(tmpdir(), 'slac-docs-'));
    copyFileSync(join(repoRoot, 'examples', 'poologics.sla'), join(folder, 'poologics.sla'));
    const run = runBuiltCli(['compile', 'poologics.sla', '--emit', 'evaluator'], folder);
    expect(run.code).toBe(0);
    expect(existsSync(join(folder, imported)), imported).toBe(true);
  });
});

/** The long options of a command, as its --help lists them. */
function helpOptions(command: string): string[] {
  const help = runBuiltCli([command, '--help'], repoRoot).stdout;
  return [...help.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((match) => match[1]!).filter((option) => option !== '--help');
}

/** The options a doc's synopsis lines of `slac COMMAND` spell. */
function synopsisOptions(text: string, command: string): string[] {
  const lines = blocks(text).flatMap((block) => block.split(/\n(?=slac )/).filter((part) => part.startsWith(`slac ${command} `)));
  const spelled = lines.join('\n').match(/--[a-z-]+/g) ?? [];
  // `-o` is the short form of --output, which is how every synopsis spells it.
  return [...new Set(/(^|[\s[|])-o /m.test(lines.join('\n')) ? [...spelled, '--output'] : spelled)];
}

// Options documented elsewhere than in each synopsis: docs/language.md (imports), except on the
// compile page, whose messages (SLA2010, SLA2013) send the reader to the option.
const documentedElsewhere = (file: string): Set<string> => new Set(file === 'docs/compile.md' ? [] : ['--allow-import-outside']);

describe.each([
  ['docs/check.md', 'check'],
  ['docs/check.md', 'explain'],
  ['docs/report.md', 'report'],
  ['docs/import.md', 'import'],
  ['docs/import.md', 'init'],
  ['docs/compile.md', 'compile'],
  ['README.md', 'check'],
  ['README.md', 'report'],
  ['README.md', 'explain'],
  ['README.md', 'import'],
  ['README.md', 'init'],
])('%s: the synopsis of slac %s', (file, command) => {
  const shown = synopsisOptions(doc(file), command);
  const real = helpOptions(command);

  it('spells only options the command has', () => {
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((option) => !real.includes(option))).toEqual([]);
  });

  // README.md's synopses are a summary (`[--log-format ...]`); the pages under docs/ give every option.
  if (file === 'README.md') return;
  it('shows every option the command has (check.md: its synopsis or its table)', () => {
    // The first cells of the options table, which check.md has beside its synopsis.
    const table = file === 'docs/check.md' && command === 'check' ? doc(file).split('## The logs')[0]!.match(/^\| [^|]*/gm)!.join(' ') : '';
    const missing = real.filter((option) => !documentedElsewhere(file).has(option) && !shown.includes(option) && !table.includes(`\`${option}`));
    expect(missing).toEqual([]);
  });
});
