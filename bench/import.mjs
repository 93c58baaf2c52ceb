// Benchmark of `slac import zendesk` on a seeded Incremental Ticket Event
// Export of BENCH_TICKETS tickets (default 1,000,000; about 4.4 ticket events
// each, with comment events), written by scripts/generate-zendesk-export.mjs
// as files of 100 pages, one page of 1000 events per line. Compares the
// import (node bin/slac.js import zendesk FOLDER -o log.ndjson) with a bare
// read + JSON.parse of every page of the same files; the target is a ratio
// of at most 1.5.
//
// Both sides run as child processes measured the same way: wall time from
// the parent, CPU time (user + system) and peak RSS from the child's own
// process.resourceUsage() at exit, so each side pays its own start-up (the
// import's includes loading the CLI bundle, shown apart as "start-up").
// The verdict is the CPU ratio: on a shared, loaded machine wall time
// measures the other processes as much as this one. BENCH_RUNS=N runs each
// side N times, alternating, and keeps the fastest.
//
//   BENCH_TICKETS=100000 node bench/import.mjs
//   BENCH_EXPORT=/tmp/zd-1m node bench/import.mjs   # keep the export there and reuse it
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeZendeskExport } from '../scripts/generate-zendesk-export.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tickets = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
const TARGET = 1.5;

/** Loaded before the measured script (--import): writes the child's resource usage to BENCH_USAGE_FILE when it exits. */
const USAGE_HOOK = `
import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ user: usage.userCPUTime, system: usage.systemCPUTime, maxRssKb: usage.maxRSS }));
});
`;

/** The bare side: every page of every file read and parsed, nothing else. */
const BARE_READ = `
import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
let pages = 0;
const folder = process.argv[2];
for (const name of readdirSync(folder).filter((name) => name.endsWith('.jsonl') || name.endsWith('.json')).sort()) {
  let pending = '';
  for await (const chunk of createReadStream(join(folder, name), { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    pending += chunk;
    let start = 0, newline;
    while ((newline = pending.indexOf('\\n', start)) !== -1) { JSON.parse(pending.slice(start, newline)); pages++; start = newline + 1; }
    pending = pending.slice(start);
  }
  if (pending.trim() !== '') { JSON.parse(pending); pages++; }
}
console.log(pages);
`;

/** Runs node with `args`: wall seconds (seen from here), CPU seconds (user + system) and peak RSS in MiB (the child's own). */
function measure(work, args) {
  const usageFile = join(work, 'usage.json');
  rmSync(usageFile, { force: true });
  const began = performance.now();
  const result = spawnSync(process.execPath, ['--import', join(work, 'usage-hook.mjs'), ...args], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, BENCH_USAGE_FILE: usageFile },
  });
  const seconds = (performance.now() - began) / 1000;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${result.stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  return { seconds, cpu: (usage.user + usage.system) / 1e6, rssMb: usage.maxRssKb / 1024, stderr: result.stderr };
}

/** The fastest of `runs` measures (by CPU time, the verdict's measure). */
function fastest(measures) {
  return measures.reduce((best, next) => (next.cpu < best.cpu ? next : best));
}

const work = mkdtempSync(join(tmpdir(), 'slac-bench-import-'));
const kept = process.env.BENCH_EXPORT;
const folder = kept ?? join(work, 'export');
try {
  writeFileSync(join(work, 'usage-hook.mjs'), USAGE_HOOK);
  writeFileSync(join(work, 'bare-read.mjs'), BARE_READ);
  const reuse = kept !== undefined && existsSync(join(kept, 'users.json'));
  const generated = performance.now();
  if (!reuse) writeZendeskExport(folder, tickets);
  const files = readdirSync(folder).filter((name) => name.endsWith('.json') || name.endsWith('.jsonl'));
  const sizeMb = files.reduce((sum, name) => sum + statSync(join(folder, name)).size, 0) / 1048576;
  console.log(
    `${reuse ? 'reused' : 'generated'} a Zendesk ticket event export of ${reuse ? 'the' : tickets.toLocaleString('en')} tickets in ${folder}: ${files.length} files, ${sizeMb.toFixed(0)} MiB` +
      (reuse ? '' : `, in ${((performance.now() - generated) / 1000).toFixed(1)} s`),
  );

  const slac = [join(root, 'bin', 'slac.js'), 'import', 'zendesk'];
  const output = join(work, 'log.ndjson');
  const bares = [];
  const imports = [];
  for (let run = 0; run < runs; run++) {
    bares.push(measure(work, [join(work, 'bare-read.mjs'), folder]));
    // The previous run's log is removed first, not by the import: replacing a large file costs its deletion.
    rmSync(output, { force: true });
    imports.push(measure(work, [...slac, folder, '-o', output]));
  }
  const bare = fastest(bares);
  const run = fastest(imports);
  // Start-up of the import: the CLI bundle loaded, the smallest input read (the users file alone).
  const empty = measure(work, [...slac, join(folder, 'users.json'), '-o', join(work, 'empty.ndjson')]);
  const cpuRatio = run.cpu / bare.cpu;
  const wallRatio = run.seconds / bare.seconds;
  const line = (name, m) => `  ${name.padEnd(28)} CPU ${m.cpu.toFixed(1).padStart(6)} s   wall ${m.seconds.toFixed(1).padStart(6)} s   peak RSS ${m.rssMb.toFixed(0).padStart(5)} MiB`;
  console.log(`fastest of ${runs} run${runs === 1 ? '' : 's'} each (CPU = user + system of the child process):`);
  console.log(line('bare read + JSON.parse', bare));
  console.log(line('slac import zendesk', run));
  console.log(line('start-up (users file only)', empty));
  console.log(`  ${run.stderr.split('\n')[0]}; log ${(statSync(output).size / 1048576).toFixed(0)} MiB`);
  console.log(`  ratio, CPU:  ${cpuRatio.toFixed(2)}x the bare read (target <= ${TARGET}) <- the verdict`);
  console.log(`  ratio, wall: ${wallRatio.toFixed(2)}x (load-dependent; for information)`);
  console.log(`  the import's start-up subtracted, CPU: ${((run.cpu - empty.cpu) / bare.cpu).toFixed(2)}x`);
  console.log(cpuRatio <= TARGET ? `  within the target of ${TARGET}x` : `  OVER the target of ${TARGET}x`);
  if (cpuRatio > TARGET) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
