// Parse speed: the largest example (median of many runs) and a generated
// agreement of about 10,000 lines, plus formatting the latter. Deterministic
// input, so runs compare. Run after `npm run build`: node bench/parse.mjs
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { formatText } from '../dist/language/format/index.js';
import { parseDocument } from '../dist/language/parser/index.js';
import { analyze } from '../dist/language/workspace/index.js';
import { median } from './measure.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));


function time(runs, action) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    action();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function largestExample() {
  const dir = join(root, 'examples');
  const files = readdirSync(dir).filter((name) => name.endsWith('.sla')).map((name) => join(dir, name));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

/** About `lines` lines: calendars, severities and metrics with comments, in a fixed pattern. */
function generatedAgreement(lines) {
  const out = ['agreement Generated {', '  title "Generated agreement"', '  effective 2026-01-01', '}', ''];
  let i = 0;
  while (out.length < lines) {
    out.push(
      `// Block ${i}: a calendar, a severity and a metric.`,
      `calendar Calendar${i} {`,
      '  timezone "Europe/Berlin"',
      '  hours Mon-Fri 08:00-12:00, 13:00-17:00',
      '  holidays {',
      '    2026-12-24 hours 08:00-12:00 "Christmas Eve"',
      '    2026-12-25 "Christmas Day"',
      '  }',
      '}',
      `severity Severity${i} { description "Severity number ${i}." }`,
      `metric Metric${i} {`,
      `  title "Metric ${i}"`,
      '  measures resolution   // tickets closed',
      `  clock Calendar${i}`,
      `  target Severity${i} ${1 + (i % 9)} business days`,
      '  objective 95% monthly',
      '}',
      '',
    );
    i++;
  }
  return out.join('\n');
}

const file = largestExample();
const example = readFileSync(file, 'utf8');
for (let i = 0; i < 20; i++) parseDocument(example, file); // warm-up
const exampleMs = time(200, () => parseDocument(example, file));
console.log(`parse ${file.slice(root.length + 1)} (${example.split('\n').length} lines): median ${exampleMs.toFixed(2)} ms over 200 runs`);

const big = generatedAgreement(10_000);
const bigLines = big.split('\n').length;
const bigMs = time(9, () => parseDocument(big, 'generated.sla'));
const diagnostics = parseDocument(big, 'generated.sla').diagnostics.length;
console.log(`parse generated agreement (${bigLines} lines): median ${bigMs.toFixed(1)} ms over 9 runs, ${Math.round(bigLines / (bigMs / 1000))} lines/s, ${diagnostics} diagnostics`);
// Parse and check together (bind, check, model): what `slac validate` does with the file.
const bigFile = join(root, 'bench', 'generated-10000.sla');
const bigHost = { readFile: (f) => (f === bigFile ? big : undefined) };
const analyzeMs = time(5, () => analyze(bigFile, bigHost));
const analyzed = analyze(bigFile, bigHost).diagnostics.length;
console.log(`analyze generated agreement (${bigLines} lines): median ${analyzeMs.toFixed(1)} ms over 5 runs, ${analyzed} diagnostics`);
const formatMs = time(5, () => formatText(big, 'generated.sla'));
console.log(`format generated agreement (${bigLines} lines): median ${formatMs.toFixed(1)} ms over 5 runs`);
// Timings on a loaded machine are not comparable: say how loaded it was.
console.log(`parse: load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
