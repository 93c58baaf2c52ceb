// The bridge from VS Code to the bundled CLI: reads the extension's settings,
// logs each run to the output channel and compiles one file to one format.
import { basename, dirname, relative, sep } from 'node:path';
import * as vscode from 'vscode';
import { runBundledCli, type CliRun } from './bundled-cli.js';
import { compileArgs, declaredOnly, paramsFromSetting, type CompileRequest } from './compile-request.js';
import { declaredParams } from './declared-params.js';

/** What the commands share: the bundled CLI and the output channel. */
export interface SlacHost {
  cliPath: string;
  output: vscode.OutputChannel;
}

/**
 * The `--param` values for `file` from the `sla.params` setting of its
 * workspace folder: the plain entries and those given for this file, kept
 * to the params the agreement (with its imports) declares, since the CLI
 * refuses any other.
 */
export function configuredParams(file: vscode.Uri, output: vscode.OutputChannel): Record<string, string> {
  const folder = vscode.workspace.getWorkspaceFolder(file)?.uri.fsPath;
  const fileKeys = [...(folder ? [relative(folder, file.fsPath).split(sep).join('/')] : []), basename(file.fsPath)];
  const { params, ignored } = paramsFromSetting(vscode.workspace.getConfiguration('sla', file).get('params'), fileKeys);
  if (ignored.length > 0) output.appendLine(`sla.params: ignored ${ignored.join(', ')} (values must be text).`);
  const { params: declared, skipped } = declaredOnly(params, declaredParams(file.fsPath));
  if (skipped.length > 0) output.appendLine(`sla.params: ${basename(file.fsPath)} declares no param ${skipped.join(', ')}; not passed.`);
  return declared;
}

/** Environment for the CLI: the browser for PDF output when the user set one. */
function cliEnvironment(file: vscode.Uri): Record<string, string> {
  const browserPath = vscode.workspace.getConfiguration('sla', file).get<string>('pdf.browserPath', '').trim();
  return browserPath ? { PUPPETEER_EXECUTABLE_PATH: browserPath } : {};
}

/** Compiles `file` as `request` asks with the bundled CLI, logging the command and its output. */
export async function compileWithSlac(host: SlacHost, file: vscode.Uri, request: Omit<CompileRequest, 'file'>): Promise<CliRun> {
  const args = compileArgs({ ...request, file: file.fsPath });
  host.output.appendLine(`[${new Date().toLocaleTimeString()}] slac ${args.map(quoteForLog).join(' ')}`);
  const run = await runBundledCli(args, {
    cliPath: host.cliPath,
    // Messages name files relative to this folder, as the user sees them in the explorer.
    cwd: vscode.workspace.getWorkspaceFolder(file)?.uri.fsPath ?? dirname(file.fsPath),
    env: cliEnvironment(file),
  });
  if (run.stderr.trim()) host.output.appendLine(run.stderr.trimEnd());
  host.output.appendLine(`slac exited with code ${run.exitCode}.`);
  return run;
}

function quoteForLog(arg: string): string {
  return /^[\w./:=@-]+$/.test(arg) ? arg : JSON.stringify(arg);
}
