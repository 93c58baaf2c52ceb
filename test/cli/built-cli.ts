import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The executable as users run it: bin/slac.js on the bundle in dist/, in a
 * child process, as `npm install -g` and `npx` users do. Tests that call
 * runCli on the TypeScript sources cannot see a file the bundle looks for in
 * the wrong place; these can. Needs `npm run build` (which `npm test` runs).
 */

/** The repository root. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The published entry point of this checkout. */
export const builtBin = join(repoRoot, 'bin', 'slac.js');

/** What one run of the executable gave. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node BIN ...args` in `cwd` and waits for it; `bin` defaults to this
 * checkout's bin/slac.js. A run still going after 120 s is killed with
 * SIGKILL (`code` null): the CLI handles SIGTERM, and a process stuck in a
 * loop never runs that handler, so a SIGTERM left the test waiting for ever.
 */
export function runBuiltCli(args: readonly string[], cwd: string, bin: string = builtBin): CliRun {
  if (!existsSync(join(dirname(bin), '..', 'dist', 'slac.mjs'))) throw new Error(`${bin}: dist/slac.mjs is missing; run npm run build first.`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `runBuiltCli` with `--jobs N` made to start its worker threads on any log:
 * the size switch lets the small logs of a test be read on threads.
 */
export function runBuiltCliOnThreads(args: readonly string[], cwd: string): CliRun {
  const result = spawnSync(process.execPath, [builtBin, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, SLAC_CHECK_PARALLEL_MIN_BYTES: '0', SLAC_CHECK_CORES: '8' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
