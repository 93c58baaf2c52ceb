// Runs the slac CLI that ships inside the extension (dist/cli.js) in a child
// Node process, so compiling needs no separate install of slac. Free of the
// `vscode` module so tests can run it against a stand-in script.
import { fork } from 'node:child_process';

/** What one run of the CLI printed and how it ended. */
export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** How to run the CLI: where it is, where to run it and any extra environment. */
export interface CliRunOptions {
  cliPath: string;
  cwd: string;
  env?: Record<string, string>;
}

/**
 * Runs `node cliPath ...args` and resolves with its output and exit code; it
 * rejects only when the process cannot be started at all. Inside VS Code,
 * `process.execPath` is the editor's Electron binary, so the child is told
 * to behave as plain Node (as vscode-languageclient does for its servers).
 */
export function runBundledCli(args: readonly string[], options: CliRunOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = fork(options.cliPath, [...args], {
      cwd: options.cwd,
      silent: true,
      env: { ...process.env, ...options.env, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1' },
      execArgv: [],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      const exitCode = code ?? 1;
      resolve({ exitCode, stdout, stderr: signal ? `${stderr}slac was stopped by ${signal}.\n` : stderr });
    });
  });
}

/**
 * The message to show for a failed run: what the CLI printed on stderr (it
 * names file, line and problem), or the exit code when it printed nothing.
 */
export function failureMessage(run: CliRun): string {
  const text = run.stderr.trim() || run.stdout.trim();
  return text.length > 0 ? text : `slac exited with code ${run.exitCode} and printed nothing.`;
}

/**
 * The line of a failure to show in a notification: the first error the CLI
 * reported (`file:line:col: error CODE: ...`, or `slac: ...` for a failure
 * outside the agreement), not a warning printed before it; the first line
 * that is not a warning when none is marked.
 */
export function headlineError(message: string): string {
  const lines = message.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return (
    lines.find((line) => /:\d+:\d+: error\b/.test(line)) ??
    lines.find((line) => /^(slac: |error\b)/i.test(line) && !/\bwarning\b/i.test(line)) ??
    lines.find((line) => !/\bwarning\b/i.test(line)) ??
    lines[0] ??
    message
  );
}
