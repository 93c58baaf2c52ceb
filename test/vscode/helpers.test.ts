// The extension's vscode-free helpers: preview hardening, the CLI command
// lines, the settings reader and the child-process runner.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { failureMessage, headlineError, runBundledCli } from '../../vscode-extension/src/bundled-cli.js';
import { repoRoot } from './tokenize.js';
import { compileArgs, declaredOnly, paramsFromSetting, pdfPathFor } from '../../vscode-extension/src/compile-request.js';
import { declaredParams } from '../../vscode-extension/src/declared-params.js';
import { previewContentSecurityPolicy, previewMessagePage, securePreviewHtml } from '../../vscode-extension/src/preview-html.js';

const cspSource = 'https://webview.test';

function policyOf(html: string): string[] {
  return [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)].map((m) => m[1]!);
}

describe('preview HTML', () => {
  it('allows no scripts: the policy has no script source and defaults to none', () => {
    const policy = previewContentSecurityPolicy(cspSource);
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toMatch(/script-src/);
    expect(policy).toContain(`style-src ${cspSource} 'unsafe-inline'`);
  });

  it.each([
    ['a full document', '<!DOCTYPE html><html lang="en"><head><title>A</title></head><body><p>x</p></body></html>'],
    ['a document without head', '<html><body><p>x</p></body></html>'],
    ['a fragment', '<h1>Agreement</h1><p>x</p>'],
  ])('puts the policy in the head of %s, once', (_what, html) => {
    const secured = securePreviewHtml(html, cspSource);
    expect(policyOf(secured)).toEqual([previewContentSecurityPolicy(cspSource)]);
    expect(secured.indexOf('Content-Security-Policy')).toBeLessThan(secured.indexOf('<p>x</p>'));
    expect(secured).toMatch(/<head[^>]*>[\s\S]*Content-Security-Policy[\s\S]*<\/head>/);
  });

  it('prints the agreement black on white whatever the editor theme, letting its own styles win', () => {
    const secured = securePreviewHtml('<html><head><style>h1 { color: navy }</style></head><body><h1>A</h1></body></html>', cspSource);
    expect(secured).toMatch(/<style>html, body \{ background: #ffffff; color: #111111; \}<\/style>[\s\S]*h1 \{ color: navy \}/);
  });

  it('removes script elements but keeps the text around them', () => {
    const html = '<html><head><script src="x.js"></script></head><body>before<SCRIPT type="module">alert(1)</SCRIPT>after<script/></body></html>';
    const secured = securePreviewHtml(html, cspSource);
    expect(secured).not.toMatch(/<script/i);
    expect(secured).toContain('beforeafter');
  });

  it('shows a message page with the text escaped', () => {
    const page = previewMessagePage('hosting.sla cannot be previewed', 'hosting.sla:3:5: unknown <calendar> "Ofice"');
    expect(page).toContain('hosting.sla:3:5: unknown &lt;calendar&gt; &quot;Ofice&quot;');
    expect(page).not.toContain('<calendar>');
  });
});

describe('compile command lines', () => {
  it('passes the file, format, output and each param', () => {
    expect(compileArgs({ file: '/a/hosting.sla', format: 'pdf', out: '/a/hosting.pdf', params: { CustomerName: 'Acme Ltd' } })).toEqual([
      'compile', '/a/hosting.sla', '--format', 'pdf', '--output', '/a/hosting.pdf', '--param', 'CustomerName=Acme Ltd',
    ]);
    expect(compileArgs({ file: 'x.sla', format: 'html', out: 'x.html', params: {} })).toEqual(['compile', 'x.sla', '--format', 'html', '--output', 'x.html']);
  });

  it.each([
    ['/work/agreements/hosting.sla', '/work/agreements/hosting.pdf'],
    ['/work/agreements/Hosting.SLA', '/work/agreements/Hosting.pdf'],
    ['/work/my.agreement.sla', '/work/my.agreement.pdf'],
    ['/work/notes', '/work/notes.pdf'],
  ])('writes the PDF of %s to %s', (file, pdf) => {
    expect(pdfPathFor(file)).toBe(pdf);
  });

  it('reads the sla.params setting, reporting entries that are not plain values', () => {
    expect(paramsFromSetting({ CustomerName: 'Acme', Seats: 40, Bad: { nested: true }, Worse: null })).toEqual({
      params: { CustomerName: 'Acme', Seats: '40' },
      ignored: ['Bad', 'Worse'],
    });
    expect(paramsFromSetting(undefined)).toEqual({ params: {}, ignored: [] });
    expect(paramsFromSetting(['x'])).toEqual({ params: {}, ignored: [] });
  });

  it('takes the values given for one file over the plain ones, and skips other files\' values', () => {
    const setting = { ClientName: 'Acme', Region: 'EU', 'hosting.sla': { ClientName: 'Hosting Co', Seats: 3 }, 'shared/letsflo.sla': { Region: 'US' } };
    expect(paramsFromSetting(setting, ['hosting.sla'])).toEqual({ params: { ClientName: 'Hosting Co', Region: 'EU', Seats: '3' }, ignored: [] });
    expect(paramsFromSetting(setting, ['shared/letsflo.sla', 'letsflo.sla'])).toEqual({ params: { ClientName: 'Acme', Region: 'US' }, ignored: [] });
  });

  it('keeps only the params an agreement declares', () => {
    expect(declaredOnly({ ClientName: 'Acme', Region: 'EU' }, new Set(['ClientName']))).toEqual({ params: { ClientName: 'Acme' }, skipped: ['Region'] });
  });

  it('finds the params an agreement declares, in its imports too', () => {
    expect([...declaredParams(join(repoRoot, 'examples', 'poologics.sla'))]).toEqual(['ClientName']);
    const files: Record<string, string> = { '/w/a.sla': 'import "b.sla"\nparam A "[A]"\n', '/w/b.sla': 'import "a.sla"\nparam B "[B]"\n// param C "[C]"\n' };
    expect([...declaredParams('/w/a.sla', (file) => files[file])].sort()).toEqual(['A', 'B']);
  });
});

describe('the error a failed compile shows', () => {
  it('is the first error, not a warning printed before it', () => {
    const stderr = "a.sla:2:1: warning SLA4001: Unused.\na.sla:8:3: error SLA2001: Unknown calendar 'Ofice'.\n  clock Ofice\n1 error in 1 file\n";
    expect(headlineError(stderr)).toBe("a.sla:8:3: error SLA2001: Unknown calendar 'Ofice'.");
  });

  it('is the CLI\'s own message for a failure outside the agreement', () => {
    expect(headlineError('(node:1) Warning: something deprecated\nslac: could not start Chromium: not found\n')).toBe('slac: could not start Chromium: not found');
  });
});

describe('running the bundled CLI', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sla-vscode-cli-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  // A stand-in for dist/cli.js: echoes its arguments and an environment value, fails on request.
  const standIn = join(folder, 'cli.js');
  writeFileSync(
    standIn,
    [
      'const args = process.argv.slice(2);',
      'process.stdout.write(JSON.stringify({ args, cwd: process.cwd(), browser: process.env.PUPPETEER_EXECUTABLE_PATH }));',
      "if (args[0] === 'fail') { process.stderr.write('hosting.sla:12:3: unknown calendar \"Ofice\"\\n'); process.exitCode = 2; }",
    ].join('\n'),
  );

  it('runs the script with the arguments, folder and environment given', async () => {
    const run = await runBundledCli(['compile', 'a b.sla'], { cliPath: standIn, cwd: folder, env: { PUPPETEER_EXECUTABLE_PATH: '/usr/bin/chromium' } });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ args: ['compile', 'a b.sla'], cwd: folder, browser: '/usr/bin/chromium' });
  });

  it('reports the exit code and what the CLI printed when it fails', async () => {
    const run = await runBundledCli(['fail'], { cliPath: standIn, cwd: folder });
    expect(run.exitCode).toBe(2);
    expect(failureMessage(run)).toBe('hosting.sla:12:3: unknown calendar "Ofice"');
  });

  it('says so when the CLI failed silently', () => {
    expect(failureMessage({ exitCode: 3, stdout: '', stderr: '' })).toBe('slac exited with code 3 and printed nothing.');
  });

  it('reports a missing CLI as a failed run, not a hang', async () => {
    const run = await runBundledCli([], { cliPath: join(folder, 'missing.js'), cwd: folder });
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('missing.js');
  });
});
