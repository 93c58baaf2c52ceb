// Benchmark of `slac report` (the site) against `slac check --format json`
// on the same seeded log (BENCH_TICKETS tickets, default 1,000,000, about 8
// events each; the CSV that bench/check.mjs writes to .bench/, made by it
// when missing). Issue 11 asks for a site built in under twice the check's
// time, under 50 MB, whose pages open in under a second: the script prints
// each figure, measures page loads in headless Chromium from disk, and exits
// 1 when a target is missed.
//
//   BENCH_TICKETS=1000000 node bench/report.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tickets = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const log = join(root, '.bench', `tickets-${tickets}.csv`);
const agreement = join(root, 'examples', 'poologics.sla');
const TIME_RATIO = 2;
const SIZE_MB = 50;
const OPEN_SECONDS = 1;

if (!existsSync(log)) {
  console.log(`making ${log} with bench/check.mjs ...`);
  const made = spawnSync(process.execPath, [join(root, 'bench', 'check.mjs')], { cwd: root, stdio: 'inherit', env: { ...process.env, BENCH_TICKETS: String(tickets), BENCH_FORMATS: 'csv', BENCH_OUTPUTS: 'json' } });
  if (made.status !== 0 || !existsSync(log)) throw new Error('could not make the log');
}

/** Wall and CPU seconds (user + system) and peak RSS of a command, under /usr/bin/time. */
function measure(args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, join(root, 'bin', 'slac.js'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const lines = result.stderr.trim().split('\n');
  const [seconds, user, system, kilobytes] = lines[lines.length - 1].split(' ').map(Number);
  if (result.status === 2 || result.status === null || result.status === 70) throw new Error(`slac ${args.join(' ')} failed:\n${result.stderr}`);
  return { seconds, cpu: user + system, rssMb: kilobytes / 1024 };
}

function folderBytes(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = folderBytes(path);
      bytes += inner.bytes;
      files += inner.files;
    } else {
      bytes += statSync(path).size;
      files += 1;
    }
  }
  return { bytes, files };
}

const site = mkdtempSync(join(tmpdir(), 'slac-bench-site-'));
try {
  const check = measure(['check', agreement, log, '--format', 'json', '-o', join(site, '..', `${site.split('/').pop()}.json`)]);
  rmSync(join(site, '..', `${site.split('/').pop()}.json`), { force: true });
  const report = measure(['report', agreement, log, '-o', site]);
  const { bytes, files } = folderBytes(site);
  const wallRatio = report.seconds / check.seconds;
  const cpuRatio = report.cpu / check.cpu;
  console.log(`${tickets} tickets`);
  console.log(`check --format json: ${check.seconds.toFixed(1)} s wall, ${check.cpu.toFixed(1)} s CPU, ${check.rssMb.toFixed(0)} MiB peak`);
  console.log(`report (site):       ${report.seconds.toFixed(1)} s wall, ${report.cpu.toFixed(1)} s CPU, ${report.rssMb.toFixed(0)} MiB peak`);
  console.log(`ratio: ${wallRatio.toFixed(2)}x wall, ${cpuRatio.toFixed(2)}x CPU (target under ${TIME_RATIO}x)`);
  console.log(`site: ${(bytes / 1e6).toFixed(1)} MB in ${files} files (target under ${SIZE_MB} MB)`);

  const pages = ['index.html', ...readdirSync(join(site, 'periods')).slice(0, 1).map((name) => `periods/${name}`), 'breaches/page-1.html'];
  const breachPages = readdirSync(join(site, 'breaches')).length;
  pages.push(`breaches/page-${breachPages}.html`);
  const ticketPages = existsSync(join(site, 'tickets')) ? readdirSync(join(site, 'tickets')) : [];
  if (ticketPages.length > 0) pages.push(`tickets/${ticketPages[0]}`);
  const browser = await puppeteer.launch({ executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium', headless: true, pipe: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  let slowest = 0;
  try {
    const tab = await browser.newPage();
    for (const page of pages) {
      const started = performance.now();
      await tab.goto(pathToFileURL(join(site, page)).href, { waitUntil: 'load' });
      const seconds = (performance.now() - started) / 1000;
      slowest = Math.max(slowest, seconds);
      console.log(`open ${page}: ${(seconds * 1000).toFixed(0)} ms (${(statSync(join(site, page)).size / 1e3).toFixed(0)} KB)`);
    }
  } finally {
    await browser.close();
  }
  const missed = [];
  if (Math.min(wallRatio, cpuRatio) >= TIME_RATIO) missed.push('build time');
  if (bytes >= SIZE_MB * 1e6) missed.push('size');
  if (slowest >= OPEN_SECONDS) missed.push('page open time');
  console.log(missed.length === 0 ? 'all targets met' : `missed: ${missed.join(', ')}`);
  process.exitCode = missed.length === 0 ? 0 : 1;
} finally {
  rmSync(site, { recursive: true, force: true });
}
