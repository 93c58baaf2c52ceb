import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * An option given twice kept its last value without a word: `slac report
 * --period 2026-03 --period 2026-04` wrote April's report to a user who
 * asked for March too. A second value is now refused, exit 2, nothing
 * written; `--param`, made to repeat, still gathers every value, and a flag
 * without a value may be repeated. Through the built CLI.
 */

const agreement = 'examples/letsflo.sla';
const log = 'examples/logs/letsflo.tickets.csv';

describe('an option given twice', () => {
  it.each([
    ['report --period', ['report', agreement, log, '--period', '2026-03', '--period', '2026-04', '-o', 'unused'], '--period is given twice (2026-03, then 2026-04); give it once.'],
    ['check --as-of', ['check', agreement, log, '--as-of', '2026-03-01T00:00:00Z', '--as-of', '2026-04-01T00:00:00Z'], '--as-of is given twice (2026-03-01T00:00:00Z, then 2026-04-01T00:00:00Z); give it once.'],
    ['check -o and --output', ['check', agreement, log, '-o', 'a.json', '--output', 'b.json'], '--output is given twice (a.json, then b.json); give it once.'],
    ['check --format', ['check', agreement, log, '--format', 'json', '--format', 'csv'], '--format is given twice (json, then csv); give it once.'],
    ['compile --paper', ['compile', agreement, '--format', 'html', '--paper', 'a4', '--paper', 'letter', '-o', 'unused.html'], '--paper is given twice (a4, then letter); give it once.'],
  ])('%s: refused, exit 2', (_, args, message) => {
    const folder = mkdtempSync(join(tmpdir(), 'slac-repeated-'));
    const run = runBuiltCli(args.map((arg) => (arg === 'unused' || arg.endsWith('.json') || arg.endsWith('.html') ? join(folder, arg) : arg)), repoRoot);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
    expect(run.stderr).toContain(message.replace(/(a|b)\.json|unused/g, (name) => join(folder, name)));
  });

  it('--param, made to repeat, gathers every value; a flag without a value may be repeated', () => {
    const folder = mkdtempSync(join(tmpdir(), 'slac-repeated-'));
    const run = runBuiltCli(['compile', agreement, '--format', 'md', '--param', 'Unused=1', '--param', 'Other=2', '-o', join(folder, 'out.md')], repoRoot);
    expect(run.stderr).not.toContain('given twice');
    const strict = runBuiltCli(['check', agreement, log, '--strict', '--strict'], repoRoot);
    expect(strict.stderr).not.toContain('given twice');
    expect([0, 1]).toContain(strict.code);
  });
});
