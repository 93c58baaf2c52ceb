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
//   BENCH_TICKETS=200000 node bench/check-ceiling.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
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
  const variants = [
    ['once, one thread', () => [copies(1)]],
    ['twice, two threads of one process', () => [copies(2)]],
    ['twice, two processes', () => [copies(1), copies(1)]],
  ];
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`the one-thread check of ${tickets.toLocaleString('en')} tickets, once and twice at a time; ${availableParallelism()} cores; load average ${load}`);
  const seconds = new Map(variants.map(([name]) => [name, []]));
  for (let round = 0; round < runs; round++) {
    for (const [name, commands] of variants) seconds.get(name).push(runTogether(commands()));
  }
  const once = median(seconds.get(variants[0][0]));
  for (const [name] of variants) {
    const wall = median(seconds.get(name));
    const work = name.startsWith('twice') ? 2 : 1;
    console.log(`  ${name}: ${wall.toFixed(1)} s (median of ${runs}); ${((work * once) / wall).toFixed(2)}x the work of one check per unit of time`);
  }
}

/** Starts every command at once and waits for all; the wall seconds. */
function runTogether(commands) {
  const starts = commands.map((args, index) => `"${process.execPath}" ${args.map((arg) => `'${arg}'`).join(' ')} & p${index}=$!;`).join(' ');
  const script = `${starts} ${commands.map((_, index) => `wait $p${index} || exit 1;`).join(' ')}`;
  const started = process.hrtime.bigint();
  const result = spawnSync('bash', ['-c', script], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('a check failed');
  return Number(process.hrtime.bigint() - started) / 1e9;
}

