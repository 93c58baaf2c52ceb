// Language-server latency on a generated 5,000-line agreement: the time from
// didChange to publishDiagnostics for an isolated edit, and completion
// latency (right after an edit, and with nothing changed), and typing bursts
// with semantic-token requests cancelled as Neovim does. Runs the built
// server (dist/lsp/server/stdio.js) over stdio, as an editor does.
// Targets: diagnostics 50 ms (p95; the bench says whether it held),
// completion 20 ms. Wall times on a loaded machine mostly measure the load:
// the CPU time of each language stage, measured in-process, is printed too.
// Seeded: the same file each run.
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  SemanticTokensRequest,
} from 'vscode-languageserver-protocol/node';
import { requireBuiltServer, startBuiltServer } from './lsp-connection.mjs';
import { phaseTimer } from './measure.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const server = requireBuiltServer('bench/lsp');

/** A generated agreement of about `lines` lines: calendars, severities, many metrics. */
function generateAgreement(lines) {
  const out = [
    'agreement Generated {',
    '  title "Generated agreement"',
    '  version "1.0"',
    '  effective 2026-01-01',
    '  provider "Provider Ltd"',
    '  client Customer',
    '}',
    '',
    'param Customer "[Customer]"',
    '',
    'severity P1 { description "Down." }',
    'severity P2 { description "Degraded." }',
    'severity P3 { description "Other." default }',
    '',
  ];
  const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Europe/London'];
  for (let c = 0; c < 20; c++) {
    out.push(`calendar Hours${c} {`, `  timezone "${zones[c % zones.length]}"`, `  hours Mon-Fri 0${c % 3 + 7}:00-17:00`, '  holidays {');
    for (let h = 1; h <= 6; h++) out.push(`    2026-${String(h * 2).padStart(2, '0')}-1${h} "Holiday ${h}"`);
    out.push('  }', '}', '');
  }
  let m = 0;
  while (out.length < lines - 12) {
    out.push(
      `metric Metric${m} {`,
      `  title "Metric number ${m}"`,
      '  measures resolution',
      `  clock Hours${m % 20}`,
      `  target P1 ${1 + (m % 4)} hours`,
      `  target P2 ${m % 3 + 1} business days`,
      '  target P3 5 business days',
      `  objective ${90 + (m % 9)}% monthly`,
      '}',
      '',
    );
    m++;
  }
  out.push('escalation {', '  level 1 "Lead" at 50% of Metric0', '  level 2 "Head" at 100% of Metric0', '}', '');
  out.push('credits {', '  when Metric1 below 90% credit 5%', '  cap 20%', '}');
  return `${out.join('\n')}\n`;
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${pick(0.5).toFixed(1)} ms, p95 ${pick(0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms (n=${samples.length})`;
}

const { connection, published: publishedFor, close } = await startBuiltServer(server);

const text = generateAgreement(5000);
const lineCount = text.split('\n').length;
const uri = pathToFileURL(join(root, 'bench', 'generated-5000.sla')).href;
const published = (version) => publishedFor(uri, version);

let version = 1;
let started = performance.now();
let first = published(version);
await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sla', version, text } });
const firstDiagnostics = await first;
const openMs = performance.now() - started;

// An isolated edit: change one target's amount on a line in the middle, 300 ms apart (past the debounce).
const editLine = text.split('\n').findIndex((line, i) => i > lineCount / 2 && line.startsWith('  target P1'));
const diagnosticsMs = [];
const completionAfterEditMs = [];
const completionMs = [];
const position = { line: editLine - 1, character: '  clock '.length };
for (let i = 0; i < 30; i++) {
  version++;
  const wait = published(version);
  started = performance.now();
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line: editLine, character: 12 }, end: { line: editLine, character: 13 } }, text: String((i % 8) + 1) }],
  });
  await wait;
  diagnosticsMs.push(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 200));
}
for (let i = 0; i < 30; i++) {
  version++;
  const validated = published(version);
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line: editLine, character: 12 }, end: { line: editLine, character: 13 } }, text: String((i % 8) + 1) }],
  });
  started = performance.now();
  const items = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  completionAfterEditMs.push(performance.now() - started);
  if (!Array.isArray(items) || items.length < 20) throw new Error(`expected the 20 calendars, got ${JSON.stringify(items).slice(0, 200)}`);
  // A second request straight after: it waits if validation of the edit has started meanwhile.
  started = performance.now();
  await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  completionMs.push(performance.now() - started);
  await validated; // the next edit comes once this one is validated: each edit is isolated
  await new Promise((resolve) => setTimeout(resolve, 100));
}

// Typing as Neovim does it: each keystroke sends didChange and asks for
// semantic tokens, cancelling the previous request. Five keystrokes 30 ms
// apart, then a pause; the latency is from the last keystroke to the
// diagnostics of its version. The server must give the stale requests up
// (RequestCancelled / ContentModified) instead of analysing every version.
const typingMs = [];
let abandoned = 0;
let answered = 0;
for (let burst = 0; burst < 20; burst++) {
  let previous;
  let wait;
  for (let key = 0; key < 5; key++) {
    version++;
    if (key === 4) wait = published(version);
    previous?.source.cancel();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: editLine, character: 12 }, end: { line: editLine, character: 13 } }, text: String(((burst + key) % 8) + 1) }],
    });
    started = performance.now();
    const source = new CancellationTokenSource();
    const answer = connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }, source.token).then(
      () => answered++,
      () => abandoned++,
    );
    previous = { source, answer };
    if (key < 4) await new Promise((resolve) => setTimeout(resolve, 30));
  }
  await wait;
  typingMs.push(performance.now() - started);
  await previous.answer;
  await new Promise((resolve) => setTimeout(resolve, 300));
}

// Where the diagnostics time goes: the language stages alone, in this
// process, as CPU time (less sensitive than wall time to a loaded machine),
// for a whole file and for the same one-digit edit the server sees.
const { parseDocument, reparseDocument } = await import(pathToFileURL(join(root, 'dist', 'language', 'parser', 'index.js')).href);
const { tokenize } = await import(pathToFileURL(join(root, 'dist', 'language', 'lexer', 'lexer.js')).href);
const { bind } = await import(pathToFileURL(join(root, 'dist', 'language', 'binder', 'index.js')).href);
const { check } = await import(pathToFileURL(join(root, 'dist', 'language', 'checker', 'index.js')).href);
const { analyze, ParseCache } = await import(pathToFileURL(join(root, 'dist', 'language', 'workspace', 'index.js')).href);
const { loadFiles } = await import(pathToFileURL(join(root, 'dist', 'language', 'workspace', 'load-files.js')).href);
const file = fileURLToPath(uri);
const textLines = text.split('\n');
const edited = (i) => {
  const copy = [...textLines];
  copy[editLine] = `${copy[editLine].slice(0, 12)}${(i % 8) + 1}${copy[editLine].slice(13)}`;
  return copy.join('\n');
};
let current = text;
const host = { readFile: (f) => (f === file ? current : undefined) };
const { phases: stages, timed } = phaseTimer();
const cache = new ParseCache();
analyze(file, host, { parseCache: cache });
let previousParse = parseDocument(text, file);
for (let i = 0; i < 12; i++) {
  current = edited(i);
  timed('lex (whole file)', () => tokenize(current, file));
  timed('parse (whole file: lex, parse, syntax tree)', () => parseDocument(current, file));
  previousParse = timed('parse after the edit (incremental)', () => reparseDocument(previousParse, current, file));
  const parsed = previousParse;
  const loaded = loadFiles(file, host, () => parsed);
  const bound = timed('bind', () => bind(loaded));
  timed('check', () => check(loaded, bound));
  timed('analyze (whole file, no cache)', () => analyze(file, host));
  current = edited(i + 3);
  timed('analyze after the edit (as the server does: parse cache)', () => analyze(file, host, { parseCache: cache }));
}

const DIAGNOSTICS_TARGET_MS = 50;
const p95 = (samples) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(0.95 * samples.length))];
const verdict = (samples) => (p95(samples) <= DIAGNOSTICS_TARGET_MS ? 'held' : 'MISSED');
process.stdout.write(`lsp: generated agreement of ${lineCount} lines (${firstDiagnostics.diagnostics.length} diagnostics)\n`);
process.stdout.write(`lsp: open to first diagnostics: ${openMs.toFixed(1)} ms\n`);
process.stdout.write(
  `lsp: didChange -> publishDiagnostics: ${stats(diagnosticsMs)}; target p95 ${DIAGNOSTICS_TARGET_MS} ms: ${verdict(diagnosticsMs)}\n`,
);
process.stdout.write(
  `lsp: typing with semantic tokens and cancellation, last keystroke -> publishDiagnostics: ${stats(typingMs)}; target p95 ${DIAGNOSTICS_TARGET_MS} ms: ${verdict(typingMs)}; ${abandoned} stale token requests given up, ${answered} answered\n`,
);
process.stdout.write('lsp: CPU time of the language stages in this process (one-digit edit in the middle of the file):\n');
for (const [name, samples] of Object.entries(stages)) process.stdout.write(`lsp:   ${name}: ${stats(samples)}\n`);
process.stdout.write(`lsp: completion right after an edit: ${stats(completionAfterEditMs)} (target 20 ms)\n`);
process.stdout.write(`lsp: a second completion straight after: ${stats(completionMs)} (target 20 ms)\n`);
// Timings on a loaded machine are not comparable: say how loaded it was.
process.stdout.write(`lsp: load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
close();
