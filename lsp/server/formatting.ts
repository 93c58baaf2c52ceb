import type { Connection } from 'vscode-languageserver';
import { formatDocument } from '../services/formatting.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentAt } from './feature-context.js';
import { guard } from './guard.js';

/** Formatting, the same as `slac fmt`. */
export const registerFormatting: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onDocumentFormatting(
    guard(connection, 'formatting', [], ({ textDocument }) => {
      const document = documentAt(manager, textDocument.uri);
      return document ? formatDocument(document) : [];
    }),
  );
  return { documentFormattingProvider: true };
};
