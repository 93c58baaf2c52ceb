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

/**
 * `slac compile a.sla --emit model -o a.pdf` wrote the model's JSON into
 * a.pdf, and `--emit evaluator -o a.md` a JavaScript module into a.md: an -o
 * named as a document contradicts --emit, as --format does (refused), so it
 * is refused before anything is written; other names are written as before.
 */
describe('slac compile --emit -o FILE named as a document', () => {
  it.each([
    ['terms.pdf', 'model', '-o terms.pdf names a PDF, but --emit model writes the compiled model (JSON): give an output name ending in .sla.json.'],
    ['terms.md', 'evaluator', '-o terms.md names a Markdown file, but --emit evaluator writes a JavaScript module: give an output name ending in .evaluator.mjs.'],
    ['TERMS.HTM', 'model', '-o TERMS.HTM names an HTML page, but --emit model writes the compiled model (JSON): give an output name ending in .sla.json.'],
  ])('-o %s --emit %s is refused, nothing written', (name, emit, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-output-format-'));
    const run = runBuiltCli(['compile', agreement, '-o', name, '--emit', emit], dir);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 2, stdout: '', stderr: `slac: ${message}\n` });
    expect(existsSync(join(dir, name))).toBe(false);
  });

  it.each([['m.sla.json', 'model', '{'], ['m.json', 'model', '{'], ['e.evaluator.mjs', 'evaluator', '//']])('-o %s --emit %s is written', (name, emit, start) => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-output-format-'));
    const run = runBuiltCli(['compile', agreement, '-o', name, '--emit', emit], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, name), 'utf8').startsWith(start)).toBe(true);
  });
});

/**
 * `--paper letter` with a Markdown document did nothing without a word: a
 * Markdown file has no page. One line says so; the document is written as
 * asked. HTML (its print styles) and the default paper say nothing.
 */
describe('slac compile --paper with a Markdown document', () => {
  const NOTE = "slac: --paper letter has no effect on a Markdown document, which has no page; it sets the page of a PDF or of the HTML's printing.\n";
  it.each([
    ['-o terms.md --paper letter', ['-o', 'terms.md', '--paper', 'letter'], NOTE],
    ['--format md -o terms.txt --paper letter', ['--format', 'md', '-o', 'terms.txt', '--paper', 'letter'], NOTE],
    ['-o terms.md (the default paper)', ['-o', 'terms.md'], ''],
    ['-o terms.html --paper letter', ['-o', 'terms.html', '--paper', 'letter'], ''],
  ])('%s', (_name, flags, stderr) => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-output-format-'));
    const run = runBuiltCli(['compile', agreement, ...flags], dir);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr });
  }, 60_000);
});
