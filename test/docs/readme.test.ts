import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, nodeSourceHost, type SourceHost } from '../../language/workspace/index.js';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const slaBlocks = [...readme.matchAll(/```sla\n([\s\S]*?)```/g)].map((match) => match[1]!);

/** Serves one in-memory file beside the real ones, so README snippets can import the examples. */
function overlay(file: string, text: string): SourceHost {
  return { readFile: (path) => (path === file ? text : nodeSourceHost.readFile(path)) };
}

function codesOf(file: string, text: string): string[] {
  return analyze(file, overlay(file, text)).diagnostics.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`);
}

describe('README examples', () => {
  it('has the three snippets the language section shows', () => {
    expect(slaBlocks).toHaveLength(3);
  });

  it('the whole-agreement snippet validates with no diagnostics', () => {
    expect(codesOf(join(root, 'examples', 'readme-snippet.sla'), slaBlocks[0]!)).toEqual([]);
  });

  it('the override snippet validates against the corporate terms it imports', () => {
    const file = join(root, 'examples', 'multilevel', 'readme-snippet.sla');
    expect(codesOf(file, slaBlocks[1]!)).toEqual([]);
  });

  it('the portfolio snippet validates against the agreements it uses', () => {
    const file = join(root, 'examples', 'multilevel', 'readme-portfolio.sla');
    expect(codesOf(file, slaBlocks[2]!)).toEqual([]);
  });

  it('quick start holds exactly the two commands', () => {
    const quickStart = readme.split('## Quick start')[1]!.split('\n## ')[0]!;
    const commands = [...quickStart.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.trim().split('\n'));
    expect(commands.map((line) => line.replace(/\s+#.*$/, ''))).toEqual([
      'bash scripts/setup.sh && npm run demo',
      'bash scripts/setup.sh && npm test',
    ]);
  });
});
