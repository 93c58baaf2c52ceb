// Language-server latency on a large agreement as authors write one: the
// declarations of examples/*.sla (calendars, channels, severities, metrics,
// credits) repeated with distinct names to 5,786 lines, valid as it stands
// (so the document judgement, SLA5005, runs too). Prints, per phase, the CPU
// time of the language stages in this process (parse, bind, check, model,
// SLA5005 terms, the LSP diagnostics made from them), then over stdio
// against the built server (dist/lsp/server/stdio.js), as an editor drives
// it: open to first diagnostics, completion and hover with nothing changed
// and right after a one-character edit, and a one-character edit to its
// diagnostics. Seeded: the same file every run. Not a test: it asserts only
// that the answers are there. Run after `npm run build`:
// node bench/lsp-large.mjs [samples]; `--write FILE` writes the agreement
// and stops (to try it in an editor, or `slac validate` it).
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { largeAgreement } from '../scripts/large-agreement.mjs';
import { requireBuiltServer, startBuiltServer } from './lsp-connection.mjs';
import { phaseTimer } from './measure.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');
const server = requireBuiltServer('bench/lsp-large');
const LINES = 5786;
const writeTo = process.argv[2] === '--write' ? process.argv[3] : undefined;
const SAMPLES = Number((writeTo ? undefined : process.argv[2]) ?? 10);

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${pick(0.5).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms (n=${samples.length})`;
}

const text = largeAgreement(LINES);
if (writeTo) {
  writeFileSync(writeTo, text);
  process.exit(0);
}
const textLines = text.split('\n');
const file = join(root, 'bench', 'large-agreement.sla'); // never written: the server reads the buffer
const uri = pathToFileURL(file).href;
const out = (line) => process.stdout.write(`lsp-large: ${line}\n`);
out(`generated agreement of ${textLines.length - 1} lines`);

// Per phase, in this process, as CPU time (less sensitive than wall time to a loaded machine).
const { parseDocument } = await import(pathToFileURL(join(dist, 'language', 'parser', 'index.js')).href);
const { bind } = await import(pathToFileURL(join(dist, 'language', 'binder', 'index.js')).href);
const { check } = await import(pathToFileURL(join(dist, 'language', 'checker', 'index.js')).href);
const { analyze } = await import(pathToFileURL(join(dist, 'language', 'workspace', 'index.js')).href);
const { loadFiles } = await import(pathToFileURL(join(dist, 'language', 'workspace', 'load-files.js')).href);
const { unusedTermDiagnosticsOfModel } = await import(pathToFileURL(join(dist, 'compiler', 'unused-terms.js')).href);
const { diagnosticsFor } = await import(pathToFileURL(join(dist, 'lsp', 'services', 'diagnostics.js')).href);
const host = { readFile: (f) => (f === file ? text : undefined) };
const { phases, timed } = phaseTimer();
for (let i = 0; i < Math.min(SAMPLES, 5); i++) {
  const parsed = timed('parse', () => parseDocument(text, file));
  const loaded = loadFiles(file, host, () => parsed);
  const bound = timed('bind', () => bind(loaded));
  timed('check', () => check(loaded, bound));
  const analysis = analyze(file, host);
  const model = timed('model', () => analysis.model);
  timed('document judgement (SLA5005 terms)', () => unusedTermDiagnosticsOfModel(model, file, (f) => analysis.texts.get(f)));
  timed('LSP diagnostics of the analysis (publish)', () => diagnosticsFor(analysis, file, () => uri));
}
out('CPU time of each phase, in this process:');
for (const [name, samples] of Object.entries(phases)) out(`  ${name}: ${stats(samples)}`);

// Over stdio, as an editor drives the server.
const { connection, published: publishedFor, close } = await startBuiltServer(server);
const published = (version) => publishedFor(uri, version);
const elapsed = async (run) => {
  const started = performance.now();
  const result = await run();
  return [performance.now() - started, result];
};

let version = 1;
const [openMs, first] = await elapsed(async () => {
  const diagnostics = published(version);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sla', version, text } });
  return diagnostics;
});
out(`open to first diagnostics: ${openMs.toFixed(1)} ms (${first.diagnostics.length} diagnostics)`);

// A metric in the middle of the file: completion after its `clock `, hover on its name, edits of its target's amount.
const metricLine = textLines.findIndex((line, i) => i > textLines.length / 2 && line.startsWith('metric Fix'));
const clockLine = metricLine + 3;
const targetLine = metricLine + 4;
const amountAt = textLines[targetLine].search(/\d/);
const completionAt = { textDocument: { uri }, position: { line: clockLine, character: '  clock '.length } };
const hoverAt = { textDocument: { uri }, position: { line: metricLine, character: 'metric F'.length } };
const complete = async () => {
  const items = await connection.sendRequest(CompletionRequest.type, completionAt);
  if (!Array.isArray(items) || items.length < 100) throw new Error(`expected the calendars, got ${JSON.stringify(items).slice(0, 200)}`);
};
const hover = async () => {
  const answer = await connection.sendRequest(HoverRequest.type, hoverAt);
  if (!answer) throw new Error('expected a hover on the metric');
};
const editAmount = async (i) => {
  version++;
  const amount = String((version % 8) + 1); // never the text of the version before
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line: targetLine, character: amountAt }, end: { line: targetLine, character: amountAt + 1 } }, text: amount }],
  });
};
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const figures = { completion: [], hover: [], edit: [], completionAfterEdit: [], hoverAfterEdit: [] };
for (let i = 0; i < SAMPLES; i++) {
  figures.completion.push((await elapsed(complete))[0]);
  figures.hover.push((await elapsed(hover))[0]);
  // A one-character edit, alone: its diagnostics.
  const wait = published(version + 1);
  figures.edit.push((await elapsed(async () => (await editAmount(i), wait)))[0]);
  await pause(200);
  // An edit and at once a completion (what a keystroke sends), then a hover.
  const validated = published(version + 1);
  await editAmount(i + 1);
  figures.completionAfterEdit.push((await elapsed(complete))[0]);
  figures.hoverAfterEdit.push((await elapsed(hover))[0]);
  await validated;
  await pause(200);
}
out(`completion, nothing changed: ${stats(figures.completion)}`);
out(`hover, nothing changed: ${stats(figures.hover)}`);
out(`one-character edit -> its diagnostics: ${stats(figures.edit)}`);
out(`completion right after an edit: ${stats(figures.completionAfterEdit)}`);
out(`hover right after an edit (and that completion): ${stats(figures.hoverAfterEdit)}`);
// Timings on a loaded machine are not comparable: say how loaded it was.
out(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
close();
