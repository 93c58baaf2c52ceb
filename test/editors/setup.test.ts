// scripts/editors-setup.sh installs only what the editors named need
// (`npm run test:editors -- nvim emacs` must not spend two minutes installing
// code-server). Run against stubs: dpkg-query, id, apt-get and npm are
// replaced on PATH, so nothing is installed and the calls are recorded.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = join(__dirname, '..', '..', 'scripts', 'editors-setup.sh');

/** A sandbox whose stubs say every Debian package is installed (or none is) and fail any install. */
function sandbox(installed: 'all' | 'none'): { env: NodeJS.ProcessEnv; calls: string } {
  const folder = mkdtempSync(join(tmpdir(), 'slac-editors-setup-'));
  const bin = join(folder, 'bin');
  mkdirSync(bin);
  const calls = join(folder, 'calls');
  const stubs: Record<string, string> = {
    'dpkg-query': installed === 'all' ? `printf 'install ok installed'` : 'exit 1',
    // Not root: the script names missing packages instead of running apt-get.
    id: 'echo 1000',
    'apt-get': `echo "apt-get $*" >> "${calls}"; exit 1`,
    npm: `echo "npm $*" >> "${calls}"; exit 1`,
  };
  for (const [name, body] of Object.entries(stubs)) {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, SLAC_EDITORS_CACHE: join(folder, 'cache') };
  return { env, calls };
}

function runSetup(editors: string[], installed: 'all' | 'none') {
  const { env, calls } = sandbox(installed);
  const run = spawnSync('bash', [script, ...editors], { env, encoding: 'utf8' });
  return { ...run, calls: existsSync(calls) ? readFileSync(calls, 'utf8') : '' };
}

describe('scripts/editors-setup.sh installs what the editors named need', () => {
  it.each([
    { editors: [], missing: 'libkrb5-dev ripgrep neovim emacs-nox elpa-eglot' },
    { editors: ['vscode'], missing: 'libkrb5-dev ripgrep' },
    { editors: ['nvim'], missing: 'neovim' },
    { editors: ['emacs'], missing: 'emacs-nox elpa-eglot' },
    { editors: ['nvim', 'emacs'], missing: 'neovim emacs-nox elpa-eglot' },
  ])('$editors: names the Debian packages $missing', ({ editors, missing }) => {
    const run = runSetup(editors, 'none');
    expect(run.stderr).toContain(`missing Debian packages: ${missing}\n`);
    expect(run.status).toBe(1);
    expect(run.calls).toBe('');
  });

  it.each([
    { editors: [], codeServer: true },
    { editors: ['vscode'], codeServer: true },
    { editors: ['nvim', 'vscode'], codeServer: true },
    { editors: ['nvim'], codeServer: false },
    { editors: ['emacs'], codeServer: false },
    { editors: ['nvim', 'emacs'], codeServer: false },
  ])('$editors: installs code-server: $codeServer', ({ editors, codeServer }) => {
    const run = runSetup(editors, 'all');
    if (codeServer) {
      expect(run.calls).toMatch(/^npm install .*code-server@/);
      expect(run.status).not.toBe(0);
    } else {
      expect(run.calls).toBe('');
      expect(run.stderr).not.toContain('code-server');
      expect(run.status).toBe(0);
    }
  });

  it('refuses an editor it does not know, naming the ones it does', () => {
    const run = runSetup(['vim'], 'all');
    expect(run.stderr).toContain('editors-setup: unknown editor "vim" (known: vscode, nvim, emacs)');
    expect(run.status).toBe(2);
    expect(run.calls).toBe('');
  });
});
