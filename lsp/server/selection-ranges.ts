import type { Connection } from 'vscode-languageserver';
import { selectionRanges } from '../services/selection-ranges.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentRequest } from './request.js';

/** Expand and shrink the selection along the syntax tree. */
export const registerSelectionRanges: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onSelectionRanges(
    documentRequest(connection, manager, 'selectionRange', [], (document, { positions }) => selectionRanges(document, positions)),
  );
  return { selectionRangeProvider: true };
};
