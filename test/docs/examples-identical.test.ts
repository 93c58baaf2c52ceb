import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
// The specification's examples live beside the checkout (../shared) in the
// project's workspace and in CI; a published copy of slac has only its own.
const specExamples = join(root, '..', 'shared', 'examples');

function slaFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return slaFiles(path);
    return entry.name.endsWith('.sla') ? [path] : [];
  });
}

describe.skipIf(!existsSync(specExamples))('examples/ copies the specification examples unchanged', () => {
  const files = existsSync(specExamples) ? slaFiles(specExamples).map((file) => relative(specExamples, file)) : [];
  it('has every specification example', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(existsSync(join(root, 'examples', file)), file).toBe(true);
  });
  it.each(files)('%s is byte-identical', (file) => {
    expect(readFileSync(join(root, 'examples', file)).equals(readFileSync(join(specExamples, file)))).toBe(true);
  });
});
