import type { Connection } from 'vscode-languageserver';
import { documentHighlights } from '../services/document-highlight.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentRequest } from './request.js';

/** Highlight the other places in the file naming what the cursor is on. */
export const registerDocumentHighlight: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onDocumentHighlight(
    documentRequest(connection, manager, 'documentHighlight', [], (document, { position }) => documentHighlights(document, position)),
  );
  return { documentHighlightProvider: true };
};
