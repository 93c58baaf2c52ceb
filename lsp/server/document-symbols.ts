import type { Connection } from 'vscode-languageserver';
import { documentSymbols } from '../services/document-symbols.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentRequest } from './request.js';

/** The outline of a document. */
export const registerDocumentSymbols: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onDocumentSymbol(
    documentRequest(connection, manager, 'documentSymbol', [], (document) => documentSymbols(document)),
  );
  return { documentSymbolProvider: { label: 'slac' } };
};
