import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtBin, repoRoot, type CliRun } from './built-cli.js';

/**
 * Without `--jobs`, `slac check` takes one thread a core Node may use (at
 * most the process's CPU quota), as `--jobs auto` does: a large log is read
 * and evaluated on every core with no option to find. The report is the
 * one `--jobs 1` writes. A CSV log that must be read on one thread after
 * all is said to be only when `--jobs` was given. Through the built CLI;
 * SLAC_CHECK_PARALLEL_MIN_BYTES=0 lets a small log take threads, and
 * SLAC_CHECK_CORES stands for the machine's cores.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-jobs-default-'));
const agreement = join(repoRoot, 'examples', 'hosting.sla');
copyFileSync(join(repoRoot, 'examples', 'logs', 'hosting.tickets.ndjson'), join(folder, 'log.ndjson'));
writeFileSync(join(folder, 'multiline.csv'), ['ticket,time,event,severity,note', 'A,2026-05-04T09:00:00Z,created,P2,', '"B","2026-05-04T09:10:00Z",created,P2,"two', 'lines"', ''].join('\n'));

/** A line of `SLAC_CHECK_TRACE=1` (runtime/check/parallel/phase-trace.ts), with its phase. */
const PHASE = /^slac: trace: .*: (.+)$/;

function slac(args: readonly string[], cores: number): CliRun & { phases: string[] } {
  const result = spawnSync(process.execPath, [builtBin, ...args], {
    cwd: folder,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, SLAC_CHECK_PARALLEL_MIN_BYTES: '0', SLAC_CHECK_CORES: String(cores), SLAC_CHECK_TRACE: '1' },
  });
  const lines = result.stderr.split('\n');
  const phases = lines.flatMap((line) => PHASE.exec(line)?.[1] ?? []);
  const stderr = lines.filter((line) => !PHASE.test(line)).join('\n');
  return { code: result.status, stdout: result.stdout, stderr, phases };
}

const { phases: onePhases, ...oneThread } = slac(['check', agreement, 'log.ndjson', '--format', 'json', '--jobs', '1'], 4);

describe('slac check without --jobs', () => {
  it.each([
    { cores: 2, workers: ['worker 1 exited'] },
    { cores: 3, workers: ['worker 1 exited', 'worker 2 exited'] },
  ])('on $cores cores: $cores threads, and the report --jobs 1 writes', ({ cores, workers }) => {
    const { phases, ...run } = slac(['check', agreement, 'log.ndjson', '--format', 'json'], cores);
    expect(run).toEqual(oneThread);
    expect(phases.filter((phase) => /^worker \d+ exited$/.test(phase)).sort()).toEqual(workers);
  });

  it('on one core: one thread', () => {
    const { phases, ...run } = slac(['check', agreement, 'log.ndjson', '--format', 'json'], 1);
    expect(run).toEqual(oneThread);
    expect(phases).toEqual([]);
  });

  it('--jobs 1 still checks on this thread alone', () => {
    expect(onePhases).toEqual([]);
  });

  it('a worker that fails: said as for --jobs N, with the threads the default took, exit 70', () => {
    const run = spawnSync(process.execPath, [builtBin, 'check', agreement, 'log.ndjson'], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, SLAC_CHECK_PARALLEL_MIN_BYTES: '0', SLAC_CHECK_CORES: '2', SLAC_CHECK_WORKER_FAULT: 'throw' },
    });
    expect({ code: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 70,
      stdout: '',
      stderr: 'slac: a worker thread of slac check on 2 threads failed: a worker failed on purpose (SLAC_CHECK_WORKER_FAULT=throw); run again with --jobs 1\n',
    });
  });

  it('a CSV record over two lines: checked on one thread, said only when --jobs was given', () => {
    const one = slac(['check', agreement, 'multiline.csv', '--jobs', '1'], 2);
    const byDefault = slac(['check', agreement, 'multiline.csv'], 2);
    const asked = slac(['check', agreement, 'multiline.csv', '--jobs', '2'], 2);
    const notice = 'slac: --jobs 2: multiline.csv:3: a quoted field runs on past this line, so the log is checked on one thread (where its records start is known only by reading it from the top).\n';
    expect({ ...byDefault, phases: [] }).toEqual({ ...one, phases: [] });
    expect(asked.stderr).toBe(notice + one.stderr);
  });
});
