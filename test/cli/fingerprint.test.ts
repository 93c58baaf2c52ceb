import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * Issue 9: the document fingerprint identifies every source and every value
 * filled in. Edited on disk, an imported file changes the fingerprint of the
 * agreement that imports it, as a param value does.
 */
const folder = mkdtempSync(join(tmpdir(), 'slac-fingerprint-'));
for (const file of ['corporate.sla', 'finance.sla']) copyFileSync(join(repoRoot, 'examples', 'multilevel', file), join(folder, file));
copyFileSync(join(repoRoot, 'examples', 'hosting.sla'), join(folder, 'hosting.sla'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function fingerprint(agreement = 'finance.sla', ...params: string[]): string {
  const run = runBuiltCli(['compile', agreement, '--format', 'md', '-o', 'out.md', ...params], folder);
  expect(run.stderr).toBe('');
  const match = /Document fingerprint: ([0-9a-f]{12})\./.exec(readFileSync(join(folder, 'out.md'), 'utf8'));
  expect(match).not.toBeNull();
  return match![1]!;
}

describe('the document fingerprint, through the built CLI', () => {
  it('is the same for the same sources, and changes when an imported file is edited on disk', () => {
    const before = fingerprint();
    expect(fingerprint()).toBe(before);
    const corporate = join(folder, 'corporate.sla');
    writeFileSync(corporate, readFileSync(corporate, 'utf8').replace('A question or a request for information.', 'A question.'));
    expect(fingerprint()).not.toBe(before);
  });

  it('changes with a param value', () => {
    const acme = fingerprint('hosting.sla', '--param', 'CustomerName=Acme');
    expect(fingerprint('hosting.sla', '--param', 'CustomerName=Acme')).toBe(acme);
    expect(fingerprint('hosting.sla', '--param', 'CustomerName=Globex')).not.toBe(acme);
  });
});
