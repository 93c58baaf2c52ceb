import type { Connection } from 'vscode-languageserver';
import { formatDocument } from '../services/formatting.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentRequest } from './request.js';

/** Formatting, the same as `slac fmt`. */
export const registerFormatting: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onDocumentFormatting(
    documentRequest(connection, manager, 'formatting', [], (document) => formatDocument(document)),
  );
  return { documentFormattingProvider: true };
};
