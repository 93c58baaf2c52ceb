import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, nodeSourceHost, type SourceHost } from '../../../language/workspace/index.js';

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples');
const examples = [
  ...readdirSync(examplesDir).filter((name) => name.endsWith('.sla')).map((name) => join(examplesDir, name)),
  ...readdirSync(join(examplesDir, 'multilevel')).map((name) => join(examplesDir, 'multilevel', name)),
];

/** A seeded generator, so every run cuts the same texts. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** The example cut short at 150 places, and with 50 random runs of characters dropped. */
function variantsOf(text: string): string[] {
  const next = random(text.length);
  const variants: string[] = [];
  for (let i = 0; i < 150; i++) variants.push(text.slice(0, Math.floor((i / 150) * text.length)));
  for (let i = 0; i < 50; i++) {
    const at = Math.floor(next() * text.length);
    variants.push(text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 8)));
  }
  return variants;
}

describe('analyze on truncated examples', () => {
  it.each(examples)('never throws, and reports inside the text, on %s cut short', (file) => {
    for (const variant of variantsOf(readFileSync(file, 'utf8'))) {
      const host: SourceHost = { readFile: (path) => (path === file ? variant : nodeSourceHost.readFile(path)) };
      const analysis = analyze(file, host);
      const lines = variant.split(/\r\n|\r|\n/);
      for (const { range } of analysis.diagnostics.filter((d) => d.file === file)) {
        expect(range.start.line).toBeLessThan(lines.length);
        expect(range.end.line).toBeLessThan(lines.length);
        expect(range.end.character).toBeLessThanOrEqual(lines[range.end.line]!.length);
      }
      if (analysis.diagnostics.some((d) => d.severity === 'error')) expect(analysis.model).toBeUndefined();
      else expect(analysis.model).toBeDefined();
    }
  });
});
