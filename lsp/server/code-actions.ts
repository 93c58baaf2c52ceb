import type { Connection } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import { codeActions } from '../services/code-actions.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentRequest } from './request.js';

/** Quick fixes for diagnostics with one obvious fix. */
export const registerCodeActions: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onCodeAction(
    documentRequest(connection, manager, 'codeAction', [], (document, { context }) => codeActions(document, context.diagnostics)),
  );
  return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } };
};
