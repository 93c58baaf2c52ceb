import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtBin, repoRoot } from './built-cli.js';
import { agreementText, freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

// The public-holiday data set (2.5 MB of code with moment-timezone and
// astronomia under it) is a bundle of its own, dist/date-holidays.cjs, that
// the built CLI loads only when a country's holidays need their dates:
// compiling it at every start cost about 0.2 s, `slac --help` included.
// The codes and their names, which the checker needs, are a table of their
// own (language/holidays/holiday-code-table.ts). (A compile needs the dates:
// its appendix's worked examples fall around the next holiday.)
// A preload script says on stderr, as the process exits, whether the CLI
// loaded it.
const PRELOAD = `process.on('exit', () => {
  const loaded = Object.keys(require.cache).some((file) => file.endsWith('date-holidays.cjs'));
  process.stderr.write('date-holidays.cjs loaded: ' + loaded + '\\n');
});`;

let folder: string;
let preload: string;

beforeAll(() => {
  folder = freshFolder('holiday-data');
  preload = write(folder, 'preload.cjs', PRELOAD);
  write(folder, 'small.sla', agreementText());
  write(folder, 'ny.sla', agreementText().replace('timezone "Europe/Berlin"', 'timezone "America/New_York"'));
  write(folder, 'us.sla', agreementText().replace('timezone "Europe/Berlin"', 'timezone "America/New_York"\n  holidays "US"'));
  write(folder, 'usa.sla', agreementText().replace('timezone "Europe/Berlin"', 'timezone "America/New_York"\n  holidays "USA"'));
  write(folder, 'log.csv', `${LOG_HEADER}\nT1,2026-07-03T09:00:00-04:00,created,High,Email,,,\nT1,2026-07-03T10:30:00-04:00,reply,,,,agent,\n`);
});

type Run = { code: number | null; stdout: string; stderr: string; loaded: boolean };

function slac(...args: string[]): Run {
  return slacWith({}, ...args);
}

/** Whether the data set was loaded on the main thread: a worker thread has a module cache of its own. */
function slacWith(env: Record<string, string>, ...args: string[]): Run {
  const run = spawnSync(process.execPath, ['--require', preload, builtBin, ...args], { cwd: folder, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  const said = /date-holidays\.cjs loaded: (true|false)\n$/.exec(run.stderr);
  if (said === null) throw new Error(`the preload said nothing: ${run.stderr}`);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr.slice(0, said.index), loaded: said[1] === 'true' };
}

describe('the holiday data set is loaded only when a holiday\'s dates are needed', () => {
  test.each([
    ['slac --help', ['--help']],
    ['validate of an agreement without country holidays', ['validate', 'small.sla']],
    ['check of an agreement without country holidays', ['check', 'small.sla', 'log.csv']],
  ])('%s: not loaded', (_name, args) => {
    const run = slac(...args);
    expect(run.code, run.stderr).toBe(0);
    expect(run.loaded).toBe(false);
  });

  test('validate of `holidays "US"`: the code known, the data set not loaded', () => {
    expect(slac('validate', 'us.sla')).toEqual({ code: 0, stdout: 'us.sla: no problems\n', stderr: '', loaded: false });
  });

  test('validate of `holidays "USA"`: the code suggested, the data set not loaded', () => {
    const run = slac('validate', 'usa.sla');
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(/usa\.sla:\d+:\d+: error SLA\d+: .*'USA'.*'US'/);
    expect(run.loaded).toBe(false);
  });

  test('check of `holidays "US"` with a bad --as-of: refused, the data set not loaded', () => {
    const run = slac('check', 'us.sla', 'log.csv', '--as-of', 'yesterday');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[SLA4018]');
    expect(run.loaded).toBe(false);
  });

  test('check of `holidays "US"`: loaded, and 3 July 2026 (Independence Day observed) closed', () => {
    const us = slac('check', 'us.sla', 'log.csv', '--format', 'json');
    expect(us.code, us.stderr).toBe(0);
    expect(us.loaded).toBe(true);
    // The same zone without the holidays: the reply took 90 minutes of business time, not none.
    const ny = slac('check', 'ny.sla', 'log.csv', '--format', 'json');
    const elapsed = (stdout: string): unknown => (JSON.parse(stdout) as { tickets: { metrics: { Response: { elapsedMinutes: unknown } } }[] }).tickets[0]!.metrics.Response.elapsedMinutes;
    expect([elapsed(us.stdout), elapsed(ny.stdout)]).toEqual([0, 90]);
  });

  // On threads, worker 1 computes the holidays for every thread: loaded on the main thread, the data set made
  // V8 double that thread's young generation in most runs, 20-40 MiB more at the peak of a large check.
  // Its compiled model too: loading it checks the code against the table of codes, as the checker does.
  test.each(['us.sla', 'us-model.sla.json'])('check of %s (`holidays "US"`) on two threads: the holidays computed on worker 1, the data set not loaded on the main thread', (agreement) => {
    if (agreement.endsWith('.json')) expect(slac('compile', 'us.sla', '--emit', 'model', '-o', agreement).code).toBe(0);
    const threads = { SLAC_CHECK_PARALLEL_MIN_BYTES: '0', SLAC_CHECK_CORES: '2', SLAC_CHECK_TRACE: '1' };
    const two = slacWith(threads, 'check', agreement, 'log.csv', '--format', 'json', '--jobs', '2');
    expect(two.code, two.stderr).toBe(0);
    expect(two.loaded).toBe(false);
    expect(two.stderr).toContain(': public holidays computed on worker 1\n');
    expect(two.stdout).toBe(slac('check', agreement, 'log.csv', '--format', 'json').stdout);
  });

  test('a compiled model given `us` or `US-LA-NO` by hand (codes the checker refuses, the data set knows): checked as before, no internal error', () => {
    expect(slac('compile', 'us.sla', '--emit', 'model', '-o', 'us.sla.json').code).toBe(0);
    const model = readFileSync(`${folder}/us.sla.json`, 'utf8');
    expect(model).toContain('"US"');
    write(folder, 'lower.sla.json', model.replace('"US"', '"us"'));
    write(folder, 'region.sla.json', model.replace('"US"', '"US-LA-NO"'));
    const us = slac('check', 'us.sla.json', 'log.csv', '--format', 'json');
    expect(slac('check', 'lower.sla.json', 'log.csv', '--format', 'json')).toEqual(us);
    expect(slac('check', 'region.sla.json', 'log.csv', '--format', 'json')).toMatchObject({ code: 0, stderr: '' });
  });
});
