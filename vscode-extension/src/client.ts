// The language client: starts the server bundled in the extension
// (dist/server.js, the same server as `slac lsp --stdio`) over stdio. The
// server watches .sla files on disk itself (dynamic registration).
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Creates the client for the bundled server at `serverPath`; the caller starts and stops it. */
export function createLanguageClient(serverPath: string, output: vscode.LogOutputChannel): LanguageClient {
  const serverOptions: ServerOptions = {
    run: { module: serverPath, transport: TransportKind.stdio },
    debug: { module: serverPath, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'sla' },
      { scheme: 'untitled', language: 'sla' },
    ],
    outputChannel: output,
  };
  return new LanguageClient('sla', 'SLA Language Server', serverOptions, clientOptions);
}
