// How long a large report's last `fsync` keeps the check waiting, with and
// without the early flushes of cli/early-flush.ts: a file of BENCH_REPORT_MB
// (default 1024) written in 1 MiB pieces, with BENCH_PIECE_MS (default 10)
// of busy work before each (about the pace at which `slac check` makes the
// JSON report of 1,000,000 tickets), then synced and renamed into place.
// "without" writes and syncs the file as AtomicFile did before 2026-12-02;
// "with" is the built AtomicFile (dist/cli/files.js), on the calling thread
// as with `--jobs 2`. Runs interleaved (BENCH_RUNS, default 2), in a folder
// beside the project's `.bench` logs (on the same disk as a report would be).
//
//   BENCH_REPORT_MB=256 node bench/report-sync.mjs
import { closeSync, fsyncSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './measure.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const megabytes = Number(process.env.BENCH_REPORT_MB ?? 1024);
const pieceMs = Number(process.env.BENCH_PIECE_MS ?? 10);
const runs = Number(process.env.BENCH_RUNS ?? 2);
const { AtomicFile } = await import(pathToFileURL(join(root, 'dist', 'cli', 'files.js')).href);

mkdirSync(join(root, '.bench'), { recursive: true });
const scratch = mkdtempSync(join(root, '.bench', 'report-sync-'));
const piece = Buffer.alloc(1 << 20, 'x');

function work() {
  const until = performance.now() + pieceMs;
  while (performance.now() < until);
}

/** Writes the file through `open`'s writer; the seconds spent writing, then committing. */
function run(open) {
  const file = join(scratch, 'report.json');
  const writer = open(file);
  const start = performance.now();
  for (let written = 0; written < megabytes; written++) {
    work();
    writer.write(piece);
  }
  const wrote = performance.now();
  writer.commit();
  const committed = performance.now();
  rmSync(file);
  return { writing: (wrote - start) / 1000, commit: (committed - wrote) / 1000 };
}

const variants = {
  without: (file) => {
    const temp = `${file}.tmp`;
    const fd = openSync(temp, 'w');
    return {
      write: (bytes) => {
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      },
      commit: () => {
        fsyncSync(fd);
        closeSync(fd);
        renameSync(temp, file);
      },
    };
  },
  with: (file) => new AtomicFile(file, 'report.json'),
};

console.log(`report-sync: ${megabytes} MiB in 1 MiB pieces, ${pieceMs} ms of work before each, ${runs} interleaved runs`);
const results = { without: [], with: [] };
try {
  for (let round = 0; round < runs; round++) {
    for (const [name, open] of Object.entries(variants)) {
      const result = run(open);
      results[name].push(result);
      // Pending early-flush requests finish (and their descriptor closes) before the next run.
      await new Promise((done) => setTimeout(done, 200));
      console.log(`  ${name.padEnd(7)} writing ${result.writing.toFixed(2)} s, final sync and rename ${result.commit.toFixed(2)} s`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
for (const [name, list] of Object.entries(results)) {
  console.log(`${name.padEnd(7)} median: writing ${median(list.map((r) => r.writing)).toFixed(2)} s, final sync and rename ${median(list.map((r) => r.commit)).toFixed(2)} s`);
}
