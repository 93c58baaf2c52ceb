import type { Connection } from 'vscode-languageserver';
import { documentLinks } from '../services/document-links.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentRequest } from './request.js';

/** Links on import, portfolio and holiday-file paths. */
export const registerDocumentLinks: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onDocumentLinks(documentRequest(connection, manager, 'documentLink', [], (document) => documentLinks(document)));
  return { documentLinkProvider: { resolveProvider: false } };
};
