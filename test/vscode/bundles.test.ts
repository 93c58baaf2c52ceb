// The bundles the extension ships, built exactly as `npm run package:vscode`
// builds them (into a temporary folder, far from node_modules): each one is
// self-contained, the server answers over stdio, and the CLI renders an
// example through the same command line the preview uses.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVscodeBundles, copyBundledFont, type BuiltBundle } from '../../scripts/vscode-bundles.mjs';
import { failureMessage, runBundledCli } from '../../vscode-extension/src/bundled-cli.js';
import { compileArgs } from '../../vscode-extension/src/compile-request.js';
import { repoRoot } from './tokenize.js';

/** An agreement whose metric names a calendar that does not exist, on line 8. */
const brokenAgreement = [
  'calendar Office {',
  '  timezone "Europe/Berlin"',
  '  hours Mon-Fri 09:00-17:00',
  '}',
  '',
  'metric Fix {',
  '  measures resolution',
  '  clock Ofice',
  '  target 4 hours',
  '}',
  '',
].join('\n');

const outDir = mkdtempSync(join(tmpdir(), 'sla-vscode-bundles-'));
let bundles: BuiltBundle[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  bundles = await buildVscodeBundles(repoRoot, outDir);
});

afterAll(() => {
  for (const child of children) child.kill();
  rmSync(outDir, { recursive: true, force: true });
});

function bundlePath(what: string): string {
  const bundle = bundles.find((b) => b.what === what);
  if (!bundle) throw new Error(`no ${what} bundle was built`);
  return bundle.outfile;
}

/** The modules a bundle still loads at run time with `require("...")`. */
function requiredModules(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...new Set([...source.matchAll(/\brequire\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]!))].sort();
}

function isBuiltin(name: string): boolean {
  return name.startsWith('node:') || builtinModules.includes(name.split('/')[0]!);
}

describe('bundles of the VS Code extension', () => {
  // puppeteer's WebSocket library tries two optional native speed-ups inside try/catch and runs without them.
  const optionalAddOns = ['bufferutil', 'utf-8-validate'];
  it.each([
    ['extension', ['vscode']],
    ['language server', []],
    ['slac CLI', optionalAddOns],
  ])('the %s bundle loads nothing from node_modules at run time', (what, allowed) => {
    const outside = requiredModules(bundlePath(what)).filter((name) => !isBuiltin(name) && !allowed.includes(name));
    expect(outside).toEqual([]);
  });

  // A dependency's own require() of its files that esbuild could not follow (a UMD build's factory is handed
  // `require`, which the minifier renames: `t("./impl/format")`) stays a call for a file the bundle lacks.
  it.each(['extension', 'language server', 'slac CLI'])('the %s bundle calls for no file of its own by a relative path', (what) => {
    const source = readFileSync(bundlePath(what), 'utf8');
    expect([...source.matchAll(/\b[A-Za-z_$][\w$]*\("\.\.?\/[^"]+"\)/g)].map((m) => m[0])).toEqual([]);
  });

  it('the extension bundle loads vscode from the editor', () => {
    expect(requiredModules(bundlePath('extension'))).toContain('vscode');
  });

  it('the bundled language server answers over stdio and reports a broken document', async () => {
    const server = spawn(process.execPath, [bundlePath('language server'), '--stdio'], { cwd: outDir, stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(server);
    const connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const published = new Promise<{ uri: string; diagnostics: { range: { start: { line: number } }; code?: unknown }[] }>((resolve) =>
      connection.onNotification('textDocument/publishDiagnostics', resolve),
    );
    connection.listen();
    const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as {
      capabilities: Record<string, unknown>;
    };
    expect(result.capabilities).toHaveProperty('textDocumentSync');
    expect(result.capabilities).toHaveProperty('completionProvider');
    await connection.sendNotification('initialized', {});
    const uri = pathToFileURL(join(outDir, 'open.sla')).href;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sla', version: 1, text: brokenAgreement } });
    const { diagnostics } = await published;
    expect(diagnostics.map((d) => d.range.start.line)).toContain(7);
    expect(diagnostics.every((d) => typeof d.code === 'string' && d.code.startsWith('SLA'))).toBe(true);
    await connection.sendRequest('shutdown');
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    await connection.sendNotification('exit');
    await exited;
    connection.dispose();
  });

  it('the bundled CLI renders an example to HTML with its unfilled param shown', async () => {
    const out = join(outDir, 'hosting.html');
    const file = join(repoRoot, 'examples', 'hosting.sla');
    const run = await runBundledCli(compileArgs({ file, format: 'html', out, params: {} }), { cliPath: bundlePath('slac CLI'), cwd: outDir });
    expect(run.exitCode, failureMessage(run)).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Managed Hosting Service Level Agreement');
    expect(html).toContain('COMPANY NAME HERE');
  });

  it('the bundled CLI fills a param given on the command line', async () => {
    const out = join(outDir, 'hosting-acme.html');
    const file = join(repoRoot, 'examples', 'hosting.sla');
    const args = compileArgs({ file, format: 'html', out, params: { CustomerName: 'Acme Widgets Ltd' } });
    const run = await runBundledCli(args, { cliPath: bundlePath('slac CLI'), cwd: outDir });
    expect(run.exitCode, failureMessage(run)).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Acme Widgets Ltd');
    expect(html).not.toContain('COMPANY NAME HERE');
  });

  // Found in code-server: Compile to PDF failed with "Cannot find module
  // '@fontsource/source-serif-4/files/...'", as the installed extension has
  // no node_modules. Packaging now ships the font beside the bundle.
  it('the bundled CLI prints a PDF with the body font shipped beside it, far from node_modules', async () => {
    expect(copyBundledFont(repoRoot, outDir)).toHaveLength(10);
    const out = join(outDir, 'hosting.pdf');
    const file = join(repoRoot, 'examples', 'hosting.sla');
    const run = await runBundledCli(compileArgs({ file, format: 'pdf', out, params: {} }), { cliPath: bundlePath('slac CLI'), cwd: outDir });
    expect(run.exitCode, failureMessage(run)).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(execFileSync('pdffonts', [out], { encoding: 'utf8' })).toContain('SourceSerif4');
  });

  it('the bundled CLI reports a broken agreement with its file and line, for the preview to show', async () => {
    const file = join(outDir, 'broken.sla');
    writeFileSync(file, brokenAgreement);
    const run = await runBundledCli(compileArgs({ file, format: 'html', out: join(outDir, 'broken.html'), params: {} }), {
      cliPath: bundlePath('slac CLI'),
      cwd: outDir,
    });
    expect(run.exitCode).not.toBe(0);
    const message = failureMessage(run);
    expect(message).toContain('broken.sla');
    expect(message).toMatch(/\b8\b/);
    expect(message).not.toMatch(/\n\s+at /);
  });

  it('the bundled CLI refuses a compiled model with a wrong value at its line and column', async () => {
    const model = join(outDir, 'wrong.sla.json');
    writeFileSync(model, '{\n  "format": "slac-model",\n  "version": 1\n}\n');
    writeFileSync(join(outDir, 'empty.csv'), 'ticket,time,event\n');
    const run = await runBundledCli(['check', model, join(outDir, 'empty.csv')], { cliPath: bundlePath('slac CLI'), cwd: outDir });
    expect(run.exitCode).toBe(2);
    expect(failureMessage(run)).toContain('wrong.sla.json:3:14: not a valid compiled model: version 1 is not supported');
  });
});
