// Benchmark of `slac check --jobs N` (worker threads) on the seeded NDJSON
// log of bench/check.mjs (BENCH_TICKETS tickets, default 1,000,000; made by
// that script when missing): throughput at --jobs 1, 2 and the number of
// cores, and the speed-up over --jobs 1, by wall time (meaningful on an idle
// machine only). CPU time (user + system, all threads) and its ratio to
// --jobs 1's show what the parallel check costs in total: on a busy
// machine, judge by that ratio (near 1: the workers add little work). The
// text reports of every run must be identical.
//
//   BENCH_TICKETS=200000 node bench/check-jobs.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tickets = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const outputs = (process.env.BENCH_OUTPUTS ?? 'text,json').split(',');
const log = join(root, '.bench', `tickets-${tickets}.ndjson`);
const agreement = join(root, 'examples', 'poologics.sla');
const cores = availableParallelism();
const jobsList = [...new Set([1, 2, cores])];

if (!existsSync(log)) {
  // bench/check.mjs writes the seeded logs (and measures one run while at it).
  spawnSync(process.execPath, [join(root, 'bench', 'check.mjs')], { stdio: 'inherit', env: { ...process.env, BENCH_FORMATS: 'ndjson', BENCH_OUTPUTS: 'text', BENCH_AGREEMENTS: 'full' } });
}

/** Wall seconds, CPU seconds (user + system) and peak RSS in MB of one run. */
function measure(args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const lines = result.stderr.trim().split('\n');
  const [seconds, user, system, kilobytes] = lines[lines.length - 1].split(' ').map(Number);
  if (result.status === 2 || result.status === null) throw new Error(`slac ${args.join(' ')} failed:\n${result.stderr}`);
  return { seconds, cpu: user + system, rssMb: kilobytes / 1024, stdout: result.stdout };
}

const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`slac check --jobs N on ${tickets.toLocaleString('en')} tickets (NDJSON); ${cores} cores; load average ${load}`);
for (const output of outputs) {
  let one;
  for (const jobs of jobsList) {
    const target = output === 'text' ? [] : ['-o', '/dev/null'];
    const run = measure([join(root, 'bin', 'slac.js'), 'check', agreement, log, '--format', output, '--jobs', String(jobs), ...target]);
    one ??= run;
    const same = output !== 'text' || run.stdout === one.stdout ? '' : '  REPORT DIFFERS FROM --jobs 1';
    console.log(
      `  --format ${output}, --jobs ${jobs}: ${run.seconds.toFixed(1)} s, ${Math.round(tickets / run.seconds).toLocaleString('en')} tickets/s, ` +
        `speed-up ${(one.seconds / run.seconds).toFixed(2)}x (of ${jobs}x at best); ` +
        `CPU ${run.cpu.toFixed(1)} s (${(run.cpu / one.cpu).toFixed(2)}x --jobs 1's), peak RSS ${run.rssMb.toFixed(0)} MB${same}`,
    );
  }
}
