// The opt-in end-to-end editor suite (`npm run test:editors`; not part of
// `npm test` or CI, since it installs editors). It installs what the editors
// it runs need (scripts/editors-setup.sh: code-server only for vscode),
// builds the CLI and the .vsix, then checks the language server and the
// extension in real editors: VS Code (code-server driven with puppeteer and
// Chromium), Neovim and Emacs, headless. Prints one line per scenario with
// its time and exits non-zero when one fails.
//   npm run test:editors                       everything
//   npm run test:editors -- vscode nvim emacs  only the editors named
//   npm run test:editors -- --no-build         with dist/ and the .vsix as they are
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installExtension } from './code-server.mjs';
import { restrictedScenarios, trustedScenarios } from './vscode-scenarios.mjs';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const options = process.argv.slice(2);
const named = options.filter((option) => !option.startsWith('--'));
const editors = named.length > 0 ? named : ['vscode', 'nvim', 'emacs'];
/** `--no-build` reuses dist/ and the .vsix as they are (when iterating on the suite itself). */
const build = !options.includes('--no-build');
const suiteStarted = Date.now();
const results = [];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs one scenario, records it, and keeps going when it fails (a screenshot is taken first). */
async function check(name, scenario, onFailure) {
  const started = Date.now();
  try {
    await scenario();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${seconds(Date.now() - started)})`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name} (${seconds(Date.now() - started)}): ${error instanceof Error ? error.message : String(error)}`);
    await onFailure?.(name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  }
}

/** Runs a step that the rest depends on; stops the suite with its output when it fails. */
function step(what, command, args) {
  const started = Date.now();
  // Its messages (stderr) show as they come; its chatter (stdout) only when it fails.
  const run = spawnSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) {
    console.error(`test:editors: ${what} failed:\n${run.stdout ?? ''}`);
    process.exit(1);
  }
  console.log(`---- ${what} (${seconds(Date.now() - started)})`);
  return run.stdout ?? '';
}

// Only what the editors named need: `-- nvim emacs` does not install code-server.
const setupOutput = step('install the editors (scripts/editors-setup.sh)', 'bash', [join(root, 'scripts', 'editors-setup.sh'), ...editors]);
/** The code-server entry script, the setup's last line (printed only when vscode is set up). */
const entry = editors.includes('vscode') ? setupOutput.trim().split('\n').at(-1) : undefined;
if (build) step('build the CLI (npm run build)', process.execPath, [join(root, 'scripts', 'build.mjs')]);
if (build && editors.includes('vscode')) step('package the extension (npm run package:vscode)', process.execPath, [join(root, 'scripts', 'package-vscode.mjs')]);

const work = mkdtempSync(join(tmpdir(), 'slac-editors-'));
const shots = join(work, 'screenshots');
mkdirSync(shots);

/**
 * A workspace of example agreements: corporate.sla and finance.sla (which
 * imports it) from examples/multilevel, broken.sla (finance with a misspelt
 * calendar), draft.sla (a calendar being typed) and messy.sla (corporate,
 * badly laid out).
 */
function makeWorkspace(name) {
  const folder = join(work, name);
  mkdirSync(folder);
  for (const file of ['corporate.sla', 'finance.sla']) cpSync(join(root, 'examples', 'multilevel', file), join(folder, file));
  const finance = readFileSync(join(folder, 'finance.sla'), 'utf8');
  writeFileSync(join(folder, 'broken.sla'), finance.replace('clock ServiceDesk', 'clock ServceDesk'));
  writeFileSync(join(folder, 'draft.sla'), 'calendar Office {\n  timezone "Europe/Berlin"\n  hours Mon-\n}\n');
  writeFileSync(join(folder, 'unused-term.sla'), `${finance}\nterm "Incident" "an unplanned interruption"\n`);
  const corporate = readFileSync(join(folder, 'corporate.sla'), 'utf8');
  writeFileSync(join(folder, 'messy.sla'), corporate.replace(/^  (\S)/gm, '      $1').replace(/ (\d+) (hours|minutes)/g, '   $1    $2'));
  return folder;
}

/** What `slac fmt` makes of messy.sla: formatting in an editor must give exactly this. */
function formattedBySlac(folder) {
  const copy = mkdtempSync(join(work, 'fmt-'));
  cpSync(join(folder, 'messy.sla'), join(copy, 'messy.sla'));
  execFileSync(process.execPath, [join(root, 'bin', 'slac.js'), 'fmt', join(copy, 'messy.sla')]);
  const formatted = readFileSync(join(copy, 'messy.sla'), 'utf8');
  if (formatted === readFileSync(join(folder, 'messy.sla'), 'utf8')) throw new Error('messy.sla is already formatted: the formatting scenario could not fail');
  return formatted;
}

/** `slac` on PATH, as the recipes expect: a wrapper around the built bin/slac.js. */
function slacOnPath() {
  const bin = join(work, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'slac'), `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'bin', 'slac.js')}" "$@"\n`, { mode: 0o755 });
  return { ...process.env, PATH: `${bin}:${process.env.PATH}` };
}

