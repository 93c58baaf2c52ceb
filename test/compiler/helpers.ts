import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { AgreementModel } from '../../language/model/model.js';
import { loadAgreementModel } from '../../language/workspace/index.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'test', 'compiler', 'fixtures');
export const GOLDEN = join(ROOT, 'test', 'compiler', 'golden');

/** The agreements under examples/, by a short name used for golden files. */
export const EXAMPLES = [
  { name: 'poologics', file: join(ROOT, 'examples', 'poologics.sla') },
  { name: 'hosting', file: join(ROOT, 'examples', 'hosting.sla') },
  { name: 'letsflo', file: join(ROOT, 'examples', 'letsflo.sla') },
  { name: 'finance', file: join(ROOT, 'examples', 'multilevel', 'finance.sla') },
  { name: 'hr', file: join(ROOT, 'examples', 'multilevel', 'hr.sla') },
] as const;

/** The checked model of a file; fails the test with the diagnostics when there is none. */
export function loadModel(file: string): AgreementModel {
  const { model, diagnostics } = loadAgreementModel(file);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(model).toBeDefined();
  return model!;
}

/** `pdftotext -layout` of PDF bytes. */
export function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'slac-pdf-test-'));
  const file = join(dir, 'out.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Collapses runs of white space, so sentences wrapped across lines can be found. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

/**
 * The text without the renderer's clause numbers (`**6.2**`, `**(a)**`), flattened:
 * content tests check the words, and the numbering has tests of its own.
 */
export function prose(markdown: string): string {
  return flatten(markdown.replace(/\*\*(?:\d+\.)*\d+\*\* |\*\*\([a-z]+\)\*\* /g, ''));
}
