import type { Connection } from 'vscode-languageserver';
import { formatRange } from '../services/formatting.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentRequest } from './request.js';

/** Format Selection (and Neovim's `gq`): `slac fmt`'s changes to the selected lines. */
export const registerRangeFormatting: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onDocumentRangeFormatting(
    documentRequest(connection, manager, 'rangeFormatting', [], (document, { range }) => formatRange(document, range)),
  );
  return { documentRangeFormattingProvider: true };
};
