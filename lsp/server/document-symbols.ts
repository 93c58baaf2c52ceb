import type { Connection } from 'vscode-languageserver';
import { documentSymbols } from '../services/document-symbols.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentAt } from './feature-context.js';
import { guard } from './guard.js';

/** The outline of a document. */
export const registerDocumentSymbols: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onDocumentSymbol(
    guard(connection, 'documentSymbol', [], ({ textDocument }) => {
      const document = documentAt(manager, textDocument.uri);
      return document ? documentSymbols(document) : [];
    }),
  );
  return { documentSymbolProvider: { label: 'slac' } };
};
