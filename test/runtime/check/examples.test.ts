import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main.js';
import { runBuiltCli } from '../../cli/built-cli.js';

const root = join(import.meta.dirname, '..', '..', '..');

/**
 * The example logs (examples/logs/, written by scripts/generate-logs.mjs) and
 * the reports they give. After a deliberate change of the evaluation rules,
 * regenerate with `node scripts/generate-logs.mjs --update-expected` and
 * review the difference; the test never rewrites them itself.
 */
const examples: [string, string, string][] = [
  ['poologics', 'examples/poologics.sla', 'examples/logs/poologics.tickets.csv'],
  ['hosting', 'examples/hosting.sla', 'examples/logs/hosting.tickets.ndjson'],
  ['letsflo', 'examples/letsflo.sla', 'examples/logs/letsflo.tickets.csv'],
  ['finance', 'examples/multilevel/finance.sla', 'examples/logs/finance.tickets.ndjson'],
  ['departments', 'examples/multilevel/departments.sla', 'examples/logs/departments.tickets.csv'],
];

describe('example logs', () => {
  it.each(examples)('%s gives the expected report', async (name, sla, log) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['check', sla, log, '--outages', `examples/logs/${name}.outages.csv`, '--format', 'json'], {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      stderrIsTTY: false,
      cwd: root,
    });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const expected = readFileSync(join(root, 'test', 'runtime', 'check', 'expected', `${name}.report.json`), 'utf8');
    expect(stdout).toBe(expected);
  });
});

describe('example logs through bin/slac.js on the built dist/', () => {
  it.each(examples)('%s gives the expected report', (name, sla, log) => {
    const run = runBuiltCli(['check', sla, log, '--outages', `examples/logs/${name}.outages.csv`, '--format', 'json'], root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const expected = readFileSync(join(root, 'test', 'runtime', 'check', 'expected', `${name}.report.json`), 'utf8');
    expect(run.stdout).toBe(expected);
  });
});
