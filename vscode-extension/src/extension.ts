// Entry point of the SLA extension: the language client for the bundled
// server, and the preview and PDF commands over the bundled CLI.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './client.js';
import { compileToPdf } from './compile-pdf.js';
import { AgreementPreviews } from './preview.js';
import type { SlacHost } from './slac.js';

let client: LanguageClient | undefined;

/** Called by VS Code when an .sla file opens or an SLA command runs. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('SLA', { log: true });
  const host: SlacHost = { cliPath: context.asAbsolutePath('dist/cli.js'), output };
  const previews = new AgreementPreviews(host);
  context.subscriptions.push(
    output,
    previews,
    vscode.commands.registerCommand('sla.showPreview', (uri?: vscode.Uri) => {
      const file = agreementFile(uri);
      if (file) previews.show(file);
    }),
    vscode.commands.registerCommand('sla.compilePdf', async (uri?: vscode.Uri) => {
      const file = agreementFile(uri);
      if (file) await compileToPdf(host, await vscode.workspace.openTextDocument(file));
    }),
  );

  client = createLanguageClient(context.asAbsolutePath('dist/server.js'), output);
  try {
    await client.start();
  } catch (error) {
    output.appendLine(`The SLA language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window.showErrorMessage('The SLA language server did not start; see the "SLA" output for details.');
  }
}

/** Called by VS Code on shutdown: stops the server cleanly. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** The .sla file a command acts on: the one it was invoked on (menus), else the active editor's. */
function agreementFile(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  if (uri instanceof vscode.Uri) return uri;
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId === 'sla') return document.uri;
  void vscode.window.showWarningMessage('Open an .sla agreement first.');
  return undefined;
}