/** The first code block in `language` after the line of docs/editors.md starting with `heading`. */
function recipe(heading, language) {
  const lines = readFileSync(join(root, 'docs', 'editors.md'), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith(heading));
  const open = lines.findIndex((line, index) => index > start && line === '```' + language);
  const close = lines.findIndex((line, index) => index > open && line === '```');
  if (start < 0 || open < 0 || close < 0) throw new Error(`docs/editors.md has no ${language} block after "${heading}"`);
  return lines.slice(open + 1, close).join('\n') + '\n';
}

/**
 * Runs an editor's scenario script, which prints one `ok`/`FAIL` line per
 * scenario; each line becomes a result of the suite.
 */
function runEditorScript(what, command, args, cwd, env) {
  const started = Date.now();
  const run = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  const lines = output.split(/\r?\n/).filter((line) => /^(ok|FAIL) {1,3}/.test(line));
  for (const line of lines) {
    results.push({ name: line.replace(/^(ok|FAIL) +/, ''), ok: line.startsWith('ok') });
    console.log(line);
  }
  if (lines.length === 0 || (run.status !== 0 && !lines.some((line) => line.startsWith('FAIL')))) {
    results.push({ name: what, ok: false });
    console.log(`FAIL ${what}: exited with ${run.status ?? run.signal}\n${output}`);
  }
  console.log(`---- ${what} (${seconds(Date.now() - started)})`);
}

try {
  if (editors.includes('nvim')) {
    const workspace = makeWorkspace('nvim');
    const expectedFmt = join(work, 'nvim-expected.sla');
    writeFileSync(expectedFmt, formattedBySlac(workspace));
    const init = join(work, 'init.lua');
    writeFileSync(init, recipe('Neovim 0.7 (what Debian 12 ships', 'lua'));
    runEditorScript('Neovim (headless, the 0.7 recipe)', 'nvim', ['--headless', '-u', init, '-c', `luafile ${join(root, 'test', 'editors', 'nvim', 'scenarios.lua')}`], workspace, {
      ...slacOnPath(),
      SLAC_EXPECTED_FMT: expectedFmt,
    });
  }

  if (editors.includes('emacs')) {
    const workspace = makeWorkspace('emacs');
    const expectedFmt = join(work, 'emacs-expected.sla');
    writeFileSync(expectedFmt, formattedBySlac(workspace));
    const initEl = join(work, 'init.el');
    writeFileSync(initEl, recipe('## Emacs (eglot)', 'elisp'));
    runEditorScript('Emacs (batch, eglot)', 'emacs', ['--batch', '-l', join(root, 'test', 'editors', 'emacs', 'scenarios.el')], workspace, {
      ...slacOnPath(),
      HOME: join(work, 'emacs-home'),
      SLAC_RECIPE: initEl,
      SLAC_EXPECTED_FMT: expectedFmt,
    });
  }

  if (editors.includes('vscode')) {
    const home = join(work, 'vscode-home');
    const extensionsDir = join(home, 'extensions');
    mkdirSync(home);
    const manifest = JSON.parse(readFileSync(join(root, 'vscode-extension', 'package.json'), 'utf8'));
    const vsix = join(root, 'vscode-extension', `${manifest.name}-${manifest.version}.vsix`);
    await check('vscode: code-server --install-extension installs the .vsix', async () => {
      const said = installExtension(entry, extensionsDir, join(home, 'user-data'), vsix, home);
      if (!said.includes('successfully installed')) throw new Error(said);
    });
    const workspace = makeWorkspace('vscode');
    await trustedScenarios({ entry, home, extensionsDir, workspace, expected: { messyFormatted: formattedBySlac(workspace) }, check, shots });

    const restricted = makeWorkspace('restricted');
    mkdirSync(join(restricted, '.vscode'));
    // A "browser" that leaves a mark and fails: run only once the folder is trusted.
    const folderBrowser = join(restricted, 'browser.sh');
    writeFileSync(folderBrowser, `#!/bin/sh\ntouch "${join(restricted, 'browser-ran')}"\nexit 1\n`, { mode: 0o755 });
    writeFileSync(join(restricted, '.vscode', 'settings.json'), JSON.stringify({ 'sla.pdf.browserPath': folderBrowser }));
    const restrictedHome = join(work, 'restricted-home');
    mkdirSync(restrictedHome);
    await restrictedScenarios({ entry, home: restrictedHome, extensionsDir, workspace: restricted, check, shots });
  }
} finally {
  const failed = results.filter((result) => !result.ok);
  console.log(`\ntest:editors: ${results.length - failed.length} passed, ${failed.length} failed, in ${seconds(Date.now() - suiteStarted)}`);
  if (failed.length > 0) console.log(`screenshots of the failures are in ${shots}`);
  else rmSync(work, { recursive: true, force: true });
  process.exitCode = failed.length > 0 ? 1 : 0;
}
