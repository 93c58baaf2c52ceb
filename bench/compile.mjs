// Time to compile the largest example agreement to PDF, three ways:
//   cold CLI   - `node bin/slac.js compile` in a new process (what a user waits for);
//   cold       - `slac compile` in-process: load, check, launch Chromium, render, print;
//   warm       - a browser already running (batch builds, the test suite).
// The issue asks for under 2 seconds. Run after `npm run build` (imports dist/).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { runCli } from '../dist/cli/main.js';
import { compileAgreementPdf, launchPdfPrinter } from '../dist/compiler/index.js';
import { loadAgreementModel } from '../dist/language/workspace/index.js';
import { median } from './measure.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const examples = ['examples/poologics.sla', 'examples/hosting.sla', 'examples/letsflo.sla', 'examples/multilevel/finance.sla'];
const largest = examples.map((path) => join(root, path)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
const out = join(mkdtempSync(join(tmpdir(), 'slac-bench-')), 'out.pdf');
const COLD_RUNS = 3;
const WARM_RUNS = 10;

const ms = (value) => `${value.toFixed(0)} ms`;
const quietIo = { stdout: () => {}, stderr: (text) => process.stderr.write(text), stderrIsTTY: false, cwd: root };

async function time(run) {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const processRuns = [];
for (let run = 0; run < COLD_RUNS; run += 1) {
  processRuns.push(
    await time(() => {
      const result = spawnSync(process.execPath, [join(root, 'bin', 'slac.js'), 'compile', largest, '-o', out], { stdio: 'ignore' });
      if (result.status !== 0) throw new Error(`slac compile exited with ${result.status}`);
    }),
  );
}

const inProcessRuns = [];
for (let run = 0; run < COLD_RUNS; run += 1) {
  inProcessRuns.push(
    await time(async () => {
      const status = await runCli(['compile', largest, '-o', out], quietIo);
      if (status !== 0) throw new Error(`slac compile exited with ${status}`);
    }),
  );
}

const printer = await launchPdfPrinter();
const warmRuns = [];
try {
  for (let run = 0; run < WARM_RUNS; run += 1) {
    warmRuns.push(await time(() => compileAgreementPdf(loadAgreementModel(largest).model, { printer })));
  }
} finally {
  await printer.close();
}

console.log(`compile: ${largest.slice(root.length + 1)} to PDF (${statSync(out).size} bytes)`);
console.log(`  cold, new process (node bin/slac.js compile), median of ${COLD_RUNS}: ${ms(median(processRuns))}`);
console.log(`  cold, in process (runCli: load + check + launch + print), median of ${COLD_RUNS}: ${ms(median(inProcessRuns))}`);
console.log(`  warm (browser already running), median of ${WARM_RUNS}: ${ms(median(warmRuns))}, min ${ms(Math.min(...warmRuns))}, max ${ms(Math.max(...warmRuns))}`);
console.log(`  target under 2000 ms (cold, new process): ${median(processRuns) < 2000 ? 'met' : 'NOT met'}`);
