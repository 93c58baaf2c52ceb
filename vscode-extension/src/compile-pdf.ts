// "SLA: Compile to PDF": writes NAME.pdf next to NAME.sla with the bundled
// CLI and says how it went; on failure the CLI's first error (file, line,
// problem; not a warning printed before it) is shown, and its whole output is
// kept in the output channel.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { failureMessage, headlineError } from './bundled-cli.js';
import { pdfPathFor } from './compile-request.js';
import { compileWithSlac, configuredParams, type SlacHost } from './slac.js';

/** Compiles the saved `document` to PDF beside it and reports success or the error. */
export async function compileToPdf(host: SlacHost, document: vscode.TextDocument): Promise<void> {
  if (document.isUntitled) {
    void vscode.window.showWarningMessage('Save the agreement as an .sla file before compiling it to PDF.');
    return;
  }
  if (document.isDirty && !(await document.save())) {
    void vscode.window.showWarningMessage(`${basename(document.fileName)} was not saved, so it was not compiled.`);
    return;
  }
  const out = pdfPathFor(document.uri.fsPath);
  const run = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Compiling ${basename(document.fileName)} to PDF…` },
    () => compileWithSlac(host, document.uri, { format: 'pdf', out, params: configuredParams(document.uri, host.output) }),
  );
  if (run.exitCode === 0) {
    const choice = await vscode.window.showInformationMessage(`Wrote ${basename(out)}.`, 'Open PDF');
    if (choice === 'Open PDF') await vscode.env.openExternal(vscode.Uri.file(out));
    return;
  }
  const choice = await vscode.window.showErrorMessage(
    `Could not compile ${basename(document.fileName)} to PDF: ${headlineError(failureMessage(run))}`,
    'Show Output',
  );
  if (choice === 'Show Output') host.output.show(true);
}
