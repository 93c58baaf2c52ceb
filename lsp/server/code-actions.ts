import type { Connection } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import { codeActions } from '../services/code-actions.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentAt } from './feature-context.js';
import { guard } from './guard.js';

/** Quick fixes for diagnostics with one obvious fix. */
export const registerCodeActions: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onCodeAction(
    guard(connection, 'codeAction', [], ({ textDocument, context }) => {
      const document = documentAt(manager, textDocument.uri);
      return document ? codeActions(document, context.diagnostics) : [];
    }),
  );
  return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } };
};
