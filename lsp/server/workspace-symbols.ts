import type { CancellationToken, Connection } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Analysis } from '../services/language.js';
import { workspaceSymbols } from '../services/workspace-symbols.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { guard } from './guard.js';
import { indexScanned, settle } from './request.js';

/**
 * Go to Symbol in Workspace: the declarations of the open files and of
 * every indexed file of the workspace folders. The files are analysed one
 * at a time, giving up when the request is cancelled (each keystroke in the
 * picker sends a new one).
 */
export const registerWorkspaceSymbols: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onWorkspaceSymbol(async ({ query }, token: CancellationToken) => {
    // The whole index, not the part a scan still running has reached.
    await indexScanned(manager, token, 'workspace symbols');
    const files = [...new Set([...manager.workspace.openFiles(), ...manager.index.list()])];
    const analyses: [string, Analysis][] = [];
    for (const file of files) {
      await settle();
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'workspace symbols cancelled');
      const analysis = guard(connection, 'workspaceSymbol', undefined, () => manager.workspace.analysisOf(file))(undefined);
      if (analysis) analyses.push([file, analysis]);
    }
    return guard(connection, 'workspaceSymbol', [], () => workspaceSymbols(analyses, query, (f) => manager.uriOf(f)))(undefined);
  });
  return { workspaceSymbolProvider: true };
};
