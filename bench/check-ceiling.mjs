// What `slac check --jobs 2` could reach on this machine at best: the
// whole one-thread check of the seeded log of bench/check.mjs
// (BENCH_TICKETS tickets, default 1,000,000; made by that script when
// missing) run once, then twice at the same time, as two worker threads of
// one process and as two processes. Twice the work in the same wall time
// would be 2x; what the two copies reach instead (they share the cores'
// caches, the memory bus and, as threads, V8's helper threads) bounds what
// any split of one check into two can gain here (bench/check-jobs.mjs
// measures the split itself). Runs interleaved (BENCH_RUNS rounds, default
// 3); medians, by wall time (meaningful on an idle machine only).
//
// The copies above check without writing a report. What a report adds is
// measured as users run it: `slac check --jobs 1 --format F -o FILE` of the
// built CLI, once and as two processes at once, for each format of
// BENCH_OUTPUTS (default text,json): the bound for bench/check-jobs.mjs's
// figure of that format. A JSON report is a gigabyte at 1,000,000 tickets,
// and on one thread its writes already go to a thread of their own.
//
//   BENCH_TICKETS=200000 node bench/check-ceiling.mjs
//   BENCH_OUTPUTS=json (or none): the reports measured
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { median } from './measure.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const agreement = join(root, 'examples', 'poologics.sla');

/** One whole check of the log on this thread, as `slac check --jobs 1` makes it; the number of tickets. */
async function checkOnce(log) {
  const { loadAgreementModel } = await import(pathToFileURL(join(root, 'dist', 'language', 'workspace', 'index.js')).href);
  const { checkLogFiles } = await import(pathToFileURL(join(root, 'dist', 'runtime', 'check.js')).href);
  const { model } = loadAgreementModel(agreement);
  // The escalations stay in their compact list, as the CLI keeps them.
  const outcome = await checkLogFiles(model, { log, output: { streamsEscalations: true } });
  if (!outcome.ok) throw new Error(`the check of ${log} failed`);
  return outcome.summary.totals.tickets;
}

/** `copies` checks of the log at once: this thread and `copies - 1` workers. */
async function checkCopies(log, copies) {
  const runs = [checkOnce(log)];
  for (let copy = 1; copy < copies; copy++) {
    runs.push(new Promise((resolve, reject) => new Worker(new URL(import.meta.url), { workerData: log }).on('message', resolve).on('error', reject)));
  }
  return Promise.all(runs);
}

if (!isMainThread) {
  parentPort.postMessage(await checkOnce(workerData));
} else if (process.argv[2] === '--copies') {
  await checkCopies(process.argv[3], Number(process.argv[4]));
} else {
  const tickets = Number(process.env.BENCH_TICKETS ?? 1_000_000);
  const log = join(root, '.bench', `tickets-${tickets}.ndjson`);
  if (!existsSync(log)) {
    spawnSync(process.execPath, [join(root, 'bench', 'check.mjs')], { stdio: 'inherit', env: { ...process.env, BENCH_FORMATS: 'ndjson', BENCH_OUTPUTS: 'text', BENCH_AGREEMENTS: 'full' } });
  }
  const copies = (count) => [fileURLToPath(import.meta.url), '--copies', log, String(count)];
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`the one-thread check of ${tickets.toLocaleString('en')} tickets, once and twice at a time; ${availableParallelism()} cores; load average ${load}`);
  measureVariants(runs, [
    ['once, one thread', () => [copies(1)]],
    ['twice, two threads of one process', () => [copies(2)]],
    ['twice, two processes', () => [copies(1), copies(1)]],
  ]);
  const scratch = mkdtempSync(join(tmpdir(), 'slac-bench-ceiling-'));
  try {
    for (const format of (process.env.BENCH_OUTPUTS ?? 'text,json').split(',').filter((name) => name !== 'none')) {
      console.log(`slac check --jobs 1 --format ${format} -o FILE (the built CLI), once and twice at a time`);
      const cli = (copy) => {
        const report = join(scratch, `report-${copy}.${format}`);
        // The last round's report goes first, untimed, as in bench/check-jobs.mjs.
        rmSync(report, { force: true });
        return [join(root, 'bin', 'slac.js'), 'check', agreement, log, '--format', format, '--jobs', '1', '-o', report];
      };
      // `slac check` exits with 1 when an objective is missed, as the seeded log's are.
      measureVariants(
        runs,
        [
          ['once', () => [cli(0)]],
          ['twice, two processes', () => [cli(0), cli(1)]],
        ],
        1,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs each variant `runs` times, interleaved, and prints the medians against the first variant's (one check). */
function measureVariants(runs, variants, lastGoodStatus = 0) {
  const seconds = new Map(variants.map(([name]) => [name, []]));
  for (let round = 0; round < runs; round++) {
    for (const [name, commands] of variants) seconds.get(name).push(runTogether(commands(), lastGoodStatus));
  }
  const once = median(seconds.get(variants[0][0]));
  for (const [name] of variants) {
    const wall = median(seconds.get(name));
    const work = name.startsWith('twice') ? 2 : 1;
    console.log(`  ${name}: ${wall.toFixed(1)} s (median of ${runs}); ${((work * once) / wall).toFixed(2)}x the work of one check per unit of time`);
  }
}

/** Starts every command at once and waits for all (each must exit with a status up to `lastGoodStatus`); the wall seconds. */
function runTogether(commands, lastGoodStatus) {
  const starts = commands.map((args, index) => `"${process.execPath}" ${args.map((arg) => `'${arg}'`).join(' ')} & p${index}=$!;`).join(' ');
  const script = `${starts} ${commands.map((_, index) => `wait $p${index}; [ $? -le ${lastGoodStatus} ] || exit 1;`).join(' ')}`;
  const started = process.hrtime.bigint();
  const result = spawnSync('bash', ['-c', script], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('a check failed');
  return Number(process.hrtime.bigint() - started) / 1e9;
}

