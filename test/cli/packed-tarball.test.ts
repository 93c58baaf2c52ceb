import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../compiler/browser-path.js';
import { startClient, type TestClient } from '../lsp/harness/client.js';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * The package as npm publishes it: `npm pack` of this checkout (dist/ as
 * `npm run build` left it), installed into an empty project, and every
 * command run through the installed node_modules/.bin/slac. Catches files
 * missing from package.json "files" and paths that only work in the checkout.
 * The install fetches the dependencies from npm's cache or the registry.
 */

const work = mkdtempSync(join(tmpdir(), 'slac-packed-'));
const project = join(work, 'project');
const installedBin = join(project, 'node_modules', 'slac', 'bin', 'slac.js');

function npm(args: string[], cwd: string): void {
  execFileSync('npm', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 240_000 });
}

function hasBrowser(): boolean {
  try {
    findBrowser();
    return true;
  } catch {
    return false;
  }
}

function slac(...args: string[]) {
  return runBuiltCli(args, project, installedBin);
}

beforeAll(() => {
  // The checkout's build is what is packed; --ignore-scripts keeps `prepare` from rebuilding it.
  npm(['pack', '--ignore-scripts', '--pack-destination', work], repoRoot);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball into ${work}`);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "name": "uses-slac", "version": "1.0.0", "private": true }\n');
  npm(['install', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball)], project);
  cpSync(join(repoRoot, 'examples'), join(project, 'examples'), { recursive: true });
}, 300_000);

describe('the packed tarball, installed', () => {
  it('validates an agreement', () => {
    expect(slac('validate', 'examples/poologics.sla')).toMatchObject({ code: 0, stdout: 'examples/poologics.sla: no problems\n', stderr: '' });
  });

  it('checks formatting', () => {
    expect(slac('fmt', '--check', 'examples/poologics.sla')).toMatchObject({ code: 0, stderr: '' });
  });

  it('compiles Markdown', () => {
    const run = slac('compile', 'examples/hosting.sla', '--format', 'md', '-o', 'hosting.md');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(project, 'hosting.md'), 'utf8')).toMatch(/^# /m);
  });

  it.skipIf(!hasBrowser())('compiles a PDF', () => {
    const run = slac('compile', 'examples/hosting.sla', '-o', 'hosting.pdf');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(project, 'hosting.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('checks a log, with the report of the checkout', () => {
    const run = slac('check', 'examples/poologics.sla', 'examples/logs/poologics.tickets.csv', '--outages', 'examples/logs/poologics.outages.csv', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(readFileSync(join(repoRoot, 'test', 'runtime', 'check', 'expected', 'poologics.report.json'), 'utf8'));
  });

  it('checks a log on worker threads, as --jobs 1 does (dist/check-worker.mjs is packed)', () => {
    const args = ['check', 'examples/hosting.sla', 'examples/logs/hosting.tickets.ndjson', '--format', 'json'];
    const one = slac(...args, '--jobs', '1');
    // The example log is small: the internal switch makes the CLI start its workers anyway.
    process.env.SLAC_CHECK_PARALLEL_MIN_BYTES = '0';
    process.env.SLAC_CHECK_CORES = '2';
    try {
      expect(slac(...args, '--jobs', '2')).toEqual(one);
      // A worker given no holidays loads the data set from its own bundle (dist/date-holidays.cjs is packed).
      process.env.SLAC_CHECK_SEED_HOLIDAYS = '0';
      expect(slac(...args, '--jobs', '2')).toEqual(one);
    } finally {
      delete process.env.SLAC_CHECK_PARALLEL_MIN_BYTES;
      delete process.env.SLAC_CHECK_CORES;
      delete process.env.SLAC_CHECK_SEED_HOLIDAYS;
    }
    expect(one.code).toBe(1);
  });

  it('emits an evaluator module that imports and runs with no install', async () => {
    const run = slac('compile', 'examples/poologics.sla', '--emit', 'evaluator', '-o', 'poologics.evaluator.mjs');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const alone = mkdtempSync(join(tmpdir(), 'slac-packed-evaluator-'));
    cpSync(join(project, 'poologics.evaluator.mjs'), join(alone, 'poologics.evaluator.mjs'));
    const module = (await import(pathToFileURL(join(alone, 'poologics.evaluator.mjs')).href)) as { check: (events: unknown[], options?: object) => { tickets: unknown[] } };
    const report = module.check([{ ticket: 'T1', time: '2026-03-02T09:00:00-05:00', event: 'created' }], { asOf: '2026-03-02T10:00:00-05:00' });
    expect(report.tickets).toHaveLength(1);
  });

  describe('lsp --stdio', () => {
    let client: TestClient | undefined;
    afterAll(async () => client?.dispose());
    it('answers initialize', async () => {
      client = await startClient([installedBin, 'lsp', '--stdio']);
      expect(client.capabilities.hoverProvider).toBe(true);
    });
  });
});
