// Benchmark of `slac check --jobs N` (worker threads) on the seeded NDJSON
// log of bench/check.mjs (BENCH_TICKETS tickets, default 1,000,000; made by
// that script when missing): throughput at --jobs 1, 2 and the number of
// cores, and the speed-up over --jobs 1, by wall time (meaningful on an idle
// machine only). CPU time (user + system, all threads) and its ratio to
// --jobs 1's show what the parallel check costs in total: on a busy
// machine, judge by that ratio (near 1: the workers add little work). The
// reports of every run must be identical (each is compared with the first
// --jobs 1 report).
//
//   BENCH_TICKETS=200000 node bench/check-jobs.mjs
//   BENCH_LOG_FORMAT=csv (default ndjson): the same log as CSV.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tickets = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const outputs = (process.env.BENCH_OUTPUTS ?? 'text,json').split(',');
const logFormat = process.env.BENCH_LOG_FORMAT ?? 'ndjson';
const log = join(root, '.bench', `tickets-${tickets}.${logFormat}`);
const agreement = join(root, 'examples', 'poologics.sla');
const cores = availableParallelism();
const jobsList = [...new Set([1, 2, cores])];

if (!existsSync(log)) {
  // bench/check.mjs writes the seeded logs (and measures one run while at it).
  spawnSync(process.execPath, [join(root, 'bench', 'check.mjs')], { stdio: 'inherit', env: { ...process.env, BENCH_FORMATS: logFormat, BENCH_OUTPUTS: 'text', BENCH_AGREEMENTS: 'full' } });
}

/** Wall seconds, CPU seconds (user + system) and peak RSS in MiB of one run. */
function measure(args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const lines = result.stderr.trim().split('\n');
  const [seconds, user, system, kilobytes] = lines[lines.length - 1].split(' ').map(Number);
  if (result.status === 2 || result.status === null) throw new Error(`slac ${args.join(' ')} failed:\n${result.stderr}`);
  return { seconds, cpu: user + system, rssMb: kilobytes / 1024, stdout: result.stdout };
}

const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`slac check --jobs N on ${tickets.toLocaleString('en')} tickets (${logFormat === 'csv' ? 'CSV' : 'NDJSON'}); ${cores} cores; load average ${load}`);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const scratch = mkdtempSync(join(tmpdir(), 'slac-bench-jobs-'));
console.log(`${runs} runs of each, --jobs values interleaved; medians (wall and CPU), the largest peak RSS`);
for (const output of outputs) {
  const measured = new Map(jobsList.map((jobs) => [jobs, []]));
  let reference;
  for (let round = 0; round < runs; round++) {
    for (const jobs of jobsList) {
      const report = join(scratch, `report-${jobs}.${output}`);
      // The last round's report goes first, untimed: replaced by the check's rename, a 1 GB JSON report took the
      // file system 0.85-0.97 s to free on this project's VM (ext4 mounted with discard), whatever the threads.
      rmSync(report, { force: true });
      const run = measure([join(root, 'bin', 'slac.js'), 'check', agreement, log, '--format', output, '--jobs', String(jobs), '-o', report]);
      const bytes = readFileSync(report);
      reference ??= bytes;
      run.same = bytes.equals(reference);
      measured.get(jobs).push(run);
    }
  }
  const one = summary(measured.get(1));
  for (const jobs of jobsList) {
    const run = summary(measured.get(jobs));
    console.log(
      `  --format ${output}, --jobs ${jobs}: ${run.seconds.toFixed(1)} s, ${Math.round(tickets / run.seconds).toLocaleString('en')} tickets/s, ` +
        `speed-up ${(one.seconds / run.seconds).toFixed(2)}x (of ${jobs}x at best); ` +
        `CPU ${run.cpu.toFixed(1)} s (${(run.cpu / one.cpu).toFixed(2)}x --jobs 1's), peak RSS ${run.rssMb.toFixed(0)} MiB${run.same ? '' : '  REPORT DIFFERS FROM --jobs 1'}`,
    );
  }
}
rmSync(scratch, { recursive: true, force: true });

/** The median wall and CPU time of runs, their largest peak RSS, and whether every report was the same as --jobs 1's. */
function summary(runs) {
  return {
    seconds: median(runs.map((run) => run.seconds)),
    cpu: median(runs.map((run) => run.cpu)),
    rssMb: Math.max(...runs.map((run) => run.rssMb)),
    same: runs.every((run) => run.same),
  };
}
