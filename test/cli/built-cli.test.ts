import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * The end-to-end paths that depend on where files sit in the package, run
 * through bin/slac.js on the built dist/ (see built-cli.ts). The same
 * commands from the sources pass even when the bundle cannot find its files.
 */

/** A copy of examples/ in a temp folder, so outputs land there. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slac-built-cli-'));
  cpSync(join(repoRoot, 'examples'), dir, { recursive: true });
  return dir;
}

type Check = (events: unknown[], options?: Record<string, unknown>) => Record<string, unknown>;

/** The rows of an NDJSON log. */
function ndjsonRows(path: string): unknown[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
}

describe('bin/slac.js compile --emit evaluator', () => {
  it('writes a module that gives the report of slac check --format json', async () => {
    const dir = workspace();
    const emitted = runBuiltCli(['compile', 'hosting.sla', '--emit', 'evaluator'], dir);
    expect(emitted.stderr).toBe('');
    expect(emitted).toMatchObject({ code: 0, stdout: `Wrote ${join(dir, 'hosting.evaluator.mjs')}\n` });
    const { check } = (await import(pathToFileURL(join(dir, 'hosting.evaluator.mjs')).href)) as { check: Check };
    const events = ndjsonRows(join(dir, 'logs', 'hosting.tickets.ndjson'));
    const report = check(events, { asOf: '2026-04-01T00:00:00Z' });
    const cli = runBuiltCli(['check', 'hosting.sla', 'logs/hosting.tickets.ndjson', '--as-of', '2026-04-01T00:00:00Z', '--format', 'json'], dir);
    expect(cli.code).toBe(1);
    // The CLI names the log by its file; the module by its role.
    expect(JSON.stringify(report)).toBe(JSON.stringify(JSON.parse(cli.stdout.replaceAll('"logs/hosting.tickets.ndjson"', '"events"'))));
  });
});
