import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * `slac compile a.sla -o a.md` wrote a PDF into a.md: --format defaults to
 * pdf, whatever -o is called. Without --format, -o's extension now gives the
 * format; a --format that contradicts it is refused before anything is
 * written. Through the built CLI, as users run it.
 */
const agreement = join(repoRoot, 'examples', 'poologics.sla');
const START = { pdf: '%PDF-', html: '<!DOCTYPE html>', md: '# ' } as const;

describe('slac compile -o FILE: the format from its extension', () => {
  it.each([
    ['terms.md', [], 'md'],
    ['terms.markdown', [], 'md'],
    ['terms.html', [], 'html'],
    ['TERMS.HTM', [], 'html'],
    ['terms.md', ['--format', 'md'], 'md'],
    ['terms.txt', ['--format', 'html'], 'html'],
    ['terms.txt', [], 'pdf'],
    ['terms.pdf', [], 'pdf'],
  ] as const)('-o %s %j writes %s', (name, flags, format) => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-output-format-'));
    const run = runBuiltCli(['compile', agreement, '-o', name, ...flags], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`Wrote ${join(dir, name)}\n`);
    expect(readFileSync(join(dir, name), 'latin1').startsWith(START[format]), name).toBe(true);
  }, 60_000);

  it.each([
    ['terms.md', 'pdf', "-o terms.md names a Markdown file, but --format pdf writes a PDF: give --format md, or an output name ending in .pdf."],
    ['terms.pdf', 'html', "-o terms.pdf names a PDF, but --format html writes an HTML page: give --format pdf, or an output name ending in .html."],
  ])('-o %s --format %s is refused, nothing written', (name, format, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-output-format-'));
    const run = runBuiltCli(['compile', agreement, '-o', name, '--format', format], dir);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 2, stdout: '', stderr: `slac: ${message}\n` });
    expect(existsSync(join(dir, name))).toBe(false);
  });
});
