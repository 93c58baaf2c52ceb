import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from '../cli/built-cli.js';

/** The long options a command's --help lists, as the built CLI prints them. */
function optionsOf(command: string): string[] {
  const help = runBuiltCli([command, '--help'], repoRoot).stdout;
  const options = [...help.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((match) => match[1]!);
  return [...new Set(options)].filter((option) => option !== '--help');
}

describe('docs/compile.md names every option of slac compile', () => {
  const docs = readFileSync(join(repoRoot, 'docs', 'compile.md'), 'utf8');
  // The synopsis is what a reader scans for an option; the table says what it does.
  const synopsis = docs.split('```')[1]!;

  it('the built CLI has the options this test reads', () => {
    expect(optionsOf('compile')).toContain('--emit');
  });

  for (const option of optionsOf('compile')) {
    it(`${option} is in the synopsis`, () => {
      expect(synopsis.includes(option) || (option === '--output' && synopsis.includes('-o FILE'))).toBe(true);
    });
  }
});
